/**
 * ts-morph's TypeScript (`ts`), the one the codemod parses and folds with, loaded with require().
 * An ESM `import { ts } from 'ts-morph'` makes Node lex ts-morph.js (1 MB) for its named exports
 * on every run; a CommonJS module whose exports are one value is not lexed. And ts-morph's own
 * copy of typescript.js (9 MB, @ts-morph/common's) is compiled with a V8 code cache kept between
 * runs, as core does for the `typescript` package: together about 0.2 s of a removal's start-up
 * (bench/RESULTS.md). Nothing else changes: the same module, the same instance.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS by design, see above */
import crypto = require('node:crypto');
import fs = require('node:fs');
import path = require('node:path');
import codeCache = require('@flagdebt/core/code-cache');

/**
 * Registers @ts-morph/common's typescript.js in require.cache, compiled with the cache; the cache
 * is written when this process exits, once (when it was missing or rejected). Any trouble only
 * leaves the ordinary `require` to load it.
 */
function preload(): void {
  try {
    const common = require.resolve('@ts-morph/common', { paths: [path.dirname(require.resolve('ts-morph'))] });
    const entry = path.join(path.dirname(common), 'typescript.js');
    if (require.cache[entry] || !fs.existsSync(entry)) return;
    const dir = codeCache.cacheDir();
    const { save } = codeCache.requireWithCacheOnDemand(entry, dir === null ? undefined : cacheFile(dir, entry));
    process.once('exit', () => save());
  } catch {
    // loaded below the ordinary way
  }
}

/**
 * `ts-morph-typescript-<install>-<size>-<mtime>-<node>-<arch>.v8cache` (V8 itself only compares
 * the source's length); the same install's other caches are removed.
 */
function cacheFile(dir: string, entry: string): string | undefined {
  try {
    const stat = fs.statSync(entry);
    const prefix = `ts-morph-typescript-${crypto.createHash('sha1').update(entry).digest('hex').slice(0, 12)}-`;
    const suffix = `-${process.version}-${process.arch}.v8cache`;
    const name = `${prefix}${stat.size}-${Math.round(stat.mtimeMs)}${suffix}`;
    for (const other of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      if (other !== name && other.startsWith(prefix) && other.endsWith(suffix)) fs.rmSync(path.join(dir, other), { force: true });
    }
    return path.join(dir, name);
  } catch {
    return undefined;
  }
}

preload();
import tsMorph = require('ts-morph');
import ts = tsMorph.ts;
export = ts;
