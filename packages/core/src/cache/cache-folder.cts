/**
 * Where flagdebt keeps what it caches between runs (the TypeScript code cache, parsed configs
 * and registries), and how it writes there. CommonJS, because typescript-cache.cts needs it
 * before any ES module of core is loaded.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS by design, see above */
import fs = require('node:fs');
import path = require('node:path');
import workerThreads = require('node:worker_threads');

/**
 * `node_modules/.cache/flagdebt/` in the `node_modules` that holds the package at `packageDir`,
 * or the folder `FLAGDEBT_CACHE` names; null when that variable is `0` (every cache off).
 * `FLAGDEBT_COMPILE_CACHE`, the switch's earlier name, is still read when `FLAGDEBT_CACHE` is unset.
 */
function cacheRoot(packageDir: string): string | null {
  const setting = process.env.FLAGDEBT_CACHE ?? process.env.FLAGDEBT_COMPILE_CACHE;
  if (setting === '0') return null;
  return setting || path.join(path.dirname(packageDir), '.cache', 'flagdebt');
}

/**
 * Writes `data` to `file` atomically (a temporary file, then rename; parent folders created),
 * and silently: a cache is never worth an error. Returns whether it was written.
 */
function writeQuietly(file: string, data: string | NodeJS.ArrayBufferView): boolean {
  const temp = `${file}.${process.pid}-${workerThreads.threadId}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, file);
    return true;
  } catch {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // nothing to clean up
    }
    return false;
  }
}

export = { cacheRoot, writeQuietly };
