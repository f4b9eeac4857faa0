import type { FlagState, FlagType, FlagValue, IsoDate } from '@flagdebt/core';

/** `flagdebt scan --format json`, version 1 (ARCHITECTURE.md). Field order matters for stable output. */
export interface ScanResult {
  version: 1;
  /** Absolute path of the scanned directory. */
  root: string;
  now: IsoDate;
  summary: ScanSummary;
  flags: FlagReport[];
  references: ReferenceRecord[];
  unused: { flag: string }[];
  /** Reads of unregistered keys outside test files: findings, counted against the budget. */
  unregistered: UnregisteredRecord[];
  /** Reads of unregistered keys in test files (fixtures, fakes): listed apart, never a finding. */
  unregisteredInTests: UnregisteredRecord[];
  problems: ProblemRecord[];
  /**
   * Findings left out of the counts above: by a `// flagdebt-ignore-next-line reason` comment or
   * a baseline (`scan --baseline`). Present only when there are some.
   */
  suppressed?: SuppressedRecord[];
}

export interface ScanSummary {
  files: number;
  flags: number;
  references: number;
  stale: number;
  unused: number;
  unregistered: number;
  /** Reads of unregistered keys in test files (not counted in `unregistered`). */
  unregisteredInTests: number;
  dynamic: number;
  /** Archived flags that code still reads (re-use of a retired key). */
  archivedReferenced: number;
}

export interface FlagReport {
  key: string;
  type: FlagType;
  owner: string;
  state: FlagState;
  /** Evaluations + declarations of this key. */
  references: number;
  /** Distinct files with a reference. */
  files: number;
  ageDays: number;
  stale: boolean;
  reasons: string[];
  created: IsoDate;
  expires?: IsoDate;
  since?: IsoDate;
  value?: FlagValue;
  description?: string;
  /** A registry in code: where the key is declared (relative to root, forward slashes). */
  declared?: { file: string; line: number };
}

export interface ReferenceRecord {
  /** null for `dynamic`. */
  flag: string | null;
  /** Relative to root, forward slashes. */
  file: string;
  line: number;
  column: number;
  kind: 'evaluation' | 'declaration' | 'dynamic';
  test: boolean;
  via: string;
}

export interface UnregisteredRecord {
  flag: string;
  file: string;
  line: number;
  column: number;
  suggestion?: string;
  /** Set (true) on the entries of `unregisteredInTests`. */
  test?: true;
}

export interface ProblemRecord {
  file: string;
  message: string;
  line?: number;
  /** `error` (could not read/parse), `skipped` (binary, minified, huge) or `warning` (registry/config). */
  severity?: 'error' | 'skipped' | 'warning';
}

export type FindingKind = 'stale' | 'unregistered' | 'dynamic' | 'archived';

/** A finding taken out of the counts, and what took it out. */
export interface SuppressedRecord {
  kind: FindingKind;
  /** null for a dynamic key. */
  flag: string | null;
  /** Absent for a stale flag (a finding about the flag, not a read). */
  file?: string;
  line?: number;
  column?: number;
  /** For a dynamic key, the accessor that read it. */
  via?: string;
  by: 'comment' | 'baseline';
  /** The comment's reason. */
  reason?: string;
}
