import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ts } from 'ts-morph';

type TypeScript = typeof ts;

/** A file the removal rewrites (`after` set) or deletes (`after` null); texts as written. */
export interface GateChange {
  path: string;
  after: string | null;
}

export interface TypeDiagnostic {
  /** Absolute path. */
  file: string;
  /** 1-based line in the text the diagnostic was computed on. */
  line: number;
  code: number;
  message: string;
}

export interface GateVerdict {
  /** The tsconfig files whose options were used. */
  tsconfigs: string[];
  /** Files type-checked: the rewritten files and their importers. */
  checked: number;
  before: TypeDiagnostic[];
  after: TypeDiagnostic[];
  /** Diagnostics after the removal that were not there before (file, code and message; lines ignored). */
  added: TypeDiagnostic[];
}

/**
 * The project's own TypeScript (resolved from the project root) so the verdict matches its
 * build; else the one flagdebt's core runs on. Not ts-morph's: it keeps its lib files in memory,
 * so a Program on disk would not find `Partial` or `Promise`.
 */
export function projectTypeScript(root: string): TypeScript {
  for (const from of [path.join(root, 'package.json'), fileURLToPath(import.meta.resolve('@flagdebt/core'))]) {
    try {
      const resolved = createRequire(from).resolve('typescript');
      return createRequire(resolved)(resolved) as TypeScript;
    } catch {
      // not installed there
    }
  }
  return ts;
}

/** The nearest tsconfig.json from a file's folder up to the project root. */
export function nearestTsconfig(root: string, file: string): string | null {
  for (let d = path.dirname(file); ; d = path.dirname(d)) {
    const candidate = path.join(d, 'tsconfig.json');
    if (fs.existsSync(candidate)) return candidate;
    if (d === root || path.dirname(d) === d || !d.startsWith(root)) return null;
  }
}

const CHECKED = /\.(tsx?|mts|cts)$/;

/**
 * The gate: type-checks `files` (rewritten files and their importers) before and after the
 * removal, one Program per nearest tsconfig whose roots are only those files (the checker pulls
 * in what they import, nothing else), diagnostics only for those files, and the "after" Program
 * built on the "before" one so every unchanged file is reused. This is what keeps the cost at
 * seconds on a project of thousands of files.
 */
export function typeCheckGate(root: string, files: Iterable<string>, changes: GateChange[], typescript: TypeScript = projectTypeScript(root)): GateVerdict | null {
  const tsx = typescript;
  const changed = new Map(changes.map((c) => [c.path, c.after]));
  const groups = new Map<string, string[]>();
  for (const file of new Set(files)) {
    if (!CHECKED.test(file) || file.endsWith('.d.ts')) continue;
    const config = nearestTsconfig(root, file);
    if (config === null) continue;
    const list = groups.get(config) ?? [];
    list.push(file);
    groups.set(config, list);
  }
  if (groups.size === 0) return null;
  const verdict: GateVerdict = { tsconfigs: [...groups.keys()].sort(), checked: 0, before: [], after: [], added: [] };
  for (const [config, roots] of groups) {
    const options = compilerOptions(tsx, config);
    const cache = new Map<string, ts.SourceFile>();
    const before = createProgram(tsx, roots, options, cache, null, undefined);
    const afterRoots = roots.filter((f) => changed.get(f) !== null);
    const after = createProgram(tsx, afterRoots, options, cache, changed, before);
    const b = diagnosticsOf(tsx, before, roots);
    const a = diagnosticsOf(tsx, after, afterRoots);
    verdict.checked += roots.length;
    verdict.before.push(...b);
    verdict.after.push(...a);
    verdict.added.push(...added(b, a));
  }
  return verdict;
}

function compilerOptions(tsx: TypeScript, config: string): ts.CompilerOptions {
  const read = tsx.readConfigFile(config, (p) => tsx.sys.readFile(p));
  const parsed = tsx.parseJsonConfigFileContent(read.config ?? {}, tsx.sys, path.dirname(config), undefined, config);
  // Declarations of dependencies are not ours to judge, and nothing is emitted.
  return { ...parsed.options, noEmit: true, skipLibCheck: true, incremental: undefined, composite: undefined, tsBuildInfoFile: undefined, declaration: undefined, declarationMap: undefined, emitDeclarationOnly: undefined };
}

