/**
 * Runs a CommonJS file with V8's code cache kept between processes. Node 22 has a module compile
 * cache; Node 20 does not, and a short process (a lint of a small project, a scan) spends a
 * good part of its time compiling JavaScript it has compiled the run before. The cache is taken
 * when the first process exits, so it holds every function that run used, and lives in
 * `node_modules/.cache/flagdebt/` (cache-folder.cts). V8 checks it against the source length,
 * its own version and its flags and ignores it on a mismatch; the file is then rewritten.
 * A folder that cannot be written only means no cache; `FLAGDEBT_CACHE=0` turns it off.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS by design, see above */
import crypto = require('node:crypto');
import fs = require('node:fs');
import Module = require('node:module');
import path = require('node:path');
import vm = require('node:vm');
import cacheFolder = require('./cache-folder.cjs');

type ModuleInternals = { exports: unknown };

/**
 * Runs `content` as the module `module` at `filename`, reusing and (at exit) writing the code
 * cache in `cacheFile` (undefined: no cache). Returns what Node's module wrapper returns.
 */
function compileWithCache(module: ModuleInternals, content: string, filename: string, cacheFile: string | undefined, options: { refresh?: boolean } = {}): unknown {
  let cachedData: Buffer | undefined;
  try {
    cachedData = cacheFile === undefined ? undefined : fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(content), { filename, cachedData });
  const missing = cachedData === undefined || script.cachedDataRejected;
  // Taking the cache costs time (~30 ms for typescript.js): only when it can be stored, and,
  // with `refresh`, also when this run compiled more than the stored cache holds (a first run
  // that only loaded the module must not leave a thin cache for good).
  if (cacheFile !== undefined && (missing || options.refresh) && writableDir(path.dirname(cacheFile))) {
    const heldBytes = missing ? 0 : cachedData!.length;
    process.once('exit', () => {
      const data = script.createCachedData();
      if (data.length > heldBytes * 1.05 && cacheFolder.writeQuietly(cacheFile, data)) dropOlder(cacheFile);
    });
  }
  const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  const localRequire = Module.createRequire(filename);
  return wrapper.call(module.exports, module.exports, localRequire, module, filename, path.dirname(filename));
}

/**
 * The exports of the CommonJS file `file` (a bundle of our own), run with a code cache named by
 * the file's content: V8 only compares lengths, so a rebuilt bundle must never meet the cache
 * of another build. Caches of older builds of the same file are removed.
 */
function requireWithCodeCache(file: string): unknown {
  const content = fs.readFileSync(file, 'utf8');
  const module = new Module(file) as unknown as ModuleInternals & { filename: string; paths: string[]; loaded: boolean };
  module.filename = file;
  module.paths = Module.createRequire(file).resolve.paths('x') ?? [];
  const digest = crypto.createHash('sha1').update(content).digest('hex').slice(0, 16);
  const dir = cacheDir();
  const cacheFile = dir === null ? undefined : path.join(dir, `${path.basename(file)}-${digest}-${process.version}-${process.arch}.v8cache`);
  compileWithCache(module, content, file, cacheFile, { refresh: true });
  module.loaded = true;
  return module.exports;
}

/**
 * Loads the CommonJS file `file` as `require` would (a Module registered in `require.cache` under
 * `file` before it runs, so a later `require` of it gets this instance), compiled with the code
 * cache in `cacheFile`. Unlike compileWithCache, the cache is written when the caller calls
 * `save()`, not at exit: a worker thread (the type-check gate's) is ended with terminate() and
 * never gets to its exit. `save` writes once, only when the cache was missing or rejected, and
 * says whether it wrote. A module that fails to load is removed from `require.cache` again; one
 * already loaded in this thread is returned as it is.
 */
function requireWithCacheOnDemand(file: string, cacheFile: string | undefined): { exports: unknown; save: () => boolean } {
  const loaded = require.cache[file];
  if (loaded) return { exports: loaded.exports, save: () => false };
  const content = fs.readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = cacheFile === undefined ? undefined : fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const module = new Module(file) as unknown as ModuleInternals & { filename: string; paths: string[]; loaded: boolean };
  module.filename = file;
  module.paths = Module.createRequire(file).resolve.paths('x') ?? [];
  require.cache[file] = module as unknown as NodeJS.Module;
  let script: vm.Script;
  try {
    script = new vm.Script(Module.wrap(content), { filename: file, cachedData });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    wrapper.call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  } catch (error) {
    delete require.cache[file];
    throw error;
  }
  module.loaded = true;
  let pending = cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true);
  return {
    exports: module.exports,
    save: () => {
      if (!pending || cacheFile === undefined || !writableDir(path.dirname(cacheFile))) return false;
      pending = false;
      return cacheFolder.writeQuietly(cacheFile, script.createCachedData());
    },
  };
}

/** The cache folder beside the `typescript` package core uses (where typescript-cache.cts keeps its cache). */
function cacheDir(): string | null {
  try {
    return cacheFolder.cacheRoot(path.dirname(path.dirname(require.resolve('typescript'))));
  } catch {
    return null;
  }
}

function writableDir(dir: string): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** `<name>-<digest>-<node>-<arch>.v8cache`: other digests of the same name are older builds. */
function dropOlder(cacheFile: string): void {
  const name = path.basename(cacheFile);
  const prefix = name.slice(0, name.indexOf('-') + 1);
  const suffix = name.slice(name.indexOf('-', prefix.length));
  try {
    for (const other of fs.readdirSync(path.dirname(cacheFile))) {
      if (other !== name && other.startsWith(prefix) && other.endsWith(suffix) && /^[0-9a-f]{16}$/.test(other.slice(prefix.length, other.length - suffix.length))) {
        fs.rmSync(path.join(path.dirname(cacheFile), other), { force: true });
      }
    }
  } catch {
    // a cache is never worth an error
  }
}

export = { compileWithCache, requireWithCodeCache, requireWithCacheOnDemand, cacheDir };
