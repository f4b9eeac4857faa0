/**
 * Reconciliation: the reference index against the registry. Produces the version-1 scan result
 * with a deterministic order (flags in registry order, references by file, line, column).
 */
import { evaluateStaleness, keySuggester } from '@flagdebt/core';
import type { FlagDefinition, FlagRead, IsoDate, KeyDeclaration, Registry, StalenessConfig } from '@flagdebt/core';
import { compareStrings, relativePath } from '@flagdebt/core/files';
import type { ReferenceIndex } from '../index/reference-index.js';
import type { FlagReport, ProblemRecord, ReferenceRecord, ScanResult, UnregisteredRecord } from '../types.js';

export interface ReconcileInput {
  root: string;
  now: IsoDate;
  registry: Registry;
  staleness: StalenessConfig;
  index: ReferenceIndex;
  isTest(absFile: string): boolean;
  /** Files the report covers (a sub-folder scan indexes the whole project); default all. */
  inScope?(absFile: string): boolean;
  /** Files considered by the scan (after include, exclude and ignore rules). */
  files: number;
  /** Paths already relative to root. */
  problems: ProblemRecord[];
  /** Whether unregistered reads get a "did you mean" key (default true; `history` reports counts only). */
  suggest?: boolean;
}

/**
 * Suggestions by registry: a key's suggestion depends only on the registry's live keys, and
 * `history` reconciles every point against the same registry (the same unregistered keys are
 * read at every point, and the edit distances were a few percent of its run).
 */
const suggestionsByRegistry = new WeakMap<Registry, Map<string, string | undefined>>();

export function reconcile(input: ReconcileInput): ScanResult {
  const { root, registry } = input;
  const all = collectReferences(input);
  // Unused means no code in the project reads it, also when only a sub-folder is reported.
  const evaluated = new Set(all.filter((r) => r.kind === 'evaluation').map((r) => r.flag));
  const inScope = input.inScope;
  const references: ReferenceRecord[] = (inScope ? all.filter((r) => inScope(r.abs)) : all).map(({ abs: _abs, ...r }) => r);
  const byFlag = new Map<string, ReferenceRecord[]>();
  for (const r of references) {
    if (r.flag === null) continue;
    const list = byFlag.get(r.flag);
    if (list) list.push(r);
    else byFlag.set(r.flag, [r]);
  }

  const flags: FlagReport[] = [];
  const unused: { flag: string }[] = [];
  let archivedReferenced = 0;
  for (const flag of registry.flags.values()) {
    const report = flagReport(flag, input, byFlag.get(flag.key) ?? []);
    if (flag.state === 'archived' && report.references > 0) archivedReferenced++;
    // Unused means no code reads it: a declaration alone (an enum member) does not keep a flag alive.
    if (flag.state !== 'archived' && !evaluated.has(flag.key)) unused.push({ flag: flag.key });
    flags.push(report);
  }

  const live = [...registry.flags.values()].filter((f) => f.state !== 'archived').map((f) => f.key);
  let suggestions = suggestionsByRegistry.get(registry);
  if (!suggestions) suggestionsByRegistry.set(registry, (suggestions = new Map()));
  let suggest: ((key: string) => string | undefined) | undefined;
  const unregisteredReads = references
    .filter((r) => r.kind === 'evaluation' && r.flag !== null && !registry.flags.has(r.flag))
    .map((r) => {
      const record: UnregisteredRecord = { flag: r.flag as string, file: r.file, line: r.line, column: r.column };
      if (r.test) record.test = true;
      if (input.suggest === false) return record;
      // One typo is usually read in many places: compute each key's suggestion once.
      if (!suggestions.has(record.flag)) suggestions.set(record.flag, (suggest ??= keySuggester(live))(record.flag));
      const suggestion = suggestions.get(record.flag);
      if (suggestion !== undefined) record.suggestion = suggestion;
      return record;
    });
  // A key read only by a test (a fixture's made-up flag) is no finding: listed apart.
  const unregistered = unregisteredReads.filter((r) => !r.test);
  const unregisteredInTests = unregisteredReads.filter((r) => r.test);

  const problems = [...input.problems].sort((a, b) => compareStrings(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
  return {
    version: 1,
    root,
    now: input.now,
    summary: {
      files: input.files,
      flags: live.length,
      references: references.length,
      stale: flags.filter((f) => f.stale).length,
      unused: unused.length,
      unregistered: unregistered.length,
      unregisteredInTests: unregisteredInTests.length,
      dynamic: references.filter((r) => r.kind === 'dynamic').length,
      archivedReferenced,
    },
    flags,
    references,
    unused,
    unregistered,
    unregisteredInTests,
    problems,
  };
}

function flagReport(flag: FlagDefinition, input: ReconcileInput, own: ReferenceRecord[]): FlagReport {
  const verdict = evaluateStaleness(flag, input.staleness, input.now);
  const reasons = [...verdict.reasons];
  if (flag.state === 'archived' && own.length > 0) {
    const since = flag.since === undefined ? '' : ` on ${flag.since}`;
    reasons.unshift(`archived${since} but still referenced ${own.length === 1 ? 'once' : `${own.length} times`}: an archived key must never be used again`);
  }
  const report: FlagReport = {
    key: flag.key,
    type: flag.type,
    owner: flag.owner,
    state: flag.state,
    references: own.length,
    files: new Set(own.map((r) => r.file)).size,
    ageDays: verdict.ageDays,
    stale: verdict.stale,
    reasons,
    created: flag.created,
  };
  if (flag.expires !== undefined) report.expires = flag.expires;
  if (flag.since !== undefined) report.since = flag.since;
  if (flag.value !== undefined) report.value = flag.value;
  if (flag.description !== undefined) report.description = flag.description;
  if (flag.declaredIn !== undefined) report.declared = { file: relativePath(input.root, flag.declaredIn), line: flag.location.line };
  return report;
}

function collectReferences(input: ReconcileInput): Array<ReferenceRecord & { abs: string }> {
  const records: Array<ReferenceRecord & { abs: string }> = [];
  for (const file of input.index.files()) {
    const entry = input.index.inFile(file)!;
    const test = input.isTest(file);
    const rel = relativePath(input.root, file);
    for (const read of entry.reads) {
      if (isReported(read)) records.push({ ...readRecord(read, rel, test), abs: file });
    }
    for (const declaration of entry.declarations) records.push({ ...declarationRecord(declaration, rel, test), abs: file });
  }
  return records.sort(compareReferences);
}

/** A forwarding wrapper's own body reads its key parameter: that is the wrapper, not a dynamic key. */
function isReported(read: FlagRead): boolean {
  return !(read.kind === 'dynamic' && read.inWrapper === true);
}

function readRecord(read: FlagRead, file: string, test: boolean): ReferenceRecord {
  // A flag's definition (`flag({ key })`) and a defined flag passed on as an object evaluate nothing.
  const kind = read.kind === 'evaluation' && (read.data === 'definition' || read.data === 'flag-object') ? 'declaration' : read.kind;
  return { flag: read.key, file, line: read.line, column: read.column, kind, test, via: read.via };
}

function declarationRecord(declaration: KeyDeclaration, file: string, test: boolean): ReferenceRecord {
  return {
    flag: declaration.key,
    file,
    line: declaration.line,
    column: declaration.column,
    kind: 'declaration',
    test,
    via: declaration.container ?? declaration.declKind,
  };
}

const KIND_ORDER = { declaration: 0, evaluation: 1, dynamic: 2 } as const;

export function compareReferences(a: ReferenceRecord, b: ReferenceRecord): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    compareStrings(a.flag ?? '', b.flag ?? '')
  );
}
