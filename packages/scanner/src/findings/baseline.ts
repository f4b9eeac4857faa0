/**
 * A baseline: the findings a project had when it adopted flagdebt, written once
 * (`scan --write-baseline FILE`) and committed. `scan --baseline FILE` then counts only findings
 * that are not in it, so the budget can be strict for new debt on a large codebase from day one.
 *
 * Reads are matched by kind, flag and file with a count, not by line: editing a file moves its
 * lines, and should not turn old findings into new ones. A file with more such reads than the
 * baseline recorded has new ones (the last ones in the file are reported).
 */
import { FlagdebtError } from '@flagdebt/core';
import type { FindingKind, ScanResult } from '../types.js';
import { findingsOf, type Finding, type Verdict } from './findings.js';

export interface BaselineEntry {
  kind: FindingKind;
  flag: string | null;
  /** Absent for a stale flag. */
  file?: string;
  /** How many such reads the file had. */
  count?: number;
}

export interface Baseline {
  version: 1;
  /** The scan's "today" when it was written. */
  created: string;
  findings: BaselineEntry[];
}

const KINDS: readonly FindingKind[] = ['stale', 'unregistered', 'dynamic', 'archived'];

/** The baseline of `result`'s findings, in a stable order (so it diffs well when rewritten). */
export function createBaseline(result: ScanResult): Baseline {
  const counts = new Map<string, BaselineEntry>();
  for (const finding of findingsOf(result)) {
    const id = entryId(finding);
    const entry = counts.get(id);
    if (entry) entry.count = (entry.count ?? 1) + 1;
    else counts.set(id, finding.file === undefined ? { kind: finding.kind, flag: finding.flag } : { kind: finding.kind, flag: finding.flag, file: finding.file, count: 1 });
  }
  const findings = [...counts.values()].sort((a, b) => (entryId(a) < entryId(b) ? -1 : entryId(a) > entryId(b) ? 1 : 0));
  return { version: 1, created: result.now, findings };
}

export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Reads a baseline file's text; a file that is not one is a user error naming the problem. */
export function parseBaseline(text: string, file: string): Baseline {
  const fail = (message: string): never => {
    throw new FlagdebtError({
      severity: 'error',
      code: 'scan/bad-baseline',
      file,
      line: 0,
      column: 0,
      message,
      fix: 'write it again with `flagdebt scan --write-baseline <file>`',
    });
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`the baseline is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof data !== 'object' || data === null || (data as { version?: unknown }).version !== 1 || !Array.isArray((data as Baseline).findings)) {
    return fail('not a flagdebt baseline (expected {"version": 1, "findings": [...]})');
  }
  (data as Baseline).findings.forEach((entry, i) => {
    const ok =
      typeof entry === 'object' &&
      entry !== null &&
      KINDS.includes(entry.kind) &&
      (entry.flag === null || typeof entry.flag === 'string') &&
      (entry.file === undefined || typeof entry.file === 'string') &&
      (entry.count === undefined || (Number.isInteger(entry.count) && entry.count > 0));
    if (!ok) fail(`findings[${i}] is not a baseline entry (kind, flag, and for a read file and count)`);
  });
  return data as Baseline;
}

/** Suppresses what the baseline holds, each read entry up to its count. */
export function baselineFilter(baseline: Baseline): (finding: Finding) => Verdict {
  const left = new Map<string, number>();
  for (const entry of baseline.findings) left.set(entryId(entry), (left.get(entryId(entry)) ?? 0) + (entry.file === undefined ? Infinity : (entry.count ?? 1)));
  return (finding) => {
    const id = entryId(finding);
    const n = left.get(id) ?? 0;
    if (n <= 0) return null;
    left.set(id, n - 1);
    return { by: 'baseline' };
  };
}

function entryId(entry: { kind: FindingKind; flag: string | null; file?: string }): string {
  return `${entry.file ?? ''}\0${entry.kind}\0${entry.flag ?? ''}`;
}
