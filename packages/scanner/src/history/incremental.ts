/**
 * Incremental history: after one full scan, a commit is scanned as a subset: the files that
 * changed since the previous point (edited, added, deleted, rewired to another module) and every
 * file whose reads resolved through one of them (core records that per file: `DependencyMap`);
 * every other file keeps the records of the last point, and the key sources its reads marked are
 * handed to the subset scan. Besides the files it re-scans, a subset lists only what can change
 * what it reports (subset-listing.ts).
 *
 * What the subset scan reveals can widen it (`refine`, then scanned again): a re-scanned read
 * marking a key source in a file not listed, a new wrapper name that unchanged files spell, a
 * listed file whose declarations shrank. Registry keys that came or went re-scan the files that
 * spell them; the unregistered count is recomputed from the keys every file reads. Steering files
 * (tsconfig, package.json, pnpm-workspace.yaml, .gitignore) re-scan only the files whose
 * resolution or ignore verdict they change (tree-delta.ts reads the changes); a changed flagdebt
 * config means a full scan.
 */
import path from 'node:path';
import { CandidateFilter, FlagProject, type FlagdebtConfig, type Registry } from '@flagdebt/core';
import type { IndexedProject } from '../scan.js';
import type { ScanResult } from '../types.js';
import type { BlobRef, BlobStore } from './blob-store.js';
import type { CommitSnapshot } from './commit-snapshot.js';
import type { TreeChange, TreeEntry } from './git.js';
import { isSourcePath, repoRelative } from './import-graph.js';
import { SpecifierIndex, askingAbout, reachingAdded, readersThrough, resolverAt, resolvingOtherwise } from './rewiring.js';
import { SpellerMemo } from './spellers.js';
import { DependencyMap } from './dependency-map.js';
import { FileRecords } from './file-records.js';
import type { ResolutionMemo } from './resolution-memo.js';
import { changedKeys, isInside, treeDelta } from './tree-delta.js';
import { markedBy, wrapperFilesNamedIn } from './subset-listing.js';
import { WrapperSeal, scannedAfter, type WrapperAt } from './wrapper-seal.js';

/** Past this share of the scanned files, a full scan is as cheap as the bookkeeping. */
const MAX_SUBSET_SHARE = 0.5;
/** ...but a small project never needs the full scan for size alone. */
const MIN_SUBSET_LIMIT = 200;
/** Subset scans of one commit before giving up on it (each `refine` only widens the subset). */
const MAX_ROUNDS = 4;

export interface DeltaPlan {
  /** Repository-relative files whose records are replaced (deleted ones included: they are dropped). */
  recompute: Set<string>;
  /** Repository-relative files the subset scan lists (recompute + the key sources and wrapper files they need). */
  listed: Set<string>;
  /** Subset scans of this commit so far. */
  round: number;
  /** Files whose text changed (edited, added, deleted): key-source marks into them are stale. */
  changed: Set<string>;
}


/** Why a commit was scanned in full (for the bench and debugging). */
export type FullReason = 'first' | 'config' | 'steering' | 'scanned-non-source' | 'too-many' | 'declarations' | 'no-baseline' | 'unsettled';

interface Baseline {
  config: FlagdebtConfig;
  registry: Registry;
  /** Source files under the scanned folder. */
  sources: number;
  records: FileRecords;
  /** What each file's reads resolved through. */
  dependencies: DependencyMap;
  /** Per file, the key sources its reads marked (core's `keySourcesMarkedBy`). */
  marks: Map<string, ReadonlySet<string>>;
  /** Every wrapper the last point knew: a name that appears makes its spellers candidates. */
  wrappers: WrapperAt[];
  /** Files the last point scanned (repository-relative): their wrappers are all in `wrappers`. */
  scanned: Set<string>;
}

export class IncrementalState {
  private baseline: Baseline | undefined;
  private readonly index: SpecifierIndex;
  /** Why the last `plan`, `refine` or `apply` gave up, if it did. */
  lastFullReason: FullReason = 'first';
  /** The tree of the commit being planned. */
  private tree: ReadonlyMap<string, TreeEntry> = new Map();
  /** The commit last planned or scanned in full: the one before the next. */
  private snapshot: CommitSnapshot | undefined;
  private readonly seal: WrapperSeal;
  /** Which blobs spell an accessor or wrapper name (asked after steering changes). */
  private readonly spellers = new SpellerMemo();

