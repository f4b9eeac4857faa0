import type { Diagnostic, FlagValue, IsoDate } from '@flagdebt/core';

export interface FlagToRemove {
  key: string;
  /** The value to keep; default: the registry's `value` of a `state: complete` flag. */
  value?: FlagValue;
}

export interface RemoveOptions {
  /** Project directory (the config is found by walking up from here). */
  dir: string;
  flags: FlagToRemove[];
  /** Compute everything, write nothing. */
  dryRun?: boolean;
  /** Like dryRun; the caller exits 1 when `wouldChange`. */
  check?: boolean;
  /** Edit files that have uncommitted changes. */
  allowDirty?: boolean;
  /** "Today" for the registry's `since`. */
  now?: IsoDate;
  /**
   * The type-check gate (default on): the rewritten files and their importers are type-checked
   * before and after, and a removal that adds a diagnostic is refused (nothing written). False skips it.
   */
  verify?: boolean;
  /**
   * Run the project's own Prettier or Biome (when configured and installed) on the rewritten
   * files before the gate and the diff (default on). False leaves the codemod's text as it is.
   */
  format?: boolean;
  /** Explicit config file (relative to the current directory). */
  config?: string;
}

export interface ChangedFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the project directory, forward slashes. */
  relative: string;
  before: string;
  after: string;
}

export interface DeletedFile {
  path: string;
  relative: string;
  before: string;
}

/** A place a human should look at: the key survives in a string, a comment or a non-code file. */
export interface RemainingMention {
  key: string;
  file: string;
  line: number;
  column: number;
  kind: 'string' | 'comment' | 'code' | 'non-ts';
  text: string;
}

export interface RemovalStats {
  filesChanged: number;
  linesRemoved: number;
  declarationsDeleted: number;
  filesDeleted: number;
}

export interface VerifyReport {
  /** The tsconfig files used (comma-separated, relative to the project). */
  tsconfig: string;
  /** Errors after the removal that were not there before (`file:line: TSxxxx: message`). */
  newErrors: string[];
  /**
   * Errors in the checked files after the removal, and before it in those of them that have
   * errors after (a file clean after the removal needs no "before" check). Not the whole project's.
   */
  errorsBefore: number;
  errorsAfter: number;
  /** Files type-checked: the rewritten files and their importers. */
  filesChecked: number;
}

export interface RemovalResult {
  root: string;
  flags: Array<{ key: string; value: FlagValue; evaluations: number }>;
  changed: ChangedFile[];
  deleted: DeletedFile[];
  /** Unified diff of every change, registry included. */
  diff: string;
  stats: RemovalStats;
  remaining: RemainingMention[];
  registry: ChangedFile | null;
  /** True when the project is not yet free of these flags (for `--check`). */
  wouldChange: boolean;
  /** True when files were written. */
  written: boolean;
  verify?: VerifyReport;
  warnings: Diagnostic[];
}