/**
 * A Program over disk, with this run's rewritten texts on top when `changed` is given. Source
 * files are shared through `cache` (by name and text), so the "after" Program reuses every file
 * the removal did not touch, lib files included.
 */
function createProgram(tsx: TypeScript, roots: string[], options: ts.CompilerOptions, cache: Map<string, ts.SourceFile>, changed: Map<string, string | null> | null, oldProgram: ts.Program | undefined): ts.Program {
  const host = tsx.createCompilerHost(options, true);
  const libDir = path.dirname(host.getDefaultLibFileName(options));
  const overlay = (file: string): string | null | undefined => (changed ? changed.get(path.resolve(file)) : undefined);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (file) => {
    const o = overlay(file);
    return o === undefined ? readFile(file) : (o ?? undefined);
  };
  host.fileExists = (file) => {
    const o = overlay(file);
    return o === undefined ? fileExists(file) : o !== null;
  };
  host.getSourceFile = (file, languageVersion) => {
    const key = `${file}\0${typeof languageVersion === 'object' ? `${languageVersion.languageVersion}/${languageVersion.impliedNodeFormat}` : languageVersion}`;
    // TypeScript's own lib files never change: parsed once per process (they are most of a small check).
    const store = path.dirname(file) === libDir ? libFiles(tsx) : cache;
    const hit = store.get(key);
    // Untouched by the removal: the very same object, so the old Program's work is reused.
    if (hit && overlay(file) === undefined) return hit;
    const text = host.readFile(file);
    if (text === undefined) return undefined;
    const sf = tsx.createSourceFile(file, text, languageVersion, true);
    if (!hit) store.set(key, sf);
    return sf;
  };
  return tsx.createProgram({ rootNames: roots, options, host, oldProgram });
}

const libCaches = new WeakMap<TypeScript, Map<string, ts.SourceFile>>();
function libFiles(tsx: TypeScript): Map<string, ts.SourceFile> {
  let cache = libCaches.get(tsx);
  if (!cache) {
    cache = new Map();
    libCaches.set(tsx, cache);
  }
  return cache;
}

function diagnosticsOf(tsx: TypeScript, program: ts.Program, files: string[]): TypeDiagnostic[] {
  const out: TypeDiagnostic[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) continue;
    for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
      if (d.category !== tsx.DiagnosticCategory.Error) continue;
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      out.push({ file: path.resolve(d.file?.fileName ?? file), line, code: d.code, message: tsx.flattenDiagnosticMessageText(d.messageText, '\n') });
    }
  }
  return out;
}

const identity = (d: TypeDiagnostic): string => `${d.file}\0${d.code}\0${d.message}`;

/** Diagnostics in `after` beyond those in `before`, compared as multisets by file, code and message. */
export function added(before: TypeDiagnostic[], after: TypeDiagnostic[]): TypeDiagnostic[] {
  const counts = new Map<string, number>();
  for (const d of before) counts.set(identity(d), (counts.get(identity(d)) ?? 0) + 1);
  const out: TypeDiagnostic[] = [];
  for (const d of after) {
    const n = counts.get(identity(d)) ?? 0;
    if (n > 0) counts.set(identity(d), n - 1);
    else out.push(d);
  }
  return out;
}

/** Files that import one of `targets` (resolved with the project's module resolution). */
export function importersOf(
  targets: Set<string>,
  files: Iterable<string>,
  textOf: (file: string) => string | null | undefined,
  resolveModule: (specifier: string, from: string) => string | null,
): string[] {
  if (targets.size === 0) return [];
  // An importer names the module in its specifier: the file's stem, or its folder for an index.
  const stems = new Set<string>();
  for (const t of targets) {
    const base = path.basename(t).replace(/\.[^.]+$/, '');
    stems.add(base === 'index' ? path.basename(path.dirname(t)) : base);
  }
  const out: string[] = [];
  for (const file of files) {
    if (targets.has(file)) continue;
    const text = textOf(file);
    if (typeof text !== 'string' || ![...stems].some((s) => text.includes(s))) continue;
    const imports = ts.preProcessFile(text, true, true).importedFiles;
    if (imports.some((i) => { const r = resolveModule(i.fileName, file); return r !== null && targets.has(r); })) out.push(file);
  }
  return out;
}
