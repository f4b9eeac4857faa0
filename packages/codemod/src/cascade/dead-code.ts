import ts from '../ts-morph-ts.cjs';
import { applyEdits } from '../edit/text-edits.js';
import { withoutNewTrailingBlankLines } from '../edit/layout.js';
import { parse } from '../fold/fold-engine.js';
import { referencesInScope } from '../fold/scope.js';
import type { SourceSet } from '../removal/source-set.js';
import { specifierStem } from '../removal/specifier-stem.js';
import { dropConstructorPlumbing, parameterCanGo, type PlumbingContext } from './constructor-params.js';
import { collectDeclarations, type DeclarationRecord } from './declarations.js';
import type { EntryPoints } from './entry-points.js';
import { moduleStem, ownTestsKeepingAlive, type OwnTestContext } from './own-tests.js';
import { dropReexportsOf } from './reexports.js';
import { removalEdits } from './removal-edits.js';

export interface CascadeOptions {
  sources: SourceSet;
  resolveModule(specifier: string, fromFile: string): string | null;
  entries: EntryPoints;
  /** Files this run edited (the cascade starts there and follows imports). */
  start: Iterable<string>;
  /**
   * First identifiers of the configured accessors (`flags` of `flags.isEnabled`, `useFlag`,
   * `config` of member `config.featureToggles`). Their top-level definitions are the flag SDK,
   * and so is everything at the top level of a module that defines one: never deleted.
   */
  sdkRoots?: ReadonlySet<string>;
  /**
   * The last segment of each call accessor (`inExperiment` of `experiments.inExperiment`): a
   * module whose top-level class or interface declares a method of that name (an experiment
   * service and the interface it is injected as) defines the accessor too.
   */
  sdkMembers?: ReadonlySet<string>;
  /** Per file, the consts holding a definition of a flag this run removes (see collectDeclarations). */
  definitions?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per file, the consts that held a folded read's options (see collectDeclarations). */
  readOptions?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Test files (config `tests` globs): a module kept alive only by its own test goes with it (see own-tests). */
  isTest?(file: string): boolean;
}

export interface CascadeOutcome {
  declarationsDeleted: number;
  deletedFiles: string[];
}

const MAX_ROUNDS = 50;

/**
 * Deletes what became unused through this run, to a fixed point: a declaration goes when it had
 * references before the run (in its file or through imports) and has none now. Code that was
 * already unused, public entry points and effectful initializers stay.
 */
