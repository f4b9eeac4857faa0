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

type ModuleInternals = { _compile(content: string, filename: string): unknown; exports: unknown };

function loadTypeScript(): void {
  let entry: string;
  try {
    entry = require.resolve('typescript');
  } catch {
    return; // typescript.cts reports it
  }
  // Already loaded (typescript-eslint got there first): that instance is shared, as usual.
  if (cacheFolder.cacheRoot(path.dirname(path.dirname(entry))) === null || require.cache[entry]) return;
  const proto = Module.prototype as unknown as ModuleInternals;
  const compile = proto._compile;
  proto._compile = function (this: ModuleInternals, content: string, filename: string) {
    if (filename !== entry) return compile.call(this, content, filename);
    proto._compile = compile;
    return codeCache.compileWithCache(this, content, filename, cachePath(filename));
  };
  try {
    require('typescript');
  } catch {
    // typescript.cts requires it again and reports the error
  } finally {
    proto._compile = compile;
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
