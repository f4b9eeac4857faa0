/**
 * Loads typescript.js with a compile cache, before typescript.cts requires it. Compiling that
 * 9 MB file is the largest start-up cost of a scan (about 0.2 s). Node 22 has a
 * module compile cache for that; on Node 20 this module keeps one for typescript.js alone: V8's
 * code cache, taken when the first process exits (so it holds the functions that run used), in
 * `node_modules/.cache/flagdebt/`. V8 checks the cache against the source and its own version
 * and flags and ignores it on any mismatch; the file is then rewritten. An unwritable
 * `node_modules` only means no cache. `FLAGDEBT_CACHE=0` turns it off;
 * `FLAGDEBT_CACHE=<folder>` keeps it there instead.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS by design, see above */
import fs = require('node:fs');
import Module = require('node:module');
import path = require('node:path');
import cacheFolder = require('./cache-folder.cjs');
import codeCache = require('./code-cache.cjs');

/**
 * Loads typescript.js as Node would (a Module registered in `require.cache` under its resolved
 * path before it runs, so every later `require('typescript')` gets this instance), but compiled
 * through `codeCache.compileWithCache`. Nothing of Node's module loader is replaced: a failure
 * here only removes the entry again and leaves the ordinary `require` to load (and report) it.
 */
function loadTypeScript(): void {
  let entry: string;
  try {
    entry = require.resolve('typescript');
  } catch {
    return; // typescript.cts reports it
  }
  // Already loaded (typescript-eslint got there first): that instance is shared, as usual.
  if (require.cache[entry] || cacheFolder.cacheRoot(path.dirname(path.dirname(entry))) === null) return;
  const module = new Module(entry, require.main) as Module & { loaded: boolean };
  module.filename = entry;
  module.paths = Module.createRequire(entry).resolve.paths('typescript') ?? [];
  require.cache[entry] = module;
  try {
    codeCache.compileWithCache(module, fs.readFileSync(entry, 'utf8'), entry, cachePath(entry));
    module.loaded = true;
  } catch {
    delete require.cache[entry];
  }
}

/**
 * `typescript-<version>-<node>-<arch>.v8cache` in `node_modules/.cache/flagdebt/` beside the
 * package, or in the folder `FLAGDEBT_CACHE` names.
 */
function cachePath(entry: string): string | undefined {
  try {
    const pkgDir = path.dirname(path.dirname(entry));
    const { version } = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
    const dir = cacheFolder.cacheRoot(pkgDir);
    return dir === null ? undefined : path.join(dir, `typescript-${version}-${process.version}-${process.arch}.v8cache`);
  } catch {
    return undefined;
  }
}

loadTypeScript();
