/**
 * Findings are what a scan asks someone to act on: a stale flag, and each read of an
 * unregistered key, a dynamic key or an archived flag. Ignore comments, a baseline and PR mode
 * (`--changed-since`) narrow a result down to some of them; the summary is recounted so that the
 * budget judges what is left.
 */
import type { FindingKind, FlagReport, ReferenceRecord, ScanResult, SuppressedRecord } from '../types.js';

const SOURCE_FILE = /\.[cm]?[jt]sx?$/;

/** A finding, before anything takes it out of the counts (the record without `by`/`reason`). */
export type Finding = Omit<SuppressedRecord, 'by' | 'reason'>;

/** Every finding of `result`, stale flags first, then reads in the result's order. */
export function findingsOf(result: ScanResult): Finding[] {
  const out: Finding[] = result.flags.filter((f) => f.stale && !isSuppressedStale(result, f.key)).map((f) => ({ kind: 'stale', flag: f.key }));
  const archived = archivedKeys(result);
  for (const u of result.unregistered) out.push({ kind: 'unregistered', flag: u.flag, file: u.file, line: u.line, column: u.column });
  for (const r of result.references) {
    if (r.kind === 'dynamic') out.push({ kind: 'dynamic', flag: null, file: r.file, line: r.line, column: r.column, via: r.via });
    else if (r.flag !== null && archived.has(r.flag)) out.push({ kind: 'archived', flag: r.flag, file: r.file, line: r.line, column: r.column });
  }
  return out;
}

export function isSuppressedStale(result: ScanResult, key: string): boolean {
  return result.suppressed?.some((s) => s.kind === 'stale' && s.flag === key) === true;
}

function archivedKeys(result: ScanResult): Set<string> {
  return new Set(result.flags.filter((f) => f.state === 'archived').map((f) => f.key));
}

export type Verdict = Pick<SuppressedRecord, 'by' | 'reason'> | null;

/**
 * `result` without the findings `decide` suppresses: their reads leave `unregistered` and
 * `references` (an archived flag's counts follow), a suppressed stale flag stays in `flags` but
 * leaves the count; each is listed in `suppressed`.
 */
export function suppressFindings(result: ScanResult, decide: (finding: Finding) => Verdict): ScanResult {
  const suppressed: SuppressedRecord[] = [...(result.suppressed ?? [])];
  const dropped = new Set<string>();
  for (const finding of findingsOf(result)) {
    const verdict = decide(finding);
    if (verdict === null) continue;
    suppressed.push(dropUndefined({ ...finding, ...verdict }));
    if (finding.file !== undefined) dropped.add(readId(finding.kind, finding.flag, finding.file, finding.line, finding.column));
  }
  if (suppressed.length === (result.suppressed?.length ?? 0)) return result;

  const archived = archivedKeys(result);
  const references = result.references.filter((r) => {
    const kind: FindingKind | null = r.kind === 'dynamic' ? 'dynamic' : r.flag !== null && archived.has(r.flag) ? 'archived' : null;
    return kind === null || !dropped.has(readId(kind, r.flag, r.file, r.line, r.column));
  });
  const unregistered = result.unregistered.filter((u) => !dropped.has(readId('unregistered', u.flag, u.file, u.line, u.column)));
  return recount({ ...result, references, unregistered, flags: recountArchived(result.flags, references), suppressed });
}

/**
 * PR mode: only what the given files (relative paths) hold. Flags are kept when one of those
 * files reads or declares them; unused flags are no one file's doing and are left out.
 */
export function narrowToFiles(result: ScanResult, files: ReadonlySet<string>): ScanResult {
  const references = result.references.filter((r) => files.has(r.file));
  const touched = new Set(references.map((r) => r.flag));
  const flags = result.flags.filter((f) => touched.has(f.key)).map((f) => withReferences(f, references));
  const narrowed = recount({
    ...result,
    flags,
    references,
    unused: [],
    unregistered: result.unregistered.filter((u) => files.has(u.file)),
    // Config and registry warnings (not about a source file) concern every change.
    problems: result.problems.filter((p) => files.has(p.file) || (p.severity === 'warning' && !SOURCE_FILE.test(p.file))),
  });
  const suppressed = result.suppressed?.filter((s) => (s.file === undefined ? touched.has(s.flag) : files.has(s.file))) ?? [];
  if (suppressed.length > 0) narrowed.suppressed = suppressed;
  else delete narrowed.suppressed;
  return narrowed;
}

function recountArchived(flags: FlagReport[], references: ReferenceRecord[]): FlagReport[] {
  return flags.map((f) => (f.state === 'archived' ? withReferences(f, references) : f));
}

function withReferences(flag: FlagReport, references: ReferenceRecord[]): FlagReport {
  const own = references.filter((r) => r.flag === flag.key);
  if (own.length === flag.references) return flag;
  const reasons = own.length === 0 && flag.state === 'archived' ? flag.reasons.filter((r) => !r.startsWith('archived')) : flag.reasons;
  return { ...flag, references: own.length, files: new Set(own.map((r) => r.file)).size, reasons };
}

/** The summary's counts from the result's lists (files and flags are the scan's own). */
function recount(result: ScanResult): ScanResult {
  return {
    ...result,
    summary: {
      ...result.summary,
      references: result.references.length,
      stale: result.flags.filter((f) => f.stale && !isSuppressedStale(result, f.key)).length,
      unused: result.unused.length,
      unregistered: result.unregistered.length,
      dynamic: result.references.filter((r) => r.kind === 'dynamic').length,
      archivedReferenced: result.flags.filter((f) => f.state === 'archived' && f.references > 0).length,
    },
  };
}

function readId(kind: FindingKind, flag: string | null, file: string, line = 0, column = 0): string {
  return `${kind}\0${flag ?? ''}\0${file}\0${line}\0${column}`;
}

function dropUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
