/**
 * The gate's V8 start-up snapshot (docs/decisions.md, "The gate from a start-up snapshot"): a
 * blob of a heap in which the project's TypeScript is loaded and the lib files of its root
 * tsconfig are parsed and bound (gate-snapshot-entry.ts). The gate's worker thread starts a
 * child process from it (SnapshotChild, in gate-snapshot-child.ts) instead of preparing
 * TypeScript itself: about a second of CPU less per run. Where the blob is, what makes it
 * stale, and how it is built (in the background, after a run that had none).
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import codeCache from '@flagdebt/core/code-cache';
import { nearestTsconfig, typeScriptEntry } from './type-gate.js';

/** What a blob is built from, and where it goes. */
export interface SnapshotPlan {
  /** The blob's path: its name is a digest of everything that makes it wrong if changed. */
  blob: string;
  /** Blobs of the same project and TypeScript begin so (older ones are removed once a new one is in place). */
  prefix: string;
  /** dist/bundle/gate-snapshot.cjs, the snapshot's script. */
  bundle: string;
  /** The TypeScript the gate uses (the project's, else flagdebt's), which the child must say it loaded. */
  typescript: string;
  /** What the snapshot's script reads while it is built. */
  env: Record<string, string>;
}

/**
 * FLAGDEBT_GATE_SNAPSHOT: `0` neither uses nor builds a blob; `sync` builds a missing one before
 * the run's first verdict is given (tests); anything else, the default: built in the background.
 */
export function snapshotSetting(): 'off' | 'sync' | 'background' {
  const setting = process.env.FLAGDEBT_GATE_SNAPSHOT;
  return setting === '0' ? 'off' : setting === 'sync' ? 'sync' : 'background';
}

/** The blob for the gate of a project in `root`; null when snapshots are off, unsupported or there is no cache folder. */
export function snapshotPlan(root: string): SnapshotPlan | null {
  if (snapshotSetting() === 'off') return null;
  try {
    // `--snapshot-blob` and `v8.startupSnapshot` came in Node 18.20 / 20; without them, the old way.
    if (!('startupSnapshot' in (createRequire(import.meta.url)('node:v8') as object))) return null;
    const dir = codeCache.cacheDir();
    const bundle = builtFile('../bundle/gate-snapshot.cjs', '../../dist/bundle/gate-snapshot.cjs');
    const self = fileURLToPath(import.meta.url);
    const typescript = typeScriptEntry(root, self);
    if (dir === null || bundle === null || typescript === null) return null;
    // Core's resolver runs flagdebt's own TypeScript (core's typescript.cjs requires it).
    const coreTypeScript = createRequire(createRequire(import.meta.url).resolve('@flagdebt/core/package.json')).resolve('typescript');
    const config = nearestTsconfig(root, path.join(root, 'index.ts'));
    const fingerprint = [
      process.version,
      process.arch,
      process.execPath,
      // V8 flags given there make a blob built without them fail to load, and the reverse.
      process.env.NODE_OPTIONS ?? '',
      crypto.createHash('sha1').update(fs.readFileSync(bundle)).digest('hex'),
      ...[typescript, coreTypeScript, ...(config === null ? [] : [config])].map(stamp),
    ].join('\n');
    const prefix = `gate-snapshot-${digest(`${root}\n${typescript}`, 12)}-`;
    return {
      blob: path.join(dir, `${prefix}${digest(fingerprint, 16)}.blob`),
      prefix,
      bundle,
      typescript,
      env: { FLAGDEBT_GATE_SNAPSHOT_TS: typescript, FLAGDEBT_GATE_SNAPSHOT_CORE_TS: coreTypeScript, FLAGDEBT_GATE_SNAPSHOT_ROOT: root, FLAGDEBT_GATE_SNAPSHOT_CONFIG: config ?? '' },
    };
  } catch {
    return null;
  }
}

/** A file's path, size and modification time: an upgraded TypeScript or an edited tsconfig makes another blob. */
function stamp(file: string): string {
  const stat = fs.statSync(file);
  return `${file} ${stat.size} ${stat.mtimeMs}`;
}

function digest(text: string, length: number): string {
  return crypto.createHash('sha1').update(text).digest('hex').slice(0, length);
}

