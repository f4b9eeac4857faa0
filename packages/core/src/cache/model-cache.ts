/**
 * Config and registry files, parsed and validated, kept between runs.
 *
 * Every ESLint run and every scan parses flagdebt.config.* and the registry. That means loading
 * the `yaml` package (~30 ms) and running its parser cold (~15-25 ms): on a small project a
 * third of what the ESLint plugin adds to a lint. The result of a parse depends only on the
 * file's path and text, so it is stored in `node_modules/.cache/flagdebt/models/` (or in the
 * folder `FLAGDEBT_COMPILE_CACHE` names) together with the exact text it came from, and used
 * again only when the file's text is the same, character for character. There is no mtime
 * check to get wrong: the file is always read, only the parse is saved.
 *
 * Only results without errors are stored (errors are rare and must always be current).
 * `FLAGDEBT_COMPILE_CACHE=0` turns this off; a folder that cannot be written means no cache,
 * never an error.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cacheFolders from './cache-folder.cjs';

/** Bumped whenever what is stored changes shape or meaning. */
const FORMAT = 1;

interface StoredEntry {
  format: number;
  /** The flagdebt version that made it: a new version may validate differently. */
  version: string;
  kind: string;
  file: string;
  text: string;
  result: unknown;
}

let folder: string | null | undefined;
let version: string | undefined;

/** The cache folder, or null when caching is off or no `node_modules` can hold it. */
function cacheFolder(): string | null {
  if (folder !== undefined) return folder;
  try {
    // Beside the yaml package, resolved without loading it: the node_modules core's parsing uses.
    const root = cacheFolders.cacheRoot(path.dirname(path.dirname(createRequire(import.meta.url).resolve('yaml'))));
    folder = root === null ? null : path.join(root, 'models');
  } catch {
    folder = null;
  }
  return folder;
}

/**
 * Deletes everything flagdebt keeps between runs (parsed configs and registries, the ESLint
 * plugin's wrapper search, the code caches): the `node_modules/.cache/flagdebt/` folder, or the
 * one `FLAGDEBT_CACHE` names. Results never depend on the caches; this only costs the next run time.
 */
export function clearCaches(): void {
  const models = cacheFolder();
  folder = undefined;
  if (models === null) return;
  try {
    fs.rmSync(path.dirname(models), { recursive: true, force: true });
  } catch {
    // A cache that cannot be removed is still never trusted beyond its checks.
  }
}

/**
 * What made an entry: core's version and the newest modification time among core's own
 * modules, so that a rebuilt core (which may validate differently) never trusts old entries.
 */
function coreVersion(): string {
  if (version === undefined) {
    try {
      const pkg = createRequire(import.meta.url)('../../package.json') as { version?: string };
      version = `${pkg.version ?? 'unknown'}+${newestModule(path.dirname(path.dirname(fileURLToPath(import.meta.url))))}`;
    } catch {
      version = 'unknown';
    }
  }
  return version;
}

function newestModule(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestModule(full));
    else if (/\.[cm]?[jt]s$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * One cache file per kind, absolute path and build: the ESLint plugin carries its own copy of
 * core (scripts/bundle.mjs), and a scan and a lint must not keep replacing each other's entries.
 */
function entryPath(dir: string, kind: string, file: string): string {
  const digest = createHash('sha1').update(`${kind}\0${path.resolve(file)}\0${coreVersion()}`).digest('hex');
  return path.join(dir, `${kind}-${digest}.json`);
}

export interface ModelCodec<T> {
  /** Whether `result` may be stored (no errors in it). */
  storable(result: T): boolean;
  /** To plain JSON and back (a Map becomes entries, for example). */
  encode(result: T): unknown;
  decode(stored: unknown): T;
  /** Whether a stored result still holds (it depends on more than `text`); default: yes. */
  fresh?(result: T): boolean;
}

/**
 * `analyse()` for `file` with `text`, or what it returned for the same kind, file argument and
 * text before. `file` is compared as given: diagnostics carry it. `text` must hold everything
 * the analysis depends on besides the path (a caller appends what it probed on disk).
 */
export function cachedAnalysis<T>(kind: string, file: string, text: string, codec: ModelCodec<T>, analyse: () => T): T {
  const dir = cacheFolder();
  if (dir === null) return analyse();
  const cacheFile = entryPath(dir, kind, file);
  const stored = readEntry(cacheFile);
  if (stored && stored.format === FORMAT && stored.version === coreVersion() && stored.kind === kind && stored.file === file && stored.text === text) {
    try {
      const result = codec.decode(stored.result);
      if (codec.fresh?.(result) ?? true) return result;
    } catch {
      // A damaged entry: parse again and replace it.
    }
  }
  const result = analyse();
  if (codec.storable(result)) {
    writeEntry(cacheFile, { format: FORMAT, version: coreVersion(), kind, file, text, result: codec.encode(result) });
  }
  return result;
}

/**
 * What was stored last for this kind and file argument, whatever text it came from: for an
 * analysis that brings an earlier result up to date itself (the ESLint plugin's wrapper search
 * re-reads only changed files). Undefined when there is none, or it is damaged or from another build.
 */
export function previousAnalysis<T>(kind: string, file: string, codec: ModelCodec<T>): T | undefined {
  const dir = cacheFolder();
  if (dir === null) return undefined;
  const stored = readEntry(entryPath(dir, kind, file));
  if (!stored || stored.format !== FORMAT || stored.version !== coreVersion() || stored.kind !== kind || stored.file !== file) return undefined;
  try {
    const result = codec.decode(stored.result);
    return (codec.fresh?.(result) ?? true) ? result : undefined;
  } catch {
    return undefined;
  }
}

/** Stores `result` as `previousAnalysis` will find it (when the codec says it may be stored). */
export function storeAnalysis<T>(kind: string, file: string, codec: ModelCodec<T>, result: T): void {
  const dir = cacheFolder();
  if (dir === null || !codec.storable(result)) return;
  writeEntry(entryPath(dir, kind, file), { format: FORMAT, version: coreVersion(), kind, file, text: '', result: codec.encode(result) });
}

function readEntry(cacheFile: string): StoredEntry | undefined {
  try {
    return JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as StoredEntry;
  } catch {
    return undefined;
  }
}

/** Past this many entries (one per config or registry path), the oldest half is dropped. */
export const MAX_ENTRIES = 256;

/** Atomic and silent (cache-folder.cts). */
function writeEntry(cacheFile: string, entry: StoredEntry): void {
  // Writes happen only when a file changed or is new, so the trim is rare; it keeps projects in
  // temporary folders (tests, CI checkouts) from growing the cache for ever.
  if (cacheFolders.writeQuietly(cacheFile, JSON.stringify(entry))) {
    try {
      trim(path.dirname(cacheFile));
    } catch {
      // a cache is never worth an error
    }
  }
}

function trim(dir: string): void {
  const names = fs.readdirSync(dir).filter((name) => name.endsWith('.json'));
  if (names.length <= MAX_ENTRIES) return;
  const byAge = names
    .map((name) => {
      const file = path.join(dir, name);
      return { file, mtime: fs.statSync(file).mtimeMs };
    })
    .sort((a, b) => a.mtime - b.mtime);
  for (const { file } of byAge.slice(0, names.length - MAX_ENTRIES / 2)) fs.rmSync(file, { force: true });
}

/** For tests: forget the folder and version looked up so far (after changing the environment). */
export function resetModelCache(): void {
  folder = undefined;
  version = undefined;
}
