import path from 'node:path';
import ts from '../typescript.cjs';
import { PackageSources, type BuildLayout } from './package-sources.js';
import type { SourceHost } from './source-host.js';
import { TsconfigScope, type Tsconfig } from './tsconfig-scope.js';
import { WorkspacePackages } from './workspace-packages.js';

/** TypeScript's resolver for one tsconfig's options. */
interface ConfiguredResolver {
  options: ts.CompilerOptions;
  cache: ts.ModuleResolutionCache;
}

/** A bare specifier's package name and subpath: `@acme/shared/flags` -> `@acme/shared`, `./flags`. */
function splitPackage(specifier: string): { name: string; subpath: string } | undefined {
  const segs = specifier.split('/');
  const count = specifier.startsWith('@') ? 2 : 1;
  if (segs.length < count || segs.slice(0, count).some((s) => s === '')) return undefined;
  const rest = segs.slice(count).join('/');
  return { name: segs.slice(0, count).join('/'), subpath: rest === '' ? '.' : `./${rest}` };
}

/** Whether a `paths` key (`@/*`, `@acme/flags`) matches `specifier`. */
function matchesPaths(paths: ts.MapLike<string[]> | undefined, specifier: string): boolean {
  if (!paths) return false;
  for (const key of Object.keys(paths)) {
    const star = key.indexOf('*');
    if (star < 0 ? key === specifier : specifier.startsWith(key.slice(0, star)) && specifier.endsWith(key.slice(star + 1)) && specifier.length >= key.length - 1) return true;
  }
  return false;
}

/**
 * Resolves import specifiers to project files, as in a monorepo's own build:
 * - relative imports and tsconfig `paths`/`baseUrl` with TypeScript's resolver (Bundler-style:
 *   `.js` specifiers map to `.ts` sources, index files), under the nearest tsconfig of the
 *   importing file (tsconfig-scope.ts);
 * - bare imports of the monorepo's own packages (workspace-packages.ts) to their sources, even
 *   when the package points at an unbuilt dist/ (package-sources.ts).
 * Files are returned by their real path, spelled under the project root when they are inside it,
 * so a file reached through a node_modules link is the same file the scanner walks.
 */
export class ModuleResolver {
  private readonly host: ts.ModuleResolutionHost;
  private readonly workspaces: WorkspacePackages;
  private readonly tsconfigs: TsconfigScope;
  private readonly packages: PackageSources;
  private readonly resolvers = new Map<string, ConfiguredResolver>();
  private readonly memo: Map<string, string | null>;
  private realRoot: string | undefined;
  /** Folder -> its real path: links are folders (node_modules entries), and resolution asks often. */
  private readonly realDirs = new Map<string, string>();
  /**
   * Specifiers resolved by TypeScript: a bare one by tsconfig, specifier and `lookupContext` of
   * the importing folder; a relative one by tsconfig and the absolute path it names.
   */
  private readonly bareMemo = new Map<string, string | null>();
  /** Folder -> its `lookupContext`. */
  private readonly contexts = new Map<string, string>();

  constructor(
    private readonly root: string,
    private readonly sourceHost: SourceHost,
    tsconfig: string | false | undefined,
    memo?: Map<string, string | null>,
  ) {
    // Shared with other projects over the same files (history's points); the owner forgets what changes.
    this.memo = memo ?? new Map();
    this.host = {
      fileExists: (f) => sourceHost.fileExists(f),
      readFile: (f) => sourceHost.readFile(f),
      directoryExists: sourceHost.directoryExists ? (d) => sourceHost.directoryExists!(d) : undefined,
      realpath: sourceHost.realpath ? (f) => this.realFile(f) : undefined,
      getCurrentDirectory: () => root,
    };
    this.workspaces = new WorkspacePackages(root, sourceHost, (d) => this.realDir(d));
    this.tsconfigs = new TsconfigScope(root, sourceHost, this.workspaces, tsconfig);
    this.packages = new PackageSources(sourceHost, (dir) => this.layoutOf(dir));
  }

  resolve(specifier: string, fromFile: string): string | null {
    const memoKey = `${path.dirname(fromFile)}\0${specifier}`;
    const hit = this.memo.get(memoKey);
    if (hit !== undefined) return hit;
    let result: string | null = null;
    try {
      const config = this.tsconfigs.configFor(fromFile);
      const bare = !specifier.startsWith('.') && !path.isAbsolute(specifier);
      // `paths` come first, as in the compiler; then the monorepo's packages, then the rest.
      const aliased = bare && matchesPaths(config?.options.paths, specifier);
      if (bare && !aliased) result = this.fromWorkspace(specifier, fromFile);
      result ??= this.fromTypeScript(specifier, fromFile, config);
      if (aliased) result ??= this.fromWorkspace(specifier, fromFile);
    } catch {
      result = null;
    }
    this.memo.set(memoKey, result);
    return result;
  }

  /**
   * The compiler options TypeScript resolves `fromFile`'s imports with (its tsconfig's, with
   * what this resolver sets): with the same options and the same files, a relative specifier
   * resolves the same (`history` compares two commits).
   */
  optionsFor(fromFile: string): ts.CompilerOptions {
    return this.resolverFor(this.tsconfigs.configFor(fromFile)).options;
  }