export function deleteWhatBecameUnused(options: CascadeOptions): CascadeOutcome {
  const { sources } = options;
  const affected = new Set(options.start);
  const before = new Map<string, Map<string, DeclarationRecord | null>>();
  const parsed = new Map<string, { text: string; sf: ts.SourceFile }>();
  const parseText = (file: string, text: string): ts.SourceFile => {
    const hit = parsed.get(file);
    if (hit && hit.text === text) return hit.sf;
    const sf = parse(file, text);
    parsed.set(`${file}`, { text, sf });
    return sf;
  };
  const originals = new Map<string, ts.SourceFile>();
  const parseOriginal = (file: string, text: string): ts.SourceFile => {
    let sf = originals.get(file);
    if (!sf) {
      sf = parse(file, text);
      originals.set(file, sf);
    }
    return sf;
  };
  const counts = new WeakMap<DeclarationRecord, number>();
  /** Reference count of a declaration in the file's original text (computed on demand: big files have many). */
  const localBefore = (file: string, id: string, name: string): number | undefined => {
    let byName = before.get(file);
    if (!byName) {
      byName = new Map();
      before.set(file, byName);
    }
    if (!byName.has(name)) {
      const text = sources.originalText(file);
      const records = text === undefined ? [] : collectDeclarations(parseOriginal(file, text), (n) => n === name);
      for (const d of records) byName.set(`${name}\0${d.id}`, d.ambiguous ? null : d);
      byName.set(name, null);
    }
    const record = byName.get(`${name}\0${id}`);
    if (!record) return undefined;
    const cached = counts.get(record);
    if (cached !== undefined) return cached;
    const n = record.localReferences();
    counts.set(record, n);
    return n;
  };
  const externalBefore = new Map<string, number>();
  const external = (file: string, name: string, version: 'original' | 'current'): number => {
    const cacheKey = `${file}\0${name}`;
    if (version === 'original' && externalBefore.has(cacheKey)) return externalBefore.get(cacheKey)!;
    const n = countExternal(file, name, version);
    if (version === 'original') externalBefore.set(cacheKey, n);
    return n;
  };
  const reexporting = new Set<string>();
  // A run only ever removes re-exports: the current barrels are among the original ones.
  const originalBarrels = new Map<string, string[]>();
  const barrels = (file: string, stem: string, version: 'original' | 'current'): string[] => {
    let found = originalBarrels.get(file);
    if (!found) {
      found = starReexporters(sources.files(), file, stem, (f) => sources.originalText(f), options.resolveModule, parseOriginal);
      originalBarrels.set(file, found);
    }
    return version === 'original' ? found : starReexporters(found, file, stem, (f) => sources.text(f), options.resolveModule, parseText);
  };
  const countExternal = (file: string, name: string, version: 'original' | 'current'): number => {
    let n = 0;
    const stem = specifierStem(file);
    // `export * from './legacy'` in a barrel never spells the name: what imports it from the
    // barrel uses it too (through barrels of barrels), and a package's entry point makes it public.
    // A star re-export does not carry the default export.
    for (const barrel of name === 'default' ? [] : barrels(file, stem, version)) {
      if (options.entries.isEntry(barrel)) return Infinity;
      const key = `${barrel}\0${name}\0${version}`;
      if (reexporting.has(key)) continue;
      reexporting.add(key);
      n += countExternal(barrel, name, version);
      reexporting.delete(key);
      if (!Number.isFinite(n)) return n;
    }
    // A default import names the module, not the export: look where the module's stem is spelled.
    for (const importer of sources.filesMentioning(name === 'default' ? stem : name, version)) {
      if (importer === file) continue;
      const text = version === 'original' ? sources.originalText(importer) : sources.text(importer);
      if (typeof text !== 'string' || !text.includes(stem)) continue;
      n += importsOf(version === 'original' ? parseOriginal(importer, text) : parseText(importer, text), importer, file, name, options.resolveModule);
      if (!Number.isFinite(n)) return n;
    }
    return n;
  };

  const sdkRoots = options.sdkRoots ?? new Set<string>();
  const sdkMembers = options.sdkMembers ?? new Set<string>();
  // `useUiConfig()` returns the container of a `uiConfig.flags` accessor.
  const containerHooks = new Set([...sdkRoots].map((r) => `use${r.charAt(0).toUpperCase()}${r.slice(1)}`));
  const sdkFiles = new Map<string, boolean>();
  /** A module that defines an accessor at its top level: flag infrastructure. */
  const isSdkFile = (file: string): boolean => {
    let hit = sdkFiles.get(file);
    if (hit === undefined) {
      const text = sources.originalText(file);
      hit =
        text !== undefined &&
        (([...sdkRoots].some((r) => text.includes(r)) && collectDeclarations(parseOriginal(file, text), (n) => sdkRoots.has(n)).some((d) => d.kind !== 'import' && d.id === `${d.kind}:/${d.name}`)) ||
          ([...sdkMembers].some((m) => text.includes(m)) && declaresAccessorMember(parseOriginal(file, text), sdkMembers)));
      sdkFiles.set(file, hit);
    }
    return hit;
  };

  const plumbing: PlumbingContext = { sources, entries: options.entries, parse: parseText, parseOriginal };
  let declarationsDeleted = 0;
  /** Deletes what became unused in one file; true when it changed. */
  const sweep = (file: string, lost: Set<string>): boolean => {
    const text = sources.text(file);
    if (typeof text !== 'string') return false;
    const sf = parseText(file, text);
    const dead: DeclarationRecord[] = [];
    const sdk = isSdkFile(file);
    // An importer names the default export as it likes (`import Legacy from './LegacyPage'`): the
    // module's stem, spelled in the specifier, is the word it lost.
    const defaultName = lost.has(specifierStem(file)) ? defaultExportName(sf) : undefined;
    for (const d of collectDeclarations(sf, (n) => lost.has(n) || n === defaultName, { containerHooks, definitions: options.definitions?.get(file), readOptions: options.readOptions?.get(file), parameterCanGo: (cls, name) => parameterCanGo(cls, file, name, plumbing) })) {
      if (!d.removable || d.ambiguous) continue;
      // An enum this run emptied held keys, not code (`enum CacheDebugConfig { experiment = 'k' }`).
      const emptied = ts.isEnumDeclaration(d.node) && d.node.members.length === 0;
      if (sdk && d.kind !== 'import' && d.id === `${d.kind}:/${d.name}` && !emptied) continue;
      const was = localBefore(file, d.id, d.name);
      if (was === undefined || d.localReferences() > 0) continue;
      // The classic JSX runtime needs `React` in scope wherever JSX is left.
      if (d.kind === 'import' && d.name === 'React' && /\.[jt]sx$/.test(file) && /<[A-Za-z>]/.test(text)) continue;
      if (d.exported) {
        // Importers name a default export `default` (and its name too when it is exported by both);
        // a framework loads some by their path (a Next.js page).
        const uses = (version: 'original' | 'current') => (d.defaultExport ? external(file, 'default', version) + (d.namedToo ? external(file, d.name, version) : 0) : external(file, d.name, version));
        if (options.entries.isEntry(file) || (d.defaultExport && options.entries.isConventionEntry(file)) || uses('current') > 0) continue;
        if (was + uses('original') === 0) continue;
      } else if (was === 0) {
        continue;
      }
      dead.push(d);
    }
    if (dead.length === 0) return false;
    const edits = removalEdits(text, dead);
    sources.set(file, withoutNewTrailingBlankLines(text, applyEdits(text, edits, { constants: [], touched: [] }).text));
    declarationsDeleted += dead.filter((d) => d.kind !== 'import').length;
    // Whoever exported what this file stopped importing may now be unused.
    for (const d of dead) {
      if (d.kind !== 'import') continue;
      const decl = importDeclarationOf(d.node);
      const target = options.resolveModule((decl.moduleSpecifier as ts.StringLiteral).text, file);
      if (target) affected.add(target);
    }
    return true;
  };

  const deletedFiles: string[] = [];
  let ownTests: OwnTestContext | null = null;
  if (options.isTest) {
    const testsByStem = new Map<string, string[]>();
    for (const f of sources.files()) if (typeof sources.text(f) === 'string' && options.isTest(f)) testsByStem.set(moduleStem(f), [...(testsByStem.get(moduleStem(f)) ?? []), f]);
    ownTests = { sources, testsByStem, isTest: options.isTest, resolveModule: options.resolveModule, parseText, parseOriginal };
  }
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let progress = false;
    // Only a name that lost occurrences in this run can have lost its last reference.
    const lost = lostNames(sources);
    for (const file of [...affected]) {
      try {
        if (sweep(file, lost)) progress = true;
      } catch (error) {
        // Pathologically deep code overflows the recursive walks: leave that file alone.
        if (!(error instanceof RangeError)) throw error;
        affected.delete(file);
      }
    }
    // Constructor parameters left unread, with their arguments (constructor-params.ts).
    for (const file of dropConstructorPlumbing([...affected], lost, plumbing)) {
      affected.add(file);
      progress = true;
    }
    for (const file of [...affected]) {
      if (deletedFiles.includes(file) || !onlyImportsLeft(sources, file, parseText, parseOriginal) || options.entries.isEntry(file) || isSdkFile(file)) continue;
      for (const target of importedFiles(parseText(file, sources.text(file) as string), file, options.resolveModule)) affected.add(target);
      sources.delete(file);
      deletedFiles.push(file);
      for (const barrel of dropReexportsOf(sources, file, options.resolveModule, parseText)) affected.add(barrel);
      progress = true;
    }
    if (ownTests) {
      for (const file of [...affected]) {
        if (deletedFiles.includes(file) || options.entries.isEntry(file) || isSdkFile(file)) continue;
        for (const test of ownTestsKeepingAlive(file, ownTests)) {
          for (const target of importedFiles(parseText(test, sources.text(test) as string), test, options.resolveModule)) affected.add(target);
          sources.delete(test);
          deletedFiles.push(test);
          progress = true;
        }
      }
    }
    if (!progress) break;
  }
  return { declarationsDeleted, deletedFiles };
}