  constructor(
    private readonly repoRoot: string,
    private readonly dir: string,
    private readonly blobs: BlobStore,
    /** Resolved imports at the commit being planned (and the one before, after a steering change). */
    private readonly resolutions?: ResolutionMemo,
  ) {
    this.index = new SpecifierIndex((blob) => this.blobs.text(blob));
    this.seal = new WrapperSeal(repoRoot, (blob) => this.blobs.text(blob));
  }

  /** After a full scan (that listed `files`): its records and recorded dependencies become the baseline. */
  rebaseline(snapshot: CommitSnapshot, tree: ReadonlyMap<string, TreeEntry>, config: FlagdebtConfig, registry: Registry, result: ScanResult, project: IndexedProject, files: readonly string[]): void {
    // The merge adds up per-file records; if the summary were ever counted otherwise, stay full.
    if (result.summary.references !== result.references.length || result.summary.unregistered !== result.unregistered.length) {
      this.baseline = undefined;
      return;
    }
    this.snapshot = snapshot;
    this.tree = tree;
    if (!this.index.valid) this.index.build(tree);
    const prefix = repoRelative(this.repoRoot, this.dir) ?? '';
    const dependencies = new DependencyMap();
    const marks = new Map<string, ReadonlySet<string>>();
    for (const rel of tree.keys()) {
      if (!isInside(prefix, rel) || !isSourcePath(rel)) continue;
      dependencies.set(rel, this.dependenciesIn(project, rel));
      const marked = project.keySourcesMarkedBy(this.absolute(rel));
      if (marked.size > 0) marks.set(rel, marked);
    }
    this.baseline = {
      config,
      registry,
      sources: this.sourcesIn(tree),
      records: FileRecords.from(result, (file) => this.fromScanRoot(file)),
      dependencies,
      marks,
      wrappers: this.wrappersIn(project),
      scanned: this.relativeAll(files),
    };
  }

  forget(): void {
    this.baseline = undefined;
    this.index.valid = false;
  }

  /** Blobs the specifier index needs (every source file of the tree), none while it is up to date. */
  graphBlobs(tree: ReadonlyMap<string, TreeEntry>): BlobRef[] {
    if (this.index.valid) return [];
    return [...tree].filter(([rel]) => isSourcePath(rel)).map(([rel, entry]) => [entry.blob, rel] as const);
  }

  /**
   * A subset plan for this commit, or null when only a full scan is safe (`lastFullReason` says
   * why). `changes` are the tree changes since the commit of the baseline (the previous point).
   */
  plan(snapshot: CommitSnapshot, tree: ReadonlyMap<string, TreeEntry>, changes: readonly TreeChange[], config: FlagdebtConfig, registry: Registry): DeltaPlan | null {
    const base = this.baseline;
    const previous = this.snapshot;
    this.snapshot = snapshot;
    this.tree = tree;
    if (this.index.valid) for (const change of changes) if (isSourcePath(change.path)) this.index.set(change.path, change.after?.blob, change.before?.blob);
    if (!base) return this.full('no-baseline');
    if (base.config !== config) return this.full('config');
    const prefix = repoRelative(this.repoRoot, this.dir) ?? '';
    const delta = treeDelta({ repoRoot: this.repoRoot, prefix, text: (blob) => this.blobs.text(blob) }, tree, changes, config, registry);
    if ('full' in delta) return this.full(delta.full);
    const { edited, added, deleted, resolution } = delta;

    // Files whose specifiers may now reach a file that appeared (found by the name they end
    // in). A deleted file needs nothing: whoever resolved through it depends on it.
    const seeds = [...edited, ...added, ...deleted];
    const touched = new Set(seeds);
    const rewired = new Set<string>();
    if (added.length > 0) {
      const aliases = this.resolutions?.aliasesOf(tree, added, (blob) => this.blobs.text(blob));
      for (const rel of reachingAdded(this.index, tree, added, touched, resolverAt(this.repoRoot, snapshot, config, this.resolutions?.current).resolve, aliases)) rewired.add(rel);
    }

    if (resolution) {
      if (!previous) return this.full('steering');
      // Only the workspace packages changed: a specifier can resolve otherwise only if it names a
      // package of this tree or the one before (nothing else is reached by name in a commit).
      const which = resolution !== 'bare' ? resolution : (this.resolutions?.packageNames(tree, changes, (blob) => this.blobs.text(blob)) ?? 'all');
      for (const rel of this.reresolved(previous, snapshot, config, base, prefix, which)) if (!touched.has(rel)) rewired.add(rel);
    }

    // Registry keys that came or went: files spelling them gain or lose declarations.
    const keys = changedKeys(base.registry, registry);
    const keyFiles = keys.length === 0 ? [] : this.spelling(tree, prefix, keys);

    const changed = [...seeds, ...rewired, ...keyFiles];
    base.sources += added.filter((rel) => isInside(prefix, rel)).length - deleted.filter((rel) => isInside(prefix, rel)).length;
    return this.widened(base, { recompute: new Set(), listed: new Set(), round: 0, changed: touched }, changed, []);
  }

