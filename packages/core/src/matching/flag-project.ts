import path from 'node:path';
import type ts from '../typescript.cjs';
import type { Diagnostic } from '../diagnostics.js';
import type { Accessor, FlagRead, KeyDeclaration, WrapperInfo } from '../types.js';
import { accessorName, isPropertyAccessor, isExportAccessor } from '../types.js';
import { ReadMatcher } from './accessor-match.js';
import { CandidateFilter, wordFilter } from './candidate-filter.js';
import { accessorShapes, type CandidateForms, type CandidateShapes } from './candidate-shapes.js';
import { collectDeclarations } from './declarations.js';
import { DependencyRecorder } from './dependency-recorder.js';
import { aliasInRegions, candidateAliases, isTreeOf, parseEntry, parseSkimmed, sameAsHost, skimTests, type FileEntry, type SkimTests } from './file-parse.js';
import { KeyResolver } from './key-resolver.js';
import { buildModuleSymbols } from './module-symbols.js';
import type { ModuleSymbols } from './module-symbols.js';
import { ModuleResolver } from './module-resolver.js';
import { ModuleSpelling } from './module-spelling.js';
import type { ProjectContext } from './project-context.js';
import { ReadCollector } from './read-collector.js';
import { ScopeLookup } from './scope.js';
import type { TreeCache } from './tree-cache.js';
import { nodeSourceHost } from './source-host.js';
import type { SourceHost } from './source-host.js';
import { WrapperRegistry } from './wrapper-registry.js';

export interface FlagProjectOptions {
  /** Project root: tsconfig lookup starts here. */
  root: string;
  accessors: Accessor[];
  host?: SourceHost;
  /** Path of the tsconfig to read `paths`/`baseUrl` from; default: nearest at/above root; false: none. */
  tsconfig?: string | false;
  /**
   * Parse only what can hold a read (see skim.ts): top-level functions that spell no candidate
   * word and none of `keys` are left unparsed, so syntax errors inside them go unnoticed, as they
   * do in files the scanner's pre-filter drops. Call `reskim` when wrappers add candidate words.
   */
  skim?: { keys: Iterable<string> };
  /**
   * Registered keys: an enum, union or `as const` object named like a key source (flag, feature,
   * toggle) that no read resolved through still declares the members that spell one of these.
   */
  registered?: Iterable<string>;
  /**
   * Key sources that reads of files not read this time marked in an earlier run over the same
   * texts (`keySourcesMarkedBy` of those files): their declarations count as if those reads had
   * been seen. `history` re-reads only some files of a commit.
   */
  keySources?: Iterable<string>;
  /**
   * Parses shared with other projects over mostly the same texts (`history`'s points): a file
   * whose text (and skimmed text) a kept parse was made from is not parsed again.
   */
  trees?: TreeCache;
  /**
   * Resolved imports (`folder\0specifier` -> file or null) shared with other projects over the
   * same files and steering files; whoever shares it forgets the entries a change can alter.
   */
  resolutions?: Map<string, string | null>;
}

/**
 * One project's view of flag reads: parses files on demand (syntax only, no Program), resolves
 * keys and wrappers across files, and caches per file. Shared by scanner, codemod and ESLint
 * plugin so all three give the same answer.
 */