/** Identifiers that occur fewer times now than before, over every file this run edited. */
function lostNames(sources: SourceSet): Set<string> {
  const lost = new Set<string>();
  for (const file of sources.edited()) {
    const before = wordCounts(sources.originalText(file) ?? '');
    const now = wordCounts(sources.text(file) ?? '');
    for (const [w, n] of before) if ((now.get(w) ?? 0) < n) lost.add(w);
  }
  return lost;
}

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/[A-Za-z_$][\w$]*/g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

function importDeclarationOf(node: ts.Node): ts.ImportDeclaration {
  let n = node;
  while (!ts.isImportDeclaration(n)) n = n.parent;
  return n;
}

type ParseFn = (file: string, text: string) => ts.SourceFile;

/** A file this run emptied: it had code, now only imports (or nothing) are left. */
function onlyImportsLeft(sources: SourceSet, file: string, parseText: ParseFn, parseOriginal: ParseFn): boolean {
  const text = sources.text(file);
  const original = sources.originalText(file);
  if (typeof text !== 'string' || original === undefined || text === original) return false;
  const onlyImports = (sf: ts.SourceFile) => sf.statements.every((s) => ts.isImportDeclaration(s));
  return onlyImports(parseText(file, text)) && !onlyImports(parseOriginal(file, original));
}

