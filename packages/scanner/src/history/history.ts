/**
 * `flagdebt history`: the scan at sampled commits of the first-parent history, read straight from
 * git objects. The working tree, the index and HEAD are never touched, so it runs on a dirty
 * checkout and in CI alike.
 */
import { realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FLAG_TYPES, FlagdebtError, TreeCache, isFlagdebtError, type Diagnostic } from '@flagdebt/core';
import { scan, type IndexedProject } from '../scan.js';
import type { ScanResult } from '../types.js';
import { BlobStore } from './blob-store.js';
import { WorkTreeBlobs } from './work-tree-blobs.js';
import { CommitSnapshot, ScratchDir, isSteeringFile } from './commit-snapshot.js';
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
import { isSourcePath } from './import-graph.js';
import { IncrementalState } from './incremental.js';
import { ResolutionMemo } from './resolution-memo.js';
import { fileRegistrySource, projectAtCommit, type ModelCache, type ModelSource } from './model-source.js';
import { isoDateTime, sampleCommits } from './sampling.js';
import type { HistoryOptions, HistoryPoint, HistoryResult, SkippedCommit, SubsetDetail } from './types.js';

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
  const stepsTo = (from: string, to: string) => chain.slice(position.get(from)! + 1, position.get(to)! + 1).map((c) => changes.get(c.commit) ?? []);
  const lastChange = new Map<string, string | undefined>();
  if (commits.length > 1) for (const step of stepsTo(commits[0].commit, commits.at(-1)!.commit)) for (const change of step) lastChange.set(change.path, change.after?.blob);
  const blobs = new BlobStore(reader, new WorkTreeBlobs(repoRoot, lastChange));
  const scratch = new ScratchDir(os.tmpdir());
  // Not incremental: every commit is scanned from scratch (the reference the incremental path is tested against).
  const reuse = options.incremental !== false;
  const resolutions = reuse ? new ResolutionMemo(repoRoot) : undefined;
  const incremental = reuse ? new IncrementalState(repoRoot, dir, blobs, resolutions) : undefined;
  const run: HistoryRun = {
    repoRoot,
    dir,
    config: options.config === undefined ? undefined : realFile(options.config),
    blobs,
    scratch,
    incremental,
    trees: reuse ? new TreeCache() : undefined,
    resolutions,
    models: { configs: new Map(), registries: new Map() },
    stepsTo,
  };
  const points: HistoryPoint[] = [];
  const skipped: SkippedCommit[] = [];
  try {
    for (const [i, commit] of commits.entries()) {
      const outcome = await scanCommit(run, commit);
      if ('point' in outcome) {
        const previous = points.at(-1);
        points.push(previous ? withChanges(outcome.point, outcome.live, run.live!) : outcome.point);
        run.live = outcome.live;
      } else {
        const entry: SkippedCommit = { commit: commit.commit, date: isoDateTime(commit.timestamp), reason: outcome.reason, message: outcome.problem };
        if (outcome.fix) entry.fix = outcome.fix;
        skipped.push(entry);
        options.onSkip?.(entry);
      }
      options.onProgress?.(
        i + 1,
        commits.length,
        commit.commit,
        'point' in outcome ? outcome.mode : 'skipped',
        'why' in outcome ? outcome.why : undefined,
        'subset' in outcome ? outcome.subset : undefined,
      );
    }
  } finally {
    await reader.close();
    if (scratch.path) rmSync(scratch.path, { recursive: true, force: true });
  }
  return { version: 1, points, sampled: commits.length, skipped };
}

/** What stays alive from one sampled commit to the next. */
interface HistoryRun {
  repoRoot: string;
  dir: string;
  config: string | undefined;
  blobs: BlobStore;
  scratch: ScratchDir;
  incremental: IncrementalState | undefined;
  /** Parses of the files whose text has not changed since the point that parsed them. */
  trees: TreeCache | undefined;
  /** Resolved imports still valid for the current commit's tree. */
  resolutions: ResolutionMemo | undefined;
  models: ModelCache;
  /** Registered, non-archived keys of the last point. */
  live?: ReadonlySet<string>;
  /** The changes of each first-parent commit after `from` up to `to`, oldest first. */
  stepsTo(from: string, to: string): TreeChange[][];
  previous?: { commit: string; tree: ReadonlyMap<string, TreeEntry>; snapshot: CommitSnapshot };
}

type Outcome = { point: HistoryPoint; live: Set<string>; mode: 'full' | 'subset'; why?: string; subset?: SubsetDetail } | { problem: string; reason: string; fix?: string };

