/**
 * `flagdebt history`: the scan at sampled commits of the first-parent history, read straight from
 * git objects. The working tree, the index and HEAD are never touched, so it runs on a dirty
 * checkout and in CI alike.
 */
import { realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FLAG_TYPES, FlagdebtError, isFlagdebtError, type Diagnostic } from '@flagdebt/core';
import { scan } from '../scan.js';
import type { ScanResult } from '../types.js';
import { BlobStore } from './blob-store.js';
import { CommitSnapshot, ScratchDir, type ModelCache } from './commit-snapshot.js';
import {
  BlobReader,
  GitError,
  applyChanges,
  composeChanges,
  firstParentChanges,
  firstParentCommits,
  listTree,
  workTreeRoot,
  type CommitInfo,
  type TreeChange,
  type TreeEntry,
} from './git.js';
import { IncrementalState } from './incremental.js';
import { isoDateTime, sampleCommits } from './sampling.js';
import type { HistoryOptions, HistoryPoint, HistoryResult } from './types.js';

export async function history(options: HistoryOptions): Promise<HistoryResult> {
  const dir = realDir(options.dir);
  const repoRoot = await workTreeRoot(dir);
  if (repoRoot === null) {
    throw new FlagdebtError(usageError('history/not-a-repository', dir, `${dir} is not inside a git work tree`, 'run `flagdebt history` in a git checkout'));
  }
  const chain = await gitStep(() => firstParentCommits(repoRoot));
  const commits = sampleCommits(chain, options);
  // Every commit's own changes, from one `git log`: consecutive points compose them.
  const changes = commits.length > 1 ? await gitStep(() => firstParentChanges(repoRoot, commits[0].commit, commits.at(-1)!.commit)) : new Map<string, TreeChange[]>();
  const position = new Map(chain.map((c, i) => [c.commit, i]));
  const reader = new BlobReader(repoRoot);
  const blobs = new BlobStore(reader);
  const scratch = new ScratchDir(os.tmpdir());
  const incremental = options.incremental === false ? undefined : new IncrementalState(repoRoot, dir, blobs);
  const run: HistoryRun = {
    repoRoot,
    dir,
    config: options.config === undefined ? undefined : realFile(options.config),
    blobs,
    scratch,
    incremental,
    models: { configs: new Map(), registries: new Map() },
    stepsTo: (from, to) => chain.slice(position.get(from)! + 1, position.get(to)! + 1).map((c) => changes.get(c.commit) ?? []),
  };
  const points: HistoryPoint[] = [];
  const skipped: NonNullable<HistoryResult['skipped']> = [];
  try {
    for (const [i, commit] of commits.entries()) {
      const outcome = await scanCommit(run, commit);
      if ('point' in outcome) points.push(outcome.point);
      else skipped.push({ commit: commit.commit, date: isoDateTime(commit.timestamp), message: outcome.problem });
      options.onProgress?.(i + 1, commits.length, commit.commit, 'point' in outcome ? outcome.mode : 'skipped');
    }
  } finally {
    await reader.close();
    if (scratch.path) rmSync(scratch.path, { recursive: true, force: true });
  }
  return skipped.length > 0 ? { version: 1, points, skipped } : { version: 1, points };
}

/** What stays alive from one sampled commit to the next. */
interface HistoryRun {
  repoRoot: string;
  dir: string;
  config: string | undefined;
  blobs: BlobStore;
  scratch: ScratchDir;
  incremental: IncrementalState | undefined;
  models: ModelCache;
  /** The changes of each first-parent commit after `from` up to `to`, oldest first. */
  stepsTo(from: string, to: string): TreeChange[][];
  previous?: { commit: string; tree: ReadonlyMap<string, TreeEntry> };
}

async function scanCommit(run: HistoryRun, commit: CommitInfo): Promise<{ point: HistoryPoint; mode: 'full' | 'subset' } | { problem: string }> {
  const { repoRoot, dir, blobs, incremental } = run;
  // Consecutive points differ in a few files: apply the changes instead of listing each tree.
  let changes: TreeChange[] | null = null;
  let tree: ReadonlyMap<string, TreeEntry>;
  if (run.previous) {
    changes = composeChanges(run.previous.tree, run.stepsTo(run.previous.commit, commit.commit));
    tree = applyChanges(run.previous.tree, changes);
  } else {
    tree = await gitStep(() => listTree(repoRoot, commit.commit));
  }
  run.previous = { commit: commit.commit, tree };
  const snapshot = new CommitSnapshot(repoRoot, tree, blobs);
  await blobs.prefetch(snapshot.modelBlobs(dir));
  if (changes) await blobs.prefetch(changes.flatMap((change) => (change.after ? [change.after.blob] : [])));
  // Staleness as it was judged on the day of the commit.
  const now = isoDateTime(commit.timestamp).slice(0, 10);
  try {
    const { config, registry } = snapshot.projectModel(dir, run.scratch, run.models, run.config);
    const plan = changes && incremental?.plan(snapshot, tree, changes, config, registry);
    if (incremental && plan) {
      // Flags, staleness and types come from the registry; only the counts of references are merged.
      const subset = await scan({ dir, now, config, registry, host: snapshot.subsetHost(plan.listed) });
      const counts = incremental.apply(plan, registry, subset);
      return { point: { ...toPoint(commit, subset), ...counts }, mode: 'subset' };
    }
    // Memory follows the current tree, not the whole history.
    blobs.retainOnly(snapshot.allBlobs());
    await blobs.prefetch(snapshot.sourceBlobs(dir, config));
    const result = await scan({ dir, now, config, registry, host: snapshot.host });
    if (incremental) {
      await blobs.prefetch(incremental.graphBlobs(tree));
      incremental.rebaseline(snapshot, tree, config, registry, result);
    }
    return { point: toPoint(commit, result), mode: 'full' };
  } catch (error) {
    // A commit with a broken config or registry has no point; the others still count.
    incremental?.forget();
    if (isFlagdebtError(error)) return { problem: error.diagnostics.map((d) => d.message).join('; ') };
    throw error;
  }
}

/** A point is the scan's own summary, so `history` and `scan` never disagree. */
export function toPoint(commit: CommitInfo, result: ScanResult): HistoryPoint {
  const live = result.flags.filter((flag) => flag.state !== 'archived');
  const byType = Object.fromEntries(FLAG_TYPES.map((type) => [type, live.filter((flag) => flag.type === type).length]));
  return {
    commit: commit.commit,
    date: isoDateTime(commit.timestamp),
    flags: result.summary.flags,
    references: result.summary.references,
    stale: result.summary.stale,
    unregistered: result.summary.unregistered,
    byType: byType as HistoryPoint['byType'],
  };
}

function realFile(file: string): string {
  try {
    return realpathSync(path.resolve(file));
  } catch {
    return path.resolve(file);
  }
}

function realDir(dir: string): string {
  // git reports the top level with symlinks resolved; the scanned folder must agree with it.
  try {
    return realpathSync(path.resolve(dir));
  } catch {
    throw new FlagdebtError(usageError('history/no-such-directory', dir, `no such directory: ${dir}`, 'pass a folder inside a git checkout'));
  }
}

async function gitStep<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof GitError) throw new FlagdebtError(usageError('history/git-failed', '.', error.message, 'check that git is installed and the repository is readable'));
    throw error;
  }
}

function usageError(code: string, file: string, message: string, fix: string): Diagnostic {
  return { severity: 'error', code, file, line: 0, column: 0, message, fix };
}