export class FlagProject {
  readonly root: string;
  private readonly host: SourceHost;
  private readonly accessors: Accessor[];
  private readonly files = new Map<string, FileEntry | null>();
  /**
   * Files whose borrowed tree was let go, with their text when it is not the host's (an
   * editor's buffer) or null: parsed again from that text when another file resolves through them.
   */
  private readonly released = new Map<string, string | null>();
  /** Reads per file; dropped whenever any file changes, since wrappers cross files. */
  private readonly reads = new Map<string, FlagRead[]>();
  private readonly modules: ModuleResolver;
  private readonly keys: KeyResolver;
  private readonly wrapperRegistry: WrapperRegistry;
  private readonly matcher: ReadMatcher;
  private readonly collector: ReadCollector;
  private readonly skimKeys: string[] | undefined;
  private readonly registered: ReadonlySet<string> | undefined;
  /** The skim tests for the candidate words known when they were built; reset by `reskim`. */
  private skimTests: SkimTests | undefined;
  /** `readSites`' word filter, for the candidate words it was built from. */
  private siteWords: { words: readonly string[]; filter: CandidateFilter } | undefined;
  /** Whether a module's text can declare a wrapper (module-spelling.ts). */
  private readonly spelling: ModuleSpelling;
  /** `candidateWords()`, for the wrapper names it was made from. */
  private words: { names: ReadonlySet<string>; words: readonly string[] } | undefined;
  /** The accessors' words for the file pre-filter, split by `accessorShapes`. */
  private readonly shaped: { plain: string[]; shapes: CandidateShapes };
  /** `candidateForms()`, for the `candidateWords()` it was made with. */
  private forms: { words: readonly string[]; forms: CandidateForms } | undefined;
  private readonly recorder: DependencyRecorder;
  private readonly trees: TreeCache | undefined;

  constructor(options: FlagProjectOptions) {
    this.root = path.resolve(options.root);
    this.host = options.host ?? nodeSourceHost;
    this.accessors = options.accessors;
    this.shaped = accessorShapes(this.accessors);
    this.recorder = new DependencyRecorder(options.keySources);
    this.trees = options.trees;
    this.modules = new ModuleResolver(this.root, this.host, options.tsconfig, options.resolutions);
    this.spelling = new ModuleSpelling({
      words: () => this.candidateWords(),
      forms: () => this.candidateForms(),
      text: (f) => this.files.get(f)?.text ?? this.released.get(f) ?? (this.host.peekFile ?? this.host.readFile).call(this.host, f),
      resolve: (s, f) => this.modules.resolve(s, f),
      consulted: (f) => this.recorder.used(f),
    });
    const ctx: ProjectContext = {
      parsed: (f) => {
        this.recorder.used(f);
        return this.entry(f)?.sf;
      },
      symbols: (f) => {
        this.recorder.used(f);
        return this.symbols(f);
      },
      text: (f) => this.entry(f)?.text,
      resolveModule: (s, f) => this.modules.resolve(s, f),
      maySpellWrapper: (f) => {
        this.recorder.used(f);
        return this.spelling.maySpellWrapper(f);
      },
      scopes: new ScopeLookup(),
    };
    this.keys = new KeyResolver(ctx);
    this.wrapperRegistry = new WrapperRegistry(ctx, this.keys);
    this.matcher = new ReadMatcher(this.accessors, ctx, this.keys, this.wrapperRegistry);
    this.wrapperRegistry.attach(this.matcher);
    this.collector = new ReadCollector(this.matcher, this.keys, this.wrapperRegistry);
    this.skimKeys = options.skim ? [...options.skim.keys] : undefined;
    this.registered = options.registered ? new Set(options.registered) : undefined;
    // Which file's reads marked a key source, without touching KeyResolver: the one `add` of
    // this project's own set is wrapped.
    const sources = this.keys.keySources;
    const add = sources.add.bind(sources);
    sources.add = (node) => {
      this.recorder.marked(node);
      return add(node);
    };
  }

  /**
   * Words whose absence from a file's text proves it holds no read: the last segment of every
   * accessor path (every read, destructured or not, spells it) and every known wrapper's name.
   */
  candidateWords(): readonly string[] {
    // Asked for once or twice per linted file: the same array while the wrapper names are the same.
    const names = this.wrapperRegistry.names();
    if (this.words?.names === names) return this.words.words;
    const words = new Set<string>();
    for (const a of this.accessors) {
      // A data key spells its property or export name; every other read spells its path's last segment.
      if (isPropertyAccessor(a) || isExportAccessor(a)) {
        words.add(accessorName(a));
        continue;
      }
      // `featureFlags.flags.*`: the last named segment is what every read spells.
      const segs = accessorName(a).split('.').filter((seg) => seg !== '*');
      words.add(segs[segs.length - 1]);
    }
    // Sealed names (found in an earlier run) count before their wrappers are analysed, and the
    // names of wrappers in trees let go (`letGo`) still count.
    for (const name of names) words.add(name);
    words.delete('');
    words.delete('this');
    // The names set is rebuilt whenever a wrapper or alias may have been added; the same words
    // keep the same array, so that what is built from them (filters) is kept too.
    const list = [...words];
    const before = this.words?.words;
    const same = before !== undefined && before.length === list.length && before.every((w, i) => w === list[i]);
    this.words = { names, words: same ? before : list };
    return this.words.words;
  }