  /**
   * The key sources that files the subset does not re-scan marked: the subset scan counts their
   * declarations as a full scan would, though it does not see those reads.
   */
  keySources(plan: DeltaPlan): string[] {
    const base = this.baseline!;
    const stale = new Set([...plan.changed].map((rel) => `${this.absolute(rel)}\u0000`));
    const out: string[] = [];
    for (const [rel, marked] of base.marks) {
      if (plan.recompute.has(rel)) continue;
      for (const mark of marked) if (!stale.has(mark.slice(0, mark.indexOf('\u0000') + 1))) out.push(mark);
    }
    return out;
  }

  /** The wrappers the subset scan of `plan` is sealed with: those of the files it does not re-scan. */
  wrappersFor(plan: DeltaPlan): { names: string[]; covers(file: string): boolean } {
    const base = this.baseline!;
    return this.seal.for(this.tree, plan.recompute, base.scanned, base.wrappers);
  }

  /**
   * Which files the subset scan of `plan` collects reads of: those it re-scans. A file it only
   * lists keeps its reads; its own key-source marks are handed over (`keySources`), so its
   * declarations count as if its reads had been taken.
   */
  readsOf(plan: DeltaPlan): (file: string) => boolean {
    return (file) => {
      const rel = repoRelative(this.repoRoot, file);
      return rel === null || plan.recompute.has(rel);
    };
  }

  /**
   * After a subset scan of `plan`: null when it saw all it needed (`apply` it), or the wider plan
   * to scan instead, or 'full' when only a full scan is safe (`lastFullReason` says why).
   */
  refine(plan: DeltaPlan, subset: ScanResult, project: IndexedProject): DeltaPlan | null | 'full' {
    const base = this.baseline!;
    const prefix = repoRelative(this.repoRoot, this.dir) ?? '';
    // Re-scanned files whose reads now mark a key source in a file the subset did not list: that
    // file's declarations were not collected. (Other new dependencies need nothing: the subset
    // scan followed them, and a wrapper found there counts as if listed, since wrappers are
    // sealed with every name analysed; known wrappers named in a re-scanned file were listed.)
    const providers: string[] = [];
    for (const rel of plan.recompute) {
      for (const mark of project.keySourcesMarkedBy(this.absolute(rel))) {
        const dep = repoRelative(this.repoRoot, mark.slice(0, mark.indexOf('\u0000')));
        if (dep !== null && !plan.listed.has(dep) && this.scannable(prefix, dep)) providers.push(dep);
      }
    }
    // A wrapper name that appeared: unchanged files spelling it become candidates.
    const known = new Set(base.wrappers.map((w) => w.name));
    const appeared = [...new Set(this.wrappersAfter(plan, project).map((w) => w.name))].filter((name) => !known.has(name));
    const spellers = appeared.length === 0 ? [] : this.spelling(this.tree, prefix, appeared).filter((rel) => !plan.recompute.has(rel));
    // A listed file whose declarations shrank: the marks of the readers not re-scanned were given
    // to the subset scan, so a re-scanned reader stopped marking, or one mark was not attributed
    // (`keySources`): re-scan every reader of the file to be sure.
    const found = FileRecords.from(subset, (file) => this.fromScanRoot(file));
    const markers: string[] = [];
    for (const rel of plan.listed) {
      if (plan.recompute.has(rel)) continue;
      const now = found.declarations(rel);
      if (![...base.records.declarations(rel)].every((d) => now.has(d))) markers.push(...base.dependencies.dependents(rel), rel);
    }
    if (providers.length === 0 && spellers.length === 0 && markers.length === 0) return null;
    if (plan.round >= MAX_ROUNDS) return this.full('unsettled') ?? 'full';
    return this.widened(base, plan, [...spellers, ...markers], providers) ?? 'full';
  }

