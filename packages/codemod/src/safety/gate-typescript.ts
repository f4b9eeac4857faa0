import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import codeCache from '@flagdebt/core/code-cache';

/**
 * Loads the TypeScript at `entry` (the project's, else flagdebt's own) into the gate's worker
 * thread with a V8 code cache of the gate's own, so that the next run's worker does not compile
 * again the parts of TypeScript a check runs. The main thread's cache of flagdebt's TypeScript
 * (core's typescript-loader) holds what a scan compiles (the parser), taken when the first
 * process exits; the worker never exits by itself (it is terminated), and a check also compiles
 * the binder and the checker: on bench/remove's corpus 0.05-0.1 s of the worker's CPU per run. A
 * project's own TypeScript had no cache at all: 0.27 s there (bench/RESULTS.md). `save()` writes the cache when it was missing or
 * rejected (once: after the first check, which has compiled what checks use). Throws when the
 * module does not load (the caller then loads it the ordinary way).
 */
export function loadGateTypeScript(entry: string): { save: () => boolean } {
  const dir = codeCache.cacheDir();
  return codeCache.requireWithCacheOnDemand(entry, dir === null ? undefined : cacheFile(dir, entry));
}

/**
 * `gate-typescript-<install>-<version>-<size>-<mtime>-<node>-<arch>.v8cache`: the install (a
 * digest of its path) so that projects sharing one flagdebt keep one cache each; version, size
 * and modification time so that an upgraded or patched TypeScript never meets another's cache
 * (V8 itself only compares the source's length). Caches of the same install's older TypeScripts
 * are removed.
 */
function cacheFile(dir: string, entry: string): string | undefined {
  try {
    const stat = fs.statSync(entry);
    const { version } = JSON.parse(fs.readFileSync(path.join(path.dirname(path.dirname(entry)), 'package.json'), 'utf8')) as { version: string };
    const install = crypto.createHash('sha1').update(entry).digest('hex').slice(0, 12);
    const prefix = `gate-typescript-${install}-`;
    const suffix = `-${process.version}-${process.arch}.v8cache`;
    const name = `${prefix}${version}-${stat.size}-${Math.round(stat.mtimeMs)}${suffix}`;
    dropOthers(dir, name, prefix, suffix);
    return path.join(dir, name);
  } catch {
    return undefined;
  }
}

function dropOthers(dir: string, name: string, prefix: string, suffix: string): void {
  try {
    for (const other of fs.readdirSync(dir)) {
      if (other !== name && other.startsWith(prefix) && other.endsWith(suffix)) fs.rmSync(path.join(dir, other), { force: true });
    }
  } catch {
    // no folder yet, or not ours to clean: a cache is never worth an error
  }
}