  /**
   * `candidateWords()` for the file pre-filter (`searchCandidates`): the same words, but an
   * accessor whose reads take few forms chooses a file only where its word is spelled in one of
   * them (candidate-shapes.ts). Wrapper names stay plain words, even one that equals an
   * accessor's word.
   */
  candidateForms(): CandidateForms {
    const all = this.candidateWords();
    if (this.forms?.words === all) return this.forms.forms;
    const words = new Set(this.shaped.plain);
    for (const name of this.wrapperRegistry.names()) words.add(name);
    words.delete('');
    words.delete('this');
    const forms = { words: [...words], shapes: this.shaped.shapes };
    this.forms = { words: all, forms };
    return forms;
  }

  /**
   * Cached per path; `text` replaces what the host holds (and invalidates the old parse if it
   * differs). `tree` is that text already parsed by someone else (ESLint's parser): used instead
   * of parsing again when it is a complete tree of exactly `text` from this TypeScript.
   */
  sourceFile(file: string, text?: string, tree?: ts.SourceFile): ts.SourceFile {
    const abs = path.resolve(file);
    if (text !== undefined) this.setText(abs, text, tree);
    return this.entry(abs)?.sf ?? parseEntry(abs, '').sf;
  }

  /** Why a file yields no reads although it may hold some (today: nesting too deep to parse). */
  problems(file: string, text?: string): Diagnostic[] {
    const abs = path.resolve(file);
    this.sourceFile(abs, text);
    if (!this.entry(abs)?.tooDeep) return [];
    return [
      {
        severity: 'warning',
        code: 'matching/too-deep',
        file: abs,
        line: 0,
        column: 0,
        message: 'expressions are nested too deeply to parse; flag reads in this file are not reported',
        fix: 'exclude the file if it is generated, or split the deeply nested expression',
      },
    ];
  }

  /** `tree`: see `sourceFile`. */
  readsIn(file: string, text?: string, tree?: ts.SourceFile): FlagRead[] {
    const abs = path.resolve(file);
    const sf = this.sourceFile(abs, text, tree);
    let reads = this.reads.get(abs);
    if (!reads) {
      try {
        // Walking only what spells a word needs every wrapper's name: once sealed.
        const sites = this.skimKeys && this.wrapperRegistry.sealed ? this.readSites(sf) : undefined;
        reads = this.recorder.run(abs, () => this.collector.collect(sf, abs, sites));
      } catch (error) {
        // Pathologically deep code: report nothing rather than crash the whole scan.
        if (!(error instanceof RangeError)) throw error;
        reads = [];
      }
      this.reads.set(abs, reads);
    }
    this.letGo(abs);
    // Copies: callers may annotate reads (e.g. `test: true`) without touching the cache.
    return reads.map((r) => ({ ...r }));
  }

  /** Call after `readsIn` over the project: "used as a key source" depends on reads seen so far. */
  declarationsIn(file: string, text?: string): KeyDeclaration[] {
    const abs = path.resolve(file);
    const sf = this.sourceFile(abs, text);
    // Forwarding wrappers in this file mark their key parameter's type as a key source.
    this.recorder.run(abs, () => this.wrapperRegistry.inFile(abs));
    for (const node of this.recorder.presetsIn(abs, sf)) this.keys.keySources.add(node);
    return collectDeclarations(sf, abs, this.keys.keySources, this.registered);
  }

