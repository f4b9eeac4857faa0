import path from 'node:path';
import ts from '../typescript.cjs';
import { cachedAnalysis, type ModelCodec } from '../cache/model-cache.js';
import type { SourceHost } from './source-host.js';

/** The compiler options a tsconfig gives, and every other file (`extends`) that went into them. */
interface TsconfigOptions {
  options: ts.CompilerOptions;
  /** Files read besides the tsconfig itself, with their text then (null: unreadable). */
  inputs: Array<[file: string, text: string | null]>;
}

/**
 * Resolves import specifiers to project files with TypeScript's own resolver, so `.js`
 * specifiers map to `.ts` sources, index files and tsconfig `paths` behave as in the compiler.
 * Resolution is always `Bundler`-style: it accepts extensionless and `.js` relative imports alike.
 */
export class ModuleResolver {
  private readonly options: ts.CompilerOptions;
  private readonly host: ts.ModuleResolutionHost;
  private cache: ts.ModuleResolutionCache;
  private readonly memo = new Map<string, string | null>();

  constructor(
    private readonly root: string,
    private readonly sourceHost: SourceHost,
    tsconfig: string | false | undefined,
  ) {
    this.host = {
      fileExists: (f) => sourceHost.fileExists(f),
      readFile: (f) => sourceHost.readFile(f),
      directoryExists: sourceHost.directoryExists ? (d) => sourceHost.directoryExists!(d) : undefined,
      realpath: sourceHost.realpath ? (f) => sourceHost.realpath!(f) : undefined,
      getCurrentDirectory: () => root,
    };
    const configFile = tsconfig === false ? undefined : tsconfig !== undefined ? path.resolve(root, tsconfig) : this.findTsconfig(root);
    this.options = {
      ...this.readOptions(configFile),
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      module: ts.ModuleKind.ESNext,
      allowJs: true,
      resolveJsonModule: false,
      noDtsResolution: false,
    };
    this.cache = this.newCache();
  }

  resolve(specifier: string, fromFile: string): string | null {
    const memoKey = `${path.dirname(fromFile)}\0${specifier}`;
    const hit = this.memo.get(memoKey);
    if (hit !== undefined) return hit;
    let result: string | null = null;
    try {
      const resolved = ts.resolveModuleName(specifier, fromFile, this.options, this.host, this.cache).resolvedModule;
      // Declaration files and installed packages hold no keys we can read statically; a
      // workspace package linked into node_modules resolves (through realpath) to its sources.
      const file = resolved && path.resolve(resolved.resolvedFileName);
      if (file && !/\.d\.[cm]?ts$/.test(file) && !file.split(path.sep).includes('node_modules')) result = file;
    } catch {
      result = null;
    }
    this.memo.set(memoKey, result);
    return result;
  }

  /** Files may have appeared or vanished: forget what was resolved. */
  clear(): void {
    this.memo.clear();
    this.cache = this.newCache();
  }

  private newCache(): ts.ModuleResolutionCache {
    return ts.createModuleResolutionCache(this.root, (f) => f, this.options);
  }

  private findTsconfig(start: string): string | undefined {
    let dir = path.resolve(start);
    for (;;) {
      const candidate = path.join(dir, 'tsconfig.json');
      if (this.sourceHost.fileExists(candidate)) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }

  /**
   * TypeScript's JSON parser runs cold in a short process (5-8 ms for a small tsconfig), so the
   * options are kept in core's model cache, keyed by the tsconfig's text and checked against the
   * text of every file it extends.
   */
  private readOptions(configFile: string | undefined): ts.CompilerOptions {
    if (!configFile) return {};
    const text = this.sourceHost.readFile(configFile);
    if (text === undefined) return {};
    const host = this.sourceHost;
    const codec: ModelCodec<TsconfigOptions> = {
      storable: () => true,
      encode: (r) => r,
      decode: (stored) => stored as TsconfigOptions,
      fresh: (r) => r.inputs.every(([file, was]) => (host.readFile(file) ?? null) === was),
    };
    return cachedAnalysis('tsconfig', configFile, text, codec, () => parseOptions(configFile, text, host)).options;
  }
}

function parseOptions(configFile: string, text: string, host: SourceHost): TsconfigOptions {
  const inputs: TsconfigOptions['inputs'] = [];
  const readFile = (f: string): string | undefined => {
    const read = f === configFile ? text : host.readFile(f);
    if (f !== configFile) inputs.push([f, read ?? null]);
    return read;
  };
  const read = ts.readConfigFile(configFile, readFile);
  if (read.error || !read.config) return { options: {}, inputs };
  // No globbing: we only want compiler options (paths, baseUrl), never the file list.
  const parseHost: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: true,
    readDirectory: () => [],
    fileExists: (f) => host.fileExists(f),
    readFile,
  };
  try {
    return { options: ts.parseJsonConfigFileContent(read.config, parseHost, path.dirname(configFile), undefined, configFile).options, inputs };
  } catch {
    return { options: {}, inputs };
  }
}