  /** `plan` with `changed` and what depends on them re-scanned, and `providers` listed. */
  private widened(base: Baseline, plan: DeltaPlan, changed: Iterable<string>, providers: Iterable<string>): DeltaPlan | null {
    const prefix = repoRelative(this.repoRoot, this.dir) ?? '';
    const recompute = new Set(plan.recompute);
    for (const rel of base.dependencies.dependentsOf(changed)) if (isInside(prefix, rel)) recompute.add(rel);
    const listed = new Set(plan.listed);
    const fresh = [...recompute].filter((rel) => !plan.recompute.has(rel));
    const text = (rel: string) => {
      const entry = this.tree.get(rel);
      return entry ? (this.blobs.text(entry.blob) ?? '') : '';
    };
    const reached = [...fresh, ...providers, ...markedBy(this.repoRoot, base.marks, fresh), ...wrapperFilesNamedIn(base.wrappers, fresh, text)];
    for (const rel of reached) if (this.scannable(prefix, rel)) listed.add(rel);
    if (listed.size > Math.max(MIN_SUBSET_LIMIT, MAX_SUBSET_SHARE * base.sources)) return this.full('too-many');
    return { recompute, listed, round: plan.round + 1, changed: plan.changed };
  }

  /**
   * Folds a subset scan into the baseline and returns the whole-project counts, or null when a
   * file the subset only listed may have gained or lost declarations it cannot account for.
   */
  apply(plan: DeltaPlan, config: FlagdebtConfig, registry: Registry, subset: ScanResult, project: IndexedProject, files: readonly string[]): { references: number; unregistered: number } | null {
    const base = this.baseline!;
    const found = FileRecords.from(subset, (file) => this.fromScanRoot(file));
    // A listed file keeps its reads (nothing it imports changed), but a read elsewhere may have
    // marked one of its containers as a key source, or stopped doing so.
    const grown = new Map<string, ReturnType<FileRecords['get']>>();
    for (const rel of plan.listed) {
      if (plan.recompute.has(rel)) continue;
      const was = base.records.declarations(rel);
      const now = found.declarations(rel);
      if (was.size === now.size && [...was].every((d) => now.has(d))) continue;
      // The subset saw every declaration the baseline had, and more: those are the new marks.
      // Fewer: a mark may come from a file the subset did not list, or may be gone; cannot tell.
      if (![...was].every((d) => now.has(d))) {
        this.baseline = undefined;
        this.lastFullReason = 'declarations';
        return null;
      }
      // The subset scan took only its declarations (`readsOf`): its reads are the baseline's.
      grown.set(rel, base.records.withDeclarationsOf(rel, found.get(rel)));
    }
    for (const rel of plan.recompute) {
      base.records.set(rel, found.get(rel));
      base.dependencies.set(rel, this.tree.has(rel) ? this.dependenciesIn(project, rel) : []);
      const marked = this.tree.has(rel) ? project.keySourcesMarkedBy(this.absolute(rel)) : new Set<string>();
      if (marked.size > 0) base.marks.set(rel, marked);
      else base.marks.delete(rel);
    }
    for (const [rel, records] of grown) base.records.set(rel, records);
    scannedAfter(base.scanned, plan.recompute, this.relativeAll(files));
    this.baseline = { ...base, config, registry, wrappers: this.wrappersAfter(plan, project) };
    return { references: base.records.references(), unregistered: base.records.unregistered(registry) };
  }

  /** Repository-relative files `rel`'s reads resolved through in `project`. */
  private dependenciesIn(project: IndexedProject, rel: string): string[] {
    const out: string[] = [];
    for (const file of project.dependenciesOf(this.absolute(rel))) {
      const dep = repoRelative(this.repoRoot, file);
      if (dep !== null && dep !== rel) out.push(dep);
    }
    return out;
  }

