import type { FlagType, IsoDate } from '@flagdebt/core';

/** `flagdebt history --format json`, version 1 (ARCHITECTURE.md). */
export interface HistoryResult {
  version: 1;
  /** Oldest first. */
  points: HistoryPoint[];
  /** How many commits were sampled: every one is either a point or skipped. */
  sampled?: number;
  /** Sampled commits that have no point because their config or registry could not be loaded. */
  skipped?: SkippedCommit[];
}

export interface SkippedCommit {
  commit: string;
  /** Committer date, as in a point. */
  date: string;
  /** The code of the problem, e.g. `registry/not-found`, `registry/invalid-type`. */
  reason: string;
  /** What is wrong, with the file and line. */
  message: string;
  /** How to fix it. */
  fix?: string;
}

export interface HistoryPoint {
  /** Full commit hash. */
  commit: string;
  /** Committer date, ISO 8601 in UTC: `2026-09-01T10:00:00Z`. */
  date: string;
  /** Registered, non-archived flags. */
  flags: number;
  references: number;
  stale: number;
  unregistered: number;
  /** Registered, non-archived flags by type. */
  byType: Record<FlagType, number>;
  /** Stale flags by owner (owners with none are left out); adds up to `stale`. */
  staleByOwner?: Record<string, number>;
  /** Registered, non-archived keys that were not at the previous point (absent on the first point). */
  added?: string[];
  /** Keys of the previous point that are no longer registered or are archived now (absent on the first point). */
  removed?: string[];
  /**
   * Where the config came from: the commit's own file, the working tree's (the commit has none:
   * it predates it), or the defaults (no config anywhere).
   */
  configSource?: 'commit' | 'worktree' | 'default';
  /** Where the registry came from: the commit's own, or the working tree's. */
  registrySource?: 'commit' | 'worktree';
}

export interface HistoryOptions {
  /** A directory inside a git work tree; the scan runs on this sub-folder of every commit. */
  dir: string;
  /**
   * An explicit config file (like `scan --config`), absolute or relative to the current directory.
   * Inside the repository, each commit's own version of it is used. Default: found by walking up
   * from `dir` in each commit's tree.
   */
  config?: string;
  /** Only commits on or after this date. */
  since?: IsoDate;
  /** Sample every Nth first-parent commit (HEAD always included). Default: the last commit of each ISO week. */
  every?: number;
  /**
   * "Today": commits dated after it are left out, so a report is reproducible while the branch
   * moves on. Staleness at each point is always judged on that commit's own date.
   */
  now?: IsoDate;
  /**
   * Scan a commit that only edits ordinary source files as a subset (the changed files and the
   * files whose reads resolved through them) on top of the previous point, reusing the parses
   * and resolved imports that did not change. Default true; false scans every commit in full,
   * from scratch (nothing kept from one commit to the next).
   */
  incremental?: boolean;
  /** Called for each sampled commit that has no point, as it is skipped. */
  onSkip?(skipped: SkippedCommit): void;
  /**
   * Called after each sampled commit is scanned; `mode` says whether it was scanned in full or as
   * a subset, and for a full scan `why` says what ruled out a subset (`first`, `steering`, ...).
   * For a subset, `subset` names the files whose records were replaced and counts the files the
   * subset scans listed and how many scans it took.
   */
  onProgress?(done: number, total: number, commit: string, mode: 'full' | 'subset' | 'skipped', why?: string, subset?: SubsetDetail): void;
}

/** What a subset point re-scanned (repository-relative paths). */
export interface SubsetDetail {
  rescanned: string[];
  listed: number;
  rounds: number;
}