async function scanCommit(run: HistoryRun, commit: CommitInfo): Promise<Outcome> {
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
  const snapshot = new CommitSnapshot(repoRoot, tree, blobs, run.previous && changes ? { snapshot: run.previous.snapshot, changes } : undefined);
  run.previous = { commit: commit.commit, tree, snapshot };
  await blobs.prefetch(snapshot.modelBlobs(dir));
  if (changes) {
    // Only what planning and a subset scan read: source and steering files (a full scan fetches
    // what it scans). Lock files, docs and images are most of a busy week's changed bytes; a blob
    // asked for all the same is read on demand.
    await blobs.prefetch(changes.flatMap((change) => (change.after && readable(change.path) ? [[change.after.blob, change.path] as const] : [])));
    // Memory follows the current tree; the replaced versions are still read while this commit is
    // planned (a steering file's before and after, the commit before's resolution).
    const kept = snapshot.allBlobs();
    for (const change of changes) if (change.before) kept.add(change.before.blob);
    blobs.retainOnly(kept);
  }
  // After the changed files' texts are in: an edited file's last parse is kept as the base of its next.
  run.trees?.retain((file) => {
    const blob = snapshot.blobOf(file);
    return blob === undefined ? undefined : blobs.heldText(blob);
  });
  // Every commit's changes, a skipped commit's too: the tree moved on.
  run.resolutions?.advance(tree, changes, (blob) => blobs.text(blob));
  // Staleness as it was judged on the day of the commit.
  const now = isoDateTime(commit.timestamp).slice(0, 10);
  try {
    const { config, registry, configSource, registrySource } = projectAtCommit(snapshot, dir, run.scratch, run.models, run.config, fileRegistrySource);
    const sources = { configSource, registrySource };
    const resolutions = run.resolutions?.for(config);
    // What every scan of this commit shares, subset or full.
    // No "did you mean" keys: a point holds counts only.
    const common = { dir, now, config, registry, trees: run.trees, resolutions, context: 'folder' as const, suggestions: false };
    let plan = changes && incremental?.plan(snapshot, tree, changes, config, registry);
    while (incremental && plan) {
      // Flags, staleness and types come from the registry; only the counts of references are merged.
      let project: IndexedProject | undefined;
      let files: readonly string[] = [];
      const subset = await scan({
        ...common,
        host: snapshot.subsetHost(plan.listed),
        keySources: incremental.keySources(plan),
        readsOf: incremental.readsOf(plan),
        wrappers: incremental.wrappersFor(plan),
        onIndexed: (p, listed) => {
          project = p;
          files = listed;
        },
      });
      const wider = incremental.refine(plan, subset, project!);
      if (wider === 'full') break;
      if (wider) {
        plan = wider;
        continue;
      }
      const counts = incremental.apply(plan, config, registry, subset, project!, files);
      if (counts) {
        const detail = { rescanned: [...plan.recompute].sort(), listed: plan.listed.size, rounds: plan.round };
        return { point: { ...toPoint(commit, subset, sources), ...counts }, live: liveKeys(subset), mode: 'subset', subset: detail };
      }
      break;
    }
    // Memory follows the current tree, not the whole history.
    blobs.retainOnly(snapshot.allBlobs());
    await blobs.prefetch(snapshot.sourceBlobs(dir, config));
    let project: IndexedProject | undefined;
    let files: readonly string[] = [];
    const result = await scan({
      ...common,
      host: snapshot.host,
      onIndexed: (p, listed) => {
        project = p;
        files = listed;
      },
    });
    if (incremental) {
      await blobs.prefetch(incremental.graphBlobs(tree));
      incremental.rebaseline(snapshot, tree, config, registry, result, project!, files);
    }
    const why = !changes ? 'first' : incremental ? incremental.lastFullReason : 'not incremental';
    return { point: toPoint(commit, result, sources), live: liveKeys(result), mode: 'full', why };
  } catch (error) {
    // A commit with a broken config or registry has no point; the others still count.
    incremental?.forget();
    if (isFlagdebtError(error)) {
      const [first] = error.diagnostics;
      const outcome: Outcome = { problem: error.diagnostics.map((d) => describe(d)).join('; '), reason: first?.code ?? 'error' };
      if (first?.fix) outcome.fix = first.fix;
      return outcome;
    }
    throw error;
  }
}

function readable(rel: string): boolean {
  return isSourcePath(rel) || isSteeringFile(rel);
}

/** `file:line: message` for a diagnostic about a file, the message alone otherwise. */
function describe(d: Diagnostic): string {
  if (!d.file || d.file.startsWith('-') || d.message.includes(d.file)) return d.message;
  return `${d.file}${d.line > 0 ? `:${d.line}` : ''}: ${d.message}`;
}

function liveKeys(result: ScanResult): Set<string> {
  return new Set(result.flags.filter((flag) => flag.state !== 'archived').map((flag) => flag.key));
}

/** The point with the keys that became live and stopped being live since the previous point. */
function withChanges(point: HistoryPoint, live: ReadonlySet<string>, before: ReadonlySet<string>): HistoryPoint {
  return { ...point, added: [...live].filter((key) => !before.has(key)), removed: [...before].filter((key) => !live.has(key)) };
}

/** A point is the scan's own summary, so `history` and `scan` never disagree. */
export function toPoint(commit: CommitInfo, result: ScanResult, sources?: { configSource: ModelSource; registrySource: 'commit' | 'worktree' }): HistoryPoint {
  const live = result.flags.filter((flag) => flag.state !== 'archived');
  const byType = Object.fromEntries(FLAG_TYPES.map((type) => [type, live.filter((flag) => flag.type === type).length]));
  const staleByOwner: Record<string, number> = {};
  for (const flag of result.flags) if (flag.stale) staleByOwner[flag.owner] = (staleByOwner[flag.owner] ?? 0) + 1;
  const point: HistoryPoint = {
    commit: commit.commit,
    date: isoDateTime(commit.timestamp),
    flags: result.summary.flags,
    references: result.summary.references,
    stale: result.summary.stale,
    unregistered: result.summary.unregistered,
    byType: byType as HistoryPoint['byType'],
    staleByOwner,
  };
  if (sources) Object.assign(point, sources);
  return point;
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
