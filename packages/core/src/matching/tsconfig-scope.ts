import path from 'node:path';
import picomatch from 'picomatch';
import ts from '../typescript.cjs';
import { cachedAnalysis, type ModelCodec } from '../cache/model-cache.js';
import type { SourceHost } from './source-host.js';
import type { WorkspacePackages } from './workspace-packages.js';

/** What a tsconfig gives module resolution, and every other file (`extends`) that went into it. */
export interface Tsconfig {
  file: string;
  options: ts.CompilerOptions;
  /** Referenced projects' tsconfig files (a solution-style config lists its apps here). */
  references: string[];
  /** `include` and `files` as written (absolute); undefined: the default, everything below. */
  include?: string[];
  files?: string[];
  /** Files read besides the tsconfig itself, with their text then (null: unreadable). */
  inputs: Array<[file: string, text: string | null]>;
  /** False when an `extends` could not be read: not kept in the model cache. */
  complete: boolean;
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
/** Referenced projects are followed this deep to find the one that holds a file. */
const MAX_REFERENCE_DEPTH = 3;

/**
 * Which tsconfig governs each file: the nearest `tsconfig.json` (or `jsconfig.json`) at or above
 * its folder, as the compiler and editors do, so each app of a monorepo resolves its own
 * `paths`. When that config is solution-style (it lists `references` and does not itself hold
 * the file), the referenced project that includes the file governs it. A `tsconfig` given in the
 * options governs every file instead; `false` means none.
 */
export class TsconfigScope {
  private readonly byDir = new Map<string, Tsconfig | null>();
  private readonly configs = new Map<string, Tsconfig | null>();
  /**
   * `configFor` per file: resolution asks it once per import that misses its memo, and under a
   * solution-style tsconfig each answer matches `include` globs (15-20 imports a file on Unleash).
   */
  private readonly byFile = new Map<string, Tsconfig | null>();

  constructor(
    private readonly root: string,
    private readonly host: SourceHost,
    private readonly workspaces: WorkspacePackages,
    private readonly fixed: string | false | undefined,
  ) {}

  /** The tsconfig governing `file`, if any. */
  configFor(file: string): Tsconfig | undefined {
    if (this.fixed === false) return undefined;
    if (this.fixed !== undefined) return this.read(path.resolve(this.root, this.fixed)) ?? undefined;
    let known = this.byFile.get(file);
    if (known === undefined) {
      const nearest = this.nearest(path.dirname(file));
      known = nearest && this.owner(nearest, file, 0);
      this.byFile.set(file, known);
    }
    return known ?? undefined;
  }

  /** The tsconfig of a package's own folder (its build layout), if it has one there. */
  configIn(dir: string): Tsconfig | undefined {
    for (const name of CONFIG_NAMES) {
      const file = path.join(dir, name);
      if (this.host.fileExists(file)) return this.read(file) ?? undefined;
    }
    return undefined;
  }

  clear(): void {
    this.byDir.clear();
    this.configs.clear();
    this.byFile.clear();
  }

  private nearest(dir: string): Tsconfig | null {
    const visited: string[] = [];
    let found: Tsconfig | null | undefined;
    for (;;) {
      found = this.byDir.get(dir);
      if (found !== undefined) break;
      visited.push(dir);
      const file = CONFIG_NAMES.map((n) => path.join(dir, n)).find((f) => this.host.fileExists(f));
      if (file) {
        found = this.read(file);
        if (found) break;
      }
      const parent = path.dirname(dir);
      if (parent === dir) {
        found = null;
        break;
      }
      dir = parent;
    }
    for (const d of visited) this.byDir.set(d, found);
    return found;
  }

  /** `config` itself, unless it is a solution whose referenced project holds `file`. */
  private owner(config: Tsconfig, file: string, depth: number): Tsconfig {
    if (config.references.length === 0 || depth >= MAX_REFERENCE_DEPTH) return config;
    const solutionOnly = config.files?.length === 0 && config.include === undefined;
    if (!solutionOnly && holds(config, file)) return config;
    for (const ref of config.references) {
      const referenced = this.read(ref);
      if (referenced && holds(referenced, file)) return this.owner(referenced, file, depth + 1);
    }
    return config;
  }