  /**
   * The files (absolute paths) that `file`'s reads, declarations and wrappers were resolved
   * through so far, `file` included once it was read: its reads can change only when one of them
   * changes. A wrapper analysed for an earlier file is not followed again, so a caller records
   * the wrapper's file but not what that wrapper resolved through: follow the sets transitively.
   * Cleared for a file by `invalidate`; otherwise only grows.
   */
  dependenciesOf(file: string): ReadonlySet<string> {
    return this.recorder.dependenciesOf(path.resolve(file));
  }

  /**
   * The key sources (enums, `as const` objects, string consts, types) that `file`'s reads and
   * wrappers marked so far, as opaque strings that start with the declaring file's path and a
   * NUL: what `FlagProjectOptions.keySources` takes back for the same texts.
   */
  keySourcesMarkedBy(file: string): ReadonlySet<string> {
    return this.recorder.keySourcesMarkedBy(path.resolve(file));
  }

  /** Analyses the top-level functions of `files`; wrappers of wrappers resolve across files lazily. */
  discoverWrappers(files: Iterable<string>): WrapperInfo[] {
    const out: WrapperInfo[] = [];
    for (const f of files) {
      const abs = path.resolve(f);
      for (const rec of this.recorder.run(abs, () => this.wrapperRegistry.inFile(abs))) out.push(rec.info);
    }
    return out;
  }

  /**
   * Names under which known wrappers are re-exported (`export { useX as useY }`), with the
   * re-exporting file: names that must be sealed with the wrappers' own.
   */
  wrapperAliases(): Array<[name: string, file: string]> {
    return this.wrapperRegistry.aliasEntries();
  }

  /**
   * Promise that `discoverWrappers` has seen every file that can declare a wrapper (as the
   * scanner's fixed-point pre-filter guarantees). Calls of other names are then not followed
   * into their modules, which saves parsing most imported files. `invalidate` lifts it.
   *
   * `names` and `covers`: instead, the promise that the wrappers declared in the files `covers`
   * accepts (every file, when not given) have exactly those names: what an earlier run over
   * those files found. Those wrappers are analysed when a read first calls them; a call of
   * another name is followed only into a module outside those files.
   */
  sealWrappers(names?: Iterable<string>, covers?: (file: string) => boolean): void {
    this.wrapperRegistry.seal(names, covers);
  }

  /**
   * For the scanner's candidate search: lookups into modules that spell no candidate word known
   * so far are deferred (not parsed) until `settle`, which the search calls once no new wrapper
   * turns up. Only for a search that calls `settle`.
   */
  deferLookups(): void {
    this.wrapperRegistry.deferLookups();
  }

  /** See `deferLookups`: true when discovery must run again (a deferred module spells a word now). */
  settle(): boolean {
    return this.wrapperRegistry.settle();
  }

  wrappers(): WrapperInfo[] {
    return this.wrapperRegistry.known();
  }

  /** `expr` must belong to `this.sourceFile(file)` (scope lookup walks its parents). */
  resolveKey(expr: ts.Expression, file: string): string | null {
    return this.keys.resolveKey(expr, path.resolve(file));
  }

  resolveModule(specifier: string, fromFile: string): string | null {
    return this.modules.resolve(specifier, path.resolve(fromFile));
  }

  /** The compiler options TypeScript resolves `fromFile`'s imports with (its tsconfig's, and what core sets). */
  resolutionOptions(fromFile: string): ts.CompilerOptions {
    return this.modules.optionsFor(path.resolve(fromFile));
  }

  /** Forget a file that changed, appeared or vanished on disk. */
  invalidate(file: string): void {
    this.forget(path.resolve(file));
    this.recorder.forget(path.resolve(file));
    // A new or deleted file can change what specifiers resolve to.
    this.modules.clear(file);
    this.reads.clear();
  }

  /**
   * Offsets in `sf` where a read can start to spell its accessor or wrapper: every candidate word,
   * and every local name that can stand for one (a default, namespace or renamed import). The
   * same premise as the pre-filter and skimming, so used only when skimming, and only once the
   * wrappers are sealed (all their names known).
   */
  private readSites(sf: ts.SourceFile): number[] {
    const words = this.candidateWords();
    if (this.siteWords?.words !== words) this.siteWords = { words, filter: new CandidateFilter(words) };
    const { filter } = this.siteWords;
    const sites = filter.offsets(sf.text);
    const aliases = candidateAliases(sf, sf.text, (t) => filter.matches(t));
    if (aliases.length === 0) return sites;
    return [...sites, ...wordFilter(aliases).offsets(sf.text)].sort((a, b) => a - b);
  }


