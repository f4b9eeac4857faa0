import path from 'node:path';
// Types only (see type-gate.ts: the worker thread must not load ts-morph).
import type { ts } from 'ts-morph';

type TypeScript = typeof ts;

/**
 * Where the project's TypeScript finds no module, the scanner's resolution (`@flagdebt/core/resolve`):
 * a monorepo's own package whose `types` point at an unbuilt dist/, an alias of another package's
 * tsconfig. Without it, every type from such a package is `any` on both sides and a removal that
 * breaks the built project passes the gate. Null: TypeScript's resolution only.
 */
export type FallbackResolver = ((specifier: string, fromFile: string) => string | null) | null;

/** What the Programs of one tsconfig share across the checks of a run (TypeGate keeps one per tsconfig). */
export interface ProgramState {
  options: ts.CompilerOptions;
  /** Parsed project files: disk texts under their key, this run's texts under `<key>\0after`. */
  cache: Map<string, ts.SourceFile>;
  resolution: Resolution;
  fallback: FallbackResolver;
}

/** The tsconfig's compiler options as the gate uses them (nothing emitted, dependencies' declarations not checked). */
export function compilerOptions(tsx: TypeScript, config: string): ts.CompilerOptions {
  const read = tsx.readConfigFile(config, (p) => tsx.sys.readFile(p));
  // Only the options are needed: listing the files `include` matches would walk the whole project.
  const host: ts.ParseConfigHost = { ...tsx.sys, useCaseSensitiveFileNames: tsx.sys.useCaseSensitiveFileNames, readDirectory: () => [] };
  const parsed = tsx.parseJsonConfigFileContent(read.config ?? {}, host, path.dirname(config), undefined, config);
  // Declarations of dependencies are not ours to judge, and nothing is emitted.
  // Where emitted files would go (`outDir`, and `rootDir`, which TypeScript 6 defaults to the
  // tsconfig's folder) only matters to emit; with a workspace package checked from its sources
  // (FallbackResolver) it would report TS6059 on whichever import reached the package first,
  // which differs between the "before" and "after" Programs.
  const layout = { outDir: undefined, rootDir: undefined, declarationDir: undefined, sourceRoot: undefined, mapRoot: undefined, sourceMap: undefined, inlineSourceMap: undefined };
  return { ...parsed.options, noEmit: true, skipLibCheck: true, incremental: undefined, composite: undefined, tsBuildInfoFile: undefined, declaration: undefined, declarationMap: undefined, emitDeclarationOnly: undefined, ...layout };
}

/**
 * How far the gate follows imports of project files. The checked files' own imports are
 * resolved, and theirs, and theirs; deeper project imports are left unresolved: their types become `any`,
 * the same before and after, so they cancel out. Declaration files of dependencies are always
 * followed. Without this bound one changed component pulls in most of a large app.
 */
export const MAX_DEPTH = 3;
export const DEEP_EXTRA = 3;

export interface Resolution {
  cache: ts.ModuleResolutionCache;
  /** Import distance of a project file from the checked files. */
  depth: Map<string, number>;
  /**
   * Each import's first resolution, reused by every later Program: whether a file's imports are
   * followed depends on the order files are reached in, and the "before" and "after" Programs
   * must follow the same ones, or their diagnostics differ for no reason.
   */
  decisions: Map<string, ts.ResolvedModuleWithFailedLookupLocations>;
}

export function newResolution(tsx: TypeScript, options: ts.CompilerOptions): Resolution {
  return { cache: tsx.createModuleResolutionCache(tsx.sys.getCurrentDirectory(), (f) => (tsx.sys.useCaseSensitiveFileNames ? f : f.toLowerCase()), options), depth: new Map(), decisions: new Map() };
}