/** A build output beside this module, or, running from the sources (tests), the build's. */
function builtFile(...candidates: string[]): string | null {
  for (const candidate of candidates) {
    const file = fileURLToPath(new URL(candidate, import.meta.url));
    if (fs.existsSync(file)) return file;
  }
  return null;
}

/**
 * Builds the blob in a process of its own that outlives the run: detached, at the lowest
 * priority, its output ignored. Under FLAGDEBT_GATE_SNAPSHOT=sync, here and now instead.
 */
export function buildInBackground(plan: SnapshotPlan): void {
  if (snapshotSetting() === 'sync') {
    buildSnapshot(plan);
    return;
  }
  // A CI job's checkout and cache are thrown away with the job: a build there would cost CPU for
  // a blob no run reads, in a process the job does not wait for.
  if (onCi(process.env)) return;
  const builder = builtFile('./gate-snapshot-build.js', '../../dist/safety/gate-snapshot-build.js');
  if (builder === null) return;
  try {
    const child = spawn(process.execPath, [builder, JSON.stringify(plan)], { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
  } catch {
    // a blob is only a speed-up
  }
}

/** The `CI` variable every hosted CI service sets (to `true` or `1`, or a name), as most tools read it. */
export function onCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/** A build is taken for abandoned when its lock is this old. */
const LOCK_MS = 5 * 60_000;

/**
 * Builds `plan.blob`: the snapshot into a temporary file, then a process started from it must
 * say hello with the right TypeScript, then the rename (so a blob that is there is whole and
 * loads; two runs building at once each rename a whole file). A lock file keeps a second build
 * from starting while one runs. Returns whether the blob is now in place.
 */
export function buildSnapshot(plan: SnapshotPlan): boolean {
  const lock = `${plan.blob}.lock`;
  const temp = `${plan.blob}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(plan.blob), { recursive: true });
    if (!takeLock(lock)) return false;
  } catch {
    return false;
  }
  try {
    const built = spawnSync(process.execPath, ['--snapshot-blob', temp, '--build-snapshot', plan.bundle], { env: { ...process.env, ...plan.env }, stdio: 'ignore', timeout: 120_000 });
    if (built.status !== 0 || !fs.existsSync(temp)) return false;
    if (!answersHello(temp, plan)) return false;
    fs.renameSync(temp, plan.blob);
    dropOthers(plan);
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(temp, { force: true });
    fs.rmSync(lock, { force: true });
  }
}

function takeLock(lock: string): boolean {
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    try {
      if (Date.now() - fs.statSync(lock).mtimeMs < LOCK_MS) return false;
      fs.rmSync(lock, { force: true });
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return true;
    } catch {
      return false;
    }
  }
}

/** Whether a process started from the blob at `file` loads and names the plan's TypeScript. */
export function answersHello(file: string, plan: SnapshotPlan): boolean {
  const run = spawnSync(process.execPath, ['--snapshot-blob', file, os.tmpdir()], { env: { ...process.env, FLAGDEBT_GATE_SNAPSHOT_PING: '1' }, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const hello = (JSON.parse(run.stdout.split('\n')[0]!) as { hello?: { typescript?: string } }).hello;
    return run.status === 0 && hello?.typescript === plan.typescript;
  } catch {
    return false;
  }
}

/** Blobs kept in one cache folder, one per project (about 40 MB each): the least recently built go first. */
const MAX_BLOBS = 4;

/**
 * Blobs of the same project and TypeScript but another fingerprint, temporary files of builds
 * long gone, and the oldest blobs of other projects beyond MAX_BLOBS.
 */
function dropOthers(plan: SnapshotPlan): void {
  const dir = path.dirname(plan.blob);
  const others: { file: string; built: number }[] = [];
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (!name.startsWith('gate-snapshot-') || file === plan.blob) continue;
    try {
      const { mtimeMs } = fs.statSync(file);
      if (!name.endsWith('.blob')) {
        if (Date.now() - mtimeMs > LOCK_MS) fs.rmSync(file, { force: true });
      } else if (name.startsWith(plan.prefix)) fs.rmSync(file, { force: true });
      else others.push({ file, built: mtimeMs });
    } catch {
      // gone already
    }
  }
  for (const { file } of others.sort((a, b) => b.built - a.built).slice(MAX_BLOBS - 1)) fs.rmSync(file, { force: true });
}