  /**
   * Skimming again with the candidate words known now (wrappers found since the files were
   * parsed): files whose unparsed functions name a new word are parsed again. Returns them.
   */
  reskim(): string[] {
    if (!this.skimKeys) return [];
    // Built before `forget` below clears the wrappers the words come from.
    const tests = (this.skimTests = skimTests(this.candidateWords(), this.skimKeys));
    const changed: Array<[string, FileEntry]> = [];
    for (const [abs, entry] of this.files) {
      const skim = entry?.skim;
      if (!entry || !skim) continue;
      if (skim.regions.some((r) => tests.keep(entry.text.slice(r.start, r.end))) || aliasInRegions(entry.sf, entry.text, skim, tests.spellsWord)) {
        changed.push([abs, this.parse(abs, entry.text)]);
      }
    }
    for (const [abs, fresh] of changed) {
      this.forget(abs);
      this.files.set(abs, fresh);
    }
    return changed.map(([abs]) => abs);
  }

  private setText(abs: string, text: string, tree?: ts.SourceFile): void {
    const cached = this.files.get(abs);
    if (cached && cached.text === text) return;
    const released = this.released.get(abs);
    // A file seen first with a text other than the host's (an unsaved editor buffer) changes
    // what other files resolved lazily through it, just as an edit does.
    const hostText = cached === undefined && typeof released !== 'string' && sameAsHost(this.host, abs, text);
    const changed = cached !== undefined || (typeof released === 'string' ? released !== text : !hostText);
    if (changed) this.forget(abs);
    this.released.delete(abs);
    this.files.set(abs, tree && isTreeOf(tree, abs, text) ? { text, sf: tree, tooDeep: false, borrowed: { hostText } } : this.parse(abs, text));
  }

  /**
   * Lets go of a borrowed tree once the file's reads are taken. Kept, typescript-eslint's full
   * trees of every linted file would double ESLint's memory on a large project (879 MB against
   * 445 MB on 3,000 files) and its garbage collection with it; the few files other files
   * resolve through are parsed again, skimmed, from the same text.
   */
  private letGo(abs: string): void {
    const entry = this.files.get(abs);
    if (!entry?.borrowed) return;
    this.files.delete(abs);
    this.released.set(abs, entry.borrowed.hostText ? null : entry.text);
    this.wrapperRegistry.forgetTree(abs, entry.sf);
    for (const n of this.keys.keySources) if (n.getSourceFile() === entry.sf) this.keys.keySources.delete(n);
  }

  private parse(abs: string, text: string): FileEntry {
    if (this.skimKeys) {
      const tests = (this.skimTests ??= skimTests(this.candidateWords(), this.skimKeys));
      const skimmed = parseSkimmed(abs, text, tests, this.trees);
      if (skimmed) return skimmed;
    }
    return parseEntry(abs, text, this.trees);
  }

  private forget(abs: string): void {
    this.files.delete(abs);
    this.released.delete(abs);
    this.reads.clear();
    // Wrappers elsewhere may be built on this file's functions.
    this.wrapperRegistry.clear();
    for (const n of this.keys.keySources) if (n.getSourceFile().fileName === abs) this.keys.keySources.delete(n);
  }

  private entry(abs: string): FileEntry | undefined {
    const cached = this.files.get(abs);
    if (cached !== undefined) return cached ?? undefined;
    const text = this.released.get(abs) ?? this.host.readFile(abs);
    this.released.delete(abs);
    const entry = text === undefined ? null : this.parse(abs, text);
    this.files.set(abs, entry);
    return entry ?? undefined;
  }

  private symbols(abs: string): ModuleSymbols | undefined {
    const e = this.entry(abs);
    if (!e) return undefined;
    e.symbols ??= buildModuleSymbols(e.sf, abs);
    return e.symbols;
  }
}