  private wrappersIn(project: IndexedProject): WrapperAt[] {
    const out: WrapperAt[] = [];
    for (const w of project.wrappers()) {
      const file = repoRelative(this.repoRoot, w.file);
      if (file !== null) out.push({ name: w.name, file });
    }
    return out;
  }

  /** The wrappers after a subset scan: only re-scanned files can have gained or lost some. */
  private wrappersAfter(plan: DeltaPlan, project: IndexedProject): WrapperAt[] {
    const kept = this.baseline!.wrappers.filter((w) => !plan.recompute.has(w.file));
    return [...kept, ...this.wrappersIn(project).filter((w) => plan.recompute.has(w.file))];
  }

  /** `path.join(repoRoot, rel)` for a tree path (git's paths are normalised; hot: every file of a full scan). */
  private absolute(rel: string): string {
    if (path.sep !== '/' || this.repoRoot.endsWith('/')) return path.join(this.repoRoot, rel);
    return `${this.repoRoot}/${rel}`;
  }

  private scannable(prefix: string, rel: string): boolean {
    return isInside(prefix, rel) && isSourcePath(rel) && this.tree.has(rel);
  }

  private full(reason: FullReason): null {
    this.lastFullReason = reason;
    return null;
  }

  /**
   * After a change to how imports resolve (a tsconfig, package.json module fields, the workspace
   * packages: `which` is then the package names to ask about): the files whose specifiers now
   * resolve otherwise than at `previous`. Only files that can hold a read (they spell an accessor
   * or a wrapper) and the files their reads went through are asked: no other file's reads can
   * change.
   */
  private reresolved(previous: CommitSnapshot, snapshot: CommitSnapshot, config: FlagdebtConfig, base: Baseline, prefix: string, which: 'all' | 'options' | ReadonlySet<string>): string[] {
    const words = [...new FlagProject({ root: config.root, accessors: config.accessors, host: snapshot.host }).candidateWords(), ...base.wrappers.map((w) => w.name)];
    // Keys are left out: a file that only spells one holds declarations, which change with the
    // marks of its readers (re-scanned here if rewired) or its text, never with its own imports.
    const spells = this.spellers.spellerOf(words, (blob) => this.blobs.text(blob));
    const candidate = (rel: string) => {
      const entry = this.tree.get(rel);
      return entry !== undefined && isInside(prefix, rel) && isSourcePath(rel) && spells(entry.blob);
    };
    const before = resolverAt(this.repoRoot, previous, config, this.resolutions?.previous);
    const now = resolverAt(this.repoRoot, snapshot, config, this.resolutions?.current);
    if (typeof which !== 'string') {
      const files = askingAbout(this.index, this.tree, [...this.tree.keys()].filter((rel) => isInside(prefix, rel) && isSourcePath(rel)), base.dependencies, which);
      return resolvingOtherwise(this.index, this.tree, readersThrough(base.dependencies, files, candidate), before, now, which);
    }
    const candidates = [...this.tree.keys()].filter(candidate);
    return resolvingOtherwise(this.index, this.tree, base.dependencies.dependenciesOf(candidates), before, now, which);
  }

  /** Scanned source files whose text spells one of `keys`. */
  private spelling(tree: ReadonlyMap<string, TreeEntry>, prefix: string, keys: string[]): string[] {
    const filter = new CandidateFilter([], keys);
    const files: string[] = [];
    for (const [rel, entry] of tree) {
      if (isInside(prefix, rel) && isSourcePath(rel) && filter.matches(this.blobs.text(entry.blob) ?? '')) files.push(rel);
    }
    return files;
  }

  private sourcesIn(tree: ReadonlyMap<string, TreeEntry>): number {
    const prefix = repoRelative(this.repoRoot, this.dir) ?? '';
    let n = 0;
    for (const rel of tree.keys()) if (isInside(prefix, rel) && isSourcePath(rel)) n++;
    return n;
  }

  private relativeAll(files: readonly string[]): Set<string> {
    const out = new Set<string>();
    for (const file of files) {
      const rel = repoRelative(this.repoRoot, file);
      if (rel !== null) out.add(rel);
    }
    return out;
  }

  private fromScanRoot(file: string): string {
    return repoRelative(this.repoRoot, path.join(this.dir, file))!;
  }
}
