/**
 * What TypeScript's Bundler resolution answers for the commonest specifiers, found without it:
 * a relative, `paths`-mapped or `baseUrl` specifier that names a file or a folder without a
 * package.json, and a bare specifier that cannot resolve at all (no mapped candidate, no
 * node_modules folder, no self-reference). TypeScript's resolver runs cold in a scan (each call
 * ~0.2-0.4 ms, Unleash asks ~300); these take a few cached `stat`s. Anything else is undefined:
 * ask TypeScript. Each answer is the one TypeScript 6 gives, step by step
 * (nodeModuleNameResolverWorker, tryLoadModuleUsingPaths, loadModuleFromFile and
 * loadNodeModuleFromDirectory with Bundler's extensions: TypeScript, declarations, JavaScript);
 * test/matching/resolution-shortcuts.test.ts compares them with TypeScript's on a fixture of each rule.
 */
import path from 'node:path';
import type ts from '../typescript.cjs';

export interface ShortcutHost {
  fileExists(file: string): boolean;
  directoryExists(dir: string): boolean;
  /** The package.json of a folder as TypeScript reads it (`name`, `exports`); undefined when it cannot be read or parsed. */
  manifest(dir: string): { name?: unknown; exports?: unknown } | undefined;
  /** The nearest folder at or above `dir` with a package.json ('' when none), and whether a node_modules folder exists in or above `dir`. */
  lookupContext(dir: string): { scope: string; nodeModules: boolean };
}

/**
 * TypeScript's resolved file name for `specifier` imported from folder `dir` under `options`
 * (Bundler resolution, `noDtsResolution` and `resolveJsonModule` off), null when it resolves to
 * nothing, undefined when this cannot tell.
 */
export function shortcutResolution(specifier: string, dir: string, options: ts.CompilerOptions, host: ShortcutHost, cwd: string): string | null | undefined {
  // Suffixes multiply every probe; `$` is special in the star replacement; `\` and `//` are
  // spelled differently by TypeScript's path normalisation.
  if (path.sep !== '/' || options.moduleSuffixes?.length || specifier.includes('$') || specifier.includes('\\') || specifier.includes('//')) return undefined;
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    const candidate = path.resolve(dir, specifier);
    if (options.rootDirs || candidate.includes('/node_modules/')) return undefined;
    const found = firstFile(candidate, host);
    return found === null ? asFolder(candidate, host) : found;
  }
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#') || options.typeRoots) return undefined;

  // `paths` first: the best pattern's substitutions in order, each as a file, then as a folder.
  let candidates: string[] = [];
  const mapped = options.paths && bestPattern(options.paths, specifier);
  if (mapped) {
    const base = options.baseUrl ?? (options.pathsBasePath || cwd);
    if (typeof base !== 'string' || !path.isAbsolute(base)) return undefined;
    for (const subst of options.paths![mapped.key]) {
      // A substitution with an extension is first tried as that exact file.
      if (path.posix.basename(subst).includes('.')) return undefined;
      // An empty star match leaves the substitution as written, as in TypeScript.
      candidates.push(path.resolve(base, mapped.star ? subst.replace('*', mapped.star) : subst));
    }
  } else if (options.baseUrl !== undefined) {
    if (!path.isAbsolute(options.baseUrl)) return undefined;
    candidates = [path.resolve(options.baseUrl, specifier)];
  }
  for (const candidate of candidates) {
    if (candidate.includes('/node_modules/')) return undefined;
    const found = firstFile(candidate, host) ?? asFolder(candidate, host);
    if (found !== null) return found;
  }

  // Then the package's own name (only when its package.json has `exports`), then node_modules
  // folders (not for a name with a colon, `node:fs`).
  const context = host.lookupContext(dir);
  if (context.scope !== '' && mayNameItself(host.manifest(context.scope), specifier)) return undefined;
  if (specifier.includes(':')) return null;
  return context.nodeModules ? undefined : null;
}