  /**
   * TypeScript's JSON parser runs cold in a short process (5-8 ms for a small tsconfig), so what
   * a tsconfig gives is kept in core's model cache, keyed by its text and checked against the
   * text of every file it extends.
   */
  private read(file: string): Tsconfig | null {
    let known = this.configs.get(file);
    if (known !== undefined) return known;
    const text = this.host.readFile(file);
    if (text === undefined) {
      known = null;
    } else {
      const host = this.host;
      const codec: ModelCodec<Tsconfig> = {
        storable: (r) => r.complete,
        encode: (r) => r,
        decode: (stored) => stored as Tsconfig,
        fresh: (r) => r.inputs.every(([f, was]) => (host.readFile(f) ?? null) === was),
      };
      known = cachedAnalysis('tsconfig', file, text, codec, () => this.parse(file, text));
    }
    this.configs.set(file, known);
    return known;
  }

  private parse(configFile: string, text: string): Tsconfig {
    const inputs: Tsconfig['inputs'] = [];
    const result: Tsconfig = { file: configFile, options: {}, references: [], inputs, complete: true };
    // `extends: "@acme/tsconfig/base.json"` names a workspace package, which may not be linked
    // into node_modules (nothing installed): such paths are read from the package's folder.
    const real = (f: string): string => (this.host.fileExists(f) ? f : (this.workspaces.linkedPath(f) ?? f));
    const readFile = (f: string): string | undefined => {
      if (f === configFile) return text;
      const file = real(f);
      const read = this.host.readFile(file);
      inputs.push([file, read ?? null]);
      return read;
    };
    const read = ts.readConfigFile(configFile, readFile);
    if (read.error || !read.config) return result;
    // No globbing: only compiler options and references, never the file list.
    const parseHost: ts.ParseConfigHost = {
      useCaseSensitiveFileNames: true,
      readDirectory: () => [],
      fileExists: (f) => this.host.fileExists(real(f)),
      readFile,
    };
    try {
      const parsed = ts.parseJsonConfigFileContent(read.config, parseHost, path.dirname(configFile), undefined, configFile);
      result.options = parsed.options;
      result.references = (parsed.projectReferences ?? []).map((r) => (r.path.endsWith('.json') ? r.path : path.join(r.path, 'tsconfig.json')));
      const raw = read.config as { include?: unknown; files?: unknown };
      const dir = path.dirname(configFile);
      if (Array.isArray(raw.include)) result.include = raw.include.filter((s) => typeof s === 'string').map((s: string) => path.resolve(dir, s));
      if (Array.isArray(raw.files)) result.files = raw.files.filter((s) => typeof s === 'string').map((s: string) => path.resolve(dir, s));
      // TS6053: a file `extends` names was not found (perhaps a package not there yet).
      result.complete = !parsed.errors.some((e) => e.code === 6053);
    } catch {
      result.complete = false;
    }
    return result;
  }
}

/** Whether `config`'s `files`/`include` take in `file` (the default include is everything below). */
function holds(config: Tsconfig, file: string): boolean {
  if (config.files?.includes(file)) return true;
  if (config.include === undefined) return config.files === undefined && !path.relative(path.dirname(config.file), file).startsWith('..');
  return config.include.some((spec) => {
    // A spec without wildcards names a file or a whole folder.
    const glob = /[*?]/.test(spec) ? spec : path.extname(spec) ? spec : `${spec}/**/*`;
    return includeMatcher(glob.split(path.sep).join('/'))(file);
  });
}

/**
 * Compiled `include` globs. `picomatch.isMatch` compiles its pattern on every call, and `holds`
 * runs for every module resolved under a solution-style tsconfig: compiling was most of
 * resolution's time on Unleash (bench/RESULTS.md, issue 15 speed).
 */
const includeMatchers = new Map<string, (file: string) => boolean>();

function includeMatcher(glob: string): (file: string) => boolean {
  let matcher = includeMatchers.get(glob);
  if (matcher === undefined) {
    matcher = picomatch(glob, { dot: false });
    includeMatchers.set(glob, matcher);
  }
  return matcher;
}