/** Of `files`, those with `export * from` the module: star re-exports never spell a name. */
function starReexporters(files: Iterable<string>, file: string, stem: string, textOf: (f: string) => string | null | undefined, resolve: CascadeOptions['resolveModule'], parse: ParseFn): string[] {
  const out: string[] = [];
  for (const barrel of files) {
    const text = textOf(barrel);
    if (barrel === file || typeof text !== 'string' || !text.includes('export *') || !text.includes(stem)) continue;
    const stars = parse(barrel, text).statements.filter((st): st is ts.ExportDeclaration => ts.isExportDeclaration(st) && !st.exportClause && st.moduleSpecifier !== undefined && ts.isStringLiteral(st.moduleSpecifier));
    if (stars.some((st) => resolve((st.moduleSpecifier as ts.StringLiteral).text, barrel) === file)) out.push(barrel);
  }
  return out;
}

function importedFiles(sf: ts.SourceFile, file: string, resolve: CascadeOptions['resolveModule']): string[] {
  return sf.statements
    .filter(ts.isImportDeclaration)
    .map((s) => resolve((s.moduleSpecifier as ts.StringLiteral).text, file))
    .filter((f): f is string => f !== null);
}

/**
 * How much `importer` uses `name` from `target`: each import binding counts once plus its uses,
 * so an import that is still there keeps the export alive until the importer drops it.
 * `export *` and namespace imports count as unknowably many.
 */
function importsOf(sf: ts.SourceFile, importer: string, target: string, name: string, resolve: CascadeOptions['resolveModule']): number {
  let n = 0;
  // `import('./legacy')`, `lazy(() => import('./Legacy'))`, `require('./legacy')`: every export may be used.
  if (loadsDynamically(sf, importer, target, resolve)) return Infinity;
  for (const s of sf.statements) {
    if (!(ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) || !s.moduleSpecifier || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    if (resolve(s.moduleSpecifier.text, importer) !== target) continue;
    if (ts.isExportDeclaration(s)) {
      if (!s.exportClause || ts.isNamespaceExport(s.exportClause)) return Infinity;
      n += s.exportClause.elements.filter((e) => (e.propertyName ?? e.name).text === name).length;
      continue;
    }
    const clause = s.importClause;
    if (name === 'default' && clause?.name) n += 1 + referencesInScope(sf, clause.name.text, { types: true }).length;
    const nb = clause?.namedBindings;
    if (nb && ts.isNamespaceImport(nb)) return Infinity;
    if (!nb) continue;
    for (const el of nb.elements) {
      if ((el.propertyName ?? el.name).text !== name) continue;
      n += 1 + referencesInScope(sf, el.name.text, { types: true }).length;
    }
  }
  return n;
}

/** The local name of the module's default export (`export default X;`, `export default function X`). */
function defaultExportName(sf: ts.SourceFile): string | undefined {
  for (const s of sf.statements) {
    if (ts.isExportAssignment(s) && !s.isExportEquals && ts.isIdentifier(s.expression)) return s.expression.text;
    if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return s.name.text;
  }
  return undefined;
}

/** Whether the file calls `import(...)` or `require(...)` with a specifier that resolves to `target`. */
function loadsDynamically(sf: ts.SourceFile, importer: string, target: string, resolve: CascadeOptions['resolveModule']): boolean {
  return dynamicSpecifiers(sf).some((specifier) => resolve(specifier, importer) === target);
}

/** The specifiers a tree passes to `import(...)` and `require(...)`, found once per tree (asked per export and target). */
const dynamicByTree = new WeakMap<ts.SourceFile, string[]>();

function dynamicSpecifiers(sf: ts.SourceFile): string[] {
  let found = dynamicByTree.get(sf);
  if (found) return found;
  found = [];
  const out = found;
  if (sf.text.includes('import(') || sf.text.includes('require(')) {
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && n.arguments.length > 0 && ts.isStringLiteralLike(n.arguments[0])) {
        if (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require')) out.push(n.arguments[0].text);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  dynamicByTree.set(sf, found);
  return found;
}

/** Whether a top-level class or interface of the module declares a method or property named like an accessor's last segment. */
function declaresAccessorMember(sf: ts.SourceFile, members: ReadonlySet<string>): boolean {
  return sf.statements.some(
    (s) => (ts.isClassDeclaration(s) || ts.isInterfaceDeclaration(s)) && (s.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>).some((m) => m.name !== undefined && ts.isIdentifier(m.name) && members.has(m.name.text)),
  );
}