/** The orders TypeScript tries extensions in, by the extension written (`tryAddingExtensions`). */
const TS_ORDER = ['.ts', '.tsx', '.d.ts', '.js', '.jsx'];
const TSX_ORDER = ['.tsx', '.ts', '.d.ts', '.jsx', '.js'];
/** Extensions TypeScript strips before adding its own, longest first as in `removeFileExtension`. */
const KNOWN = ['.d.ts', '.d.mts', '.d.cts', '.mjs', '.mts', '.cjs', '.cts', '.ts', '.js', '.tsx', '.jsx', '.json'];

/**
 * The file TypeScript's `loadModuleFromFile` finds for a candidate path (null: none, so the
 * candidate may only be a folder), or undefined when its name is one this does not replay.
 * A written extension is replaced first (`x.js` -> `x.ts`; an unknown one, `x.styles`, only by
 * `x.d.styles.ts`), then extensions are added to the whole name (`x.styles.tsx`).
 */
function firstFile(candidate: string, host: ShortcutHost): string | null | undefined {
  const name = path.basename(candidate);
  if (name.startsWith('.')) return undefined;
  // A missing folder: TypeScript looks at no file in it.
  if (!host.directoryExists(path.dirname(candidate))) return null;
  const first = (stem: string, order: string[]) => order.find((ext) => host.fileExists(stem + ext));
  const dot = name.lastIndexOf('.');
  if (dot >= 0) {
    const written = KNOWN.find((ext) => name.endsWith(ext));
    let found: string | undefined;
    if (written === '.ts' || written === '.d.ts' || written === '.js' || written === '.tsx' || written === '.jsx') {
      const stem = candidate.slice(0, -written.length);
      const ext = first(stem, written === '.tsx' || written === '.jsx' ? TSX_ORDER : TS_ORDER);
      if (ext !== undefined) found = stem + ext;
    } else if (written !== undefined || /\.d\.[^.]*$/.test(name)) {
      return undefined;
    } else {
      const declaration = `${candidate.slice(0, candidate.length - (name.length - dot))}.d${name.slice(dot)}.ts`;
      if (host.fileExists(declaration)) found = declaration;
    }
    if (found !== undefined) return found;
  }
  const ext = first(candidate, TS_ORDER);
  return ext === undefined ? null : candidate + ext;
}

/**
 * What TypeScript's `loadNodeModuleFromDirectory` finds for a candidate that is no file: its
 * index file when it is a folder without a package.json; null when it is no folder; undefined
 * when it has a package.json (its fields are not replayed).
 */
function asFolder(candidate: string, host: ShortcutHost): string | null | undefined {
  if (!host.directoryExists(candidate)) return null;
  if (host.fileExists(path.join(candidate, 'package.json'))) return undefined;
  return firstFile(path.join(candidate, 'index'), host);
}

/** Whether TypeScript's `loadModuleFromSelfNameReference` may resolve `specifier` through this package.json. */
function mayNameItself(manifest: { name?: unknown; exports?: unknown } | undefined, specifier: string): boolean {
  if (manifest === undefined) return true;
  const { exports, name } = manifest;
  if (!exports || typeof name !== 'string') return false;
  return name === '' || /^\/|\/$|\\/.test(name) || specifier === name || specifier.startsWith(`${name}/`);
}

/** TypeScript's `matchPatternOrExact` over `paths`: an exact key, else the star pattern with the longest prefix (the first of equals). */
function bestPattern(paths: ts.MapLike<string[]>, specifier: string): { key: string; star?: string } | undefined {
  if (Object.hasOwn(paths, specifier) && !specifier.includes('*')) return { key: specifier };
  let best: { key: string; star?: string } | undefined;
  let longest = -1;
  for (const key of Object.keys(paths)) {
    const star = key.indexOf('*');
    if (star < 0 || key.indexOf('*', star + 1) >= 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (prefix.length > longest && specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix)) {
      longest = prefix.length;
      best = { key, star: specifier.slice(prefix.length, specifier.length - suffix.length) };
    }
  }
  return best;
}