  /** Files may have appeared or vanished: forget what was resolved. */
  clear(file?: string): void {
    this.memo.clear();
    this.resolvers.clear();
    this.bareMemo.clear();
    this.contexts.clear();
    // What tsconfigs and package.json files say is kept unless one of them changed.
    if (file === undefined || /(^|[\\/])([jt]sconfig[^\\/]*\.json|package\.json|pnpm-workspace\.yaml)$/.test(file)) {
      this.tsconfigs.clear();
      this.workspaces.clear();
      this.realDirs.clear();
    }
  }

  private fromTypeScript(specifier: string, fromFile: string, config: Tsconfig | undefined): string | null {
    // A bare specifier resolves the same from every folder that has the same package scope and
    // the same node_modules folders above it: TypeScript's own cache is per folder, and each new
    // folder walked up to the file system's root again (Unleash: 194 misses, ~1 ms each).
    // A relative one depends on the path it names alone (not on the folder it is written in),
    // unless it ends in a folder (`./x/`, `..`), which TypeScript reads as a folder only.
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    if (relative && !/(?:^|\/)(?:\.{1,2})?$/.test(specifier)) {
      const key = `${config?.file ?? ''}\0\0${path.resolve(path.dirname(fromFile), specifier)}`;
      let known = this.bareMemo.get(key);
      if (known === undefined) {
        known = this.typescriptResolve(specifier, fromFile, config);
        this.bareMemo.set(key, known);
      }
      return known;
    }
    if (this.host.directoryExists && !specifier.startsWith('.') && !path.isAbsolute(specifier)) {
      const key = `${config?.file ?? ''}\0${specifier}\0${this.lookupContext(path.dirname(fromFile))}`;
      let known = this.bareMemo.get(key);
      if (known === undefined) {
        known = this.typescriptResolve(specifier, fromFile, config);
        this.bareMemo.set(key, known);
      }
      return known;
    }
    return this.typescriptResolve(specifier, fromFile, config);
  }

  /**
   * What a bare specifier's resolution from `dir` depends on besides the options: the nearest
   * folder with a package.json (self-references, `#imports`) and the node_modules folders in
   * `dir` and above (TypeScript looks into those that exist, and only into those).
   */
  private lookupContext(dir: string): string {
    let known = this.contexts.get(dir);
    if (known === undefined) {
      const parent = path.dirname(dir);
      const above = parent === dir ? undefined : this.lookupContext(parent);
      const scope = this.host.fileExists(path.join(dir, 'package.json')) ? dir : (above?.slice(0, above.indexOf('\0')) ?? '');
      const modules = this.host.directoryExists!(path.join(dir, 'node_modules')) ? [dir] : [];
      if (above !== undefined) modules.push(...(JSON.parse(above.slice(above.indexOf('\0') + 1)) as string[]));
      known = `${scope}\0${JSON.stringify(modules)}`;
      this.contexts.set(dir, known);
    }
    return known;
  }

  private typescriptResolve(specifier: string, fromFile: string, config: Tsconfig | undefined): string | null {
    const { options, cache } = this.resolverFor(config);
    const resolved = ts.resolveModuleName(specifier, fromFile, options, this.host, cache).resolvedModule;
    // Declaration files and installed packages hold no keys we can read statically; a
    // workspace package linked into node_modules resolves (through realpath) to its sources.
    const file = resolved && this.canonical(path.resolve(resolved.resolvedFileName));
    return file && !/\.d\.[cm]?ts$/.test(file) && !file.split(path.sep).includes('node_modules') ? file : null;
  }

  private fromWorkspace(specifier: string, fromFile: string): string | null {
    const split = splitPackage(specifier);
    const pkg = split && this.workspaces.find(split.name, path.dirname(fromFile));
    if (!split || !pkg) return null;
    const file = this.packages.resolve(pkg, split.subpath);
    return file && this.canonical(file);
  }

  private resolverFor(config: Tsconfig | undefined): ConfiguredResolver {
    const key = config?.file ?? '';
    let known = this.resolvers.get(key);
    if (!known) {
      const options: ts.CompilerOptions = {
        ...config?.options,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        module: ts.ModuleKind.ESNext,
        allowJs: true,
        resolveJsonModule: false,
        noDtsResolution: false,
      };
      known = { options, cache: ts.createModuleResolutionCache(this.root, (f) => f, options) };
      this.resolvers.set(key, known);
    }
    return known;
  }

  private layoutOf(dir: string): BuildLayout | undefined {
    const options = this.tsconfigs.configIn(dir)?.options;
    if (!options) return undefined;
    const outDirs = [options.outDir, options.declarationDir].filter((d): d is string => typeof d === 'string');
    return outDirs.length === 0 ? undefined : { outDirs, rootDir: options.rootDir };
  }

  private realDir(dir: string): string {
    if (!this.sourceHost.realpath) return dir;
    let real = this.realDirs.get(dir);
    if (real === undefined) {
      real = this.sourceHost.realpath(dir);
      this.realDirs.set(dir, real);
    }
    return real;
  }

  private realFile(file: string): string {
    return this.sourceHost.realpath ? path.join(this.realDir(path.dirname(file)), path.basename(file)) : file;
  }

  /** The real path of `file`, spelled under the project root when it lies inside the root's real folder. */
  private canonical(file: string): string {
    const real = this.realFile(file);
    this.realRoot ??= this.realDir(this.root);
    if (this.realRoot !== this.root && real.startsWith(this.realRoot + path.sep)) return this.root + real.slice(this.realRoot.length);
    return real;
  }
}