/** `token`: a speculation's (see TypeGate.speculate): the Program stops at the next file it would read; the files read so far stay parsed for the next. */
export function createProgram(tsx: TypeScript, roots: string[], group: ProgramState, changed: Map<string, string | null> | null, oldProgram: ts.Program | undefined, token?: ts.CancellationToken): ts.Program {
  const { options, cache, resolution } = group;
  const host = tsx.createCompilerHost(options, false);
  // What tsc does since TypeScript 5.3: JSDoc is parsed only where it can change a type error
  // (JavaScript files, @see/@link); most of the lib files' text is JSDoc.
  host.jsDocParsingMode = tsx.JSDocParsingMode?.ParseForTypeErrors;
  host.writeFile = () => {
    throw new Error('the type-check gate never writes files');
  };
  const overlay = (file: string): string | null | undefined => (changed ? changed.get(path.resolve(file)) : undefined);
  const isDependency = (file: string) => /[\\/]node_modules[\\/]/.test(file);
  // Resolutions cached before a file was deleted would still point at it.
  const deletes = changed !== null && [...changed.values()].includes(null);
  const moduleCache = deletes ? newResolution(tsx, options).cache : resolution.cache;
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, opts, containingSourceFile) => {
    const from = path.resolve(containingFile);
    const depth = isDependency(from) ? 0 : (resolution.depth.get(from) ?? MAX_DEPTH);
    return literals.map((literal) => {
      const mode = tsx.getModeForUsageLocation(containingSourceFile, literal, opts);
      const key = `${from}\0${literal.text}\0${mode}`;
      const decided = resolution.decisions.get(key);
      const target0 = decided?.resolvedModule?.resolvedFileName;
      if (decided && (!target0 || overlay(target0) !== null)) return decided;
      if (depth >= MAX_DEPTH) {
        const none = { resolvedModule: undefined };
        resolution.decisions.set(key, none);
        return none;
      }
      let r: ts.ResolvedModuleWithFailedLookupLocations = tsx.resolveModuleName(literal.text, containingFile, opts, host, moduleCache, redirected, mode);
      if (!r.resolvedModule && group.fallback) {
        const found = group.fallback(literal.text, from);
        const extension = found === null ? undefined : extensionOf(tsx, found);
        // A file this removal deletes is gone on the "after" side, as TypeScript would find it.
        if (found !== null && extension !== undefined && overlay(found) !== null) r = { resolvedModule: { resolvedFileName: found, extension, isExternalLibraryImport: false } };
      }
      // Unresolved where the removal deletes files may be the deletion: the "before" Program must
      // resolve it again and find the file, or an import left pointing at a deleted module cancels out.
      if (r.resolvedModule || !deletes) resolution.decisions.set(key, r);
      const target = r.resolvedModule?.resolvedFileName;
      if (target && !isDependency(target)) {
        const t = path.resolve(target);
        resolution.depth.set(t, Math.min(resolution.depth.get(t) ?? Infinity, depth + 1));
      }
      return r;
    });
  };
  const libDir = path.dirname(host.getDefaultLibFileName(options));
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
    token?.throwIfCancellationRequested();
    const key = `${file}\0${typeof languageVersion === 'object' ? `${languageVersion.languageVersion}/${languageVersion.impliedNodeFormat}` : languageVersion}`;
    // TypeScript's own lib files never change: parsed once per process (they are most of a small check).
    const store = path.dirname(file) === libDir ? libFiles(tsx) : cache;
    const hit = store.get(key);
    // Untouched by the removal: the very same object, so the old Program's work is reused.
    if (hit && overlay(file) === undefined) return hit;
    const text = host.readFile(file);
    if (text === undefined) return undefined;
    // A rewritten file checked again in a later round with the same text: the same object too.
    const edited = cache.get(`${key}\0after`);
    if (overlay(file) !== undefined && edited && edited.text === text) return edited;
    const sf = tsx.createSourceFile(file, text, languageVersion, false);
    // Disk texts under the name, this run's texts beside them: the other side must not see them.
    store.set(overlay(file) === undefined ? key : `${key}\0after`, sf);
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

/** TypeScript's name for a source file's extension (its own helper is internal). */
function extensionOf(tsx: TypeScript, file: string): ts.Extension | undefined {
  const known = [tsx.Extension.Dts, tsx.Extension.Dmts, tsx.Extension.Dcts, tsx.Extension.Ts, tsx.Extension.Tsx, tsx.Extension.Mts, tsx.Extension.Cts, tsx.Extension.Js, tsx.Extension.Jsx, tsx.Extension.Mjs, tsx.Extension.Cjs];
  return known.find((e) => file.endsWith(e));
}
