import { createHash } from 'node:crypto';
import { removeCommand } from './remove-command.js';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isSuppressedStale } from '../findings/findings.js';
import type { FlagReport, ProblemRecord, ReferenceRecord, ScanResult, SuppressedRecord } from '../types.js';
import type { RenderOptions, Renderer } from './renderer.js';
import { SARIF_RULES, ruleIndex, type SarifLevel, type SarifRuleId } from './sarif-rules.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FLAGDEBT_INFORMATION_URI = 'https://github.com/flagdebt/flagdebt';
/** Name of our entry in `partialFingerprints`; bump the suffix if the recipe ever changes. */
export const FINGERPRINT_KEY = 'flagdebtFindingHash/v1';

export interface SarifOptions extends RenderOptions {
  /**
   * Absolute directory that result URIs are relative to (`%SRCROOT%`). Defaults to the scanned
   * root. Set it to the repository root when scanning a sub-folder, because GitHub code scanning
   * resolves `%SRCROOT%` to the checkout root.
   */
  srcRoot?: string;
}

interface Finding {
  rule: SarifRuleId;
  /** The flag key, or the accessor for a dynamic key: what makes two findings "the same". */
  subject: string;
  file: string;
  line: number;
  column: number;
  message: string;
  /** A registry in code: where the flag's key is declared. */
  declared?: { file: string; line: number };
  /** Set when an ignore comment or the baseline took the finding out of the counts. */
  suppression?: Suppression;
}

/** SARIF 2.1.0 §3.34: `inSource` for an ignore comment, `external` for the baseline file. */
interface Suppression {
  kind: 'inSource' | 'external';
  status: 'accepted';
  justification?: string;
}

const BASELINE_JUSTIFICATION = 'recorded in the flagdebt baseline (scan --baseline): debt that predates adoption';

/** `flagdebt scan --format sarif`: a SARIF 2.1.0 log that GitHub code scanning accepts. */
export function renderSarif(result: ScanResult, options: SarifOptions = {}): string {
  const srcRoot = options.srcRoot ?? result.root;
  const findings = collectFindings(result);
  const ordinals = new Map<string, number>();
  const results = findings.map((finding) => {
    const uri = toUri(srcRoot, result.root, finding.file);
    // The n-th finding of one rule about one subject in one file keeps its identity when lines
    // move, so GitHub does not close and reopen the alert on every unrelated edit.
    const identity = `${finding.rule}\u0000${uri}\u0000${finding.subject}`;
    const ordinal = (ordinals.get(identity) ?? 0) + 1;
    ordinals.set(identity, ordinal);
    const rule = SARIF_RULES[ruleIndex(finding.rule)];
    return {
      ruleId: finding.rule,
      ruleIndex: ruleIndex(finding.rule),
      level: rule.level as SarifLevel,
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
            region: { startLine: Math.max(1, finding.line), startColumn: Math.max(1, finding.column) },
          },
        },
      ],
      // A registry in code: the declaration of the key is where the flag is retired.
      ...(finding.declared
        ? { relatedLocations: [{ id: 1, message: { text: `"${finding.subject}" is declared here` }, physicalLocation: { artifactLocation: { uri: toUri(srcRoot, result.root, finding.declared.file), uriBaseId: '%SRCROOT%' }, region: { startLine: finding.declared.line } } }] }
        : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(`${identity}\u0000${ordinal}`) },
      // Always present: flagdebt always checks for suppressions, and an empty array says "none"
      // where an absent one would say "not known" (§3.27.23).
      suppressions: finding.suppression ? [finding.suppression] : [],
      properties: { flag: finding.subject },
    };
  });

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'flagdebt',
            informationUri: FLAGDEBT_INFORMATION_URI,
            semanticVersion: toolVersion(),
            rules: SARIF_RULES.map((rule) => ({
              id: rule.id,
              name: rule.name,
              shortDescription: { text: rule.short },
              fullDescription: { text: rule.full },
              help: { text: rule.helpText, markdown: rule.helpMarkdown },
              defaultConfiguration: { level: rule.level as SarifLevel },
              properties: { tags: ['feature-flags', 'maintainability'], precision: 'very-high' },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.problems.map((problem) => notification(problem, srcRoot, result.root)),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(srcRoot) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A file the scan could not read or parse, or a registry warning: about the run, not the code. */
function notification(problem: ProblemRecord, srcRoot: string, scanRoot: string) {
  const level: SarifLevel = problem.severity === 'skipped' ? 'note' : problem.severity === 'error' ? 'error' : 'warning';
  if (problem.file === '') return { level, message: { text: problem.message } };
  const region = problem.line !== undefined && problem.line > 0 ? { region: { startLine: problem.line } } : {};
  const artifactLocation = { uri: toUri(srcRoot, scanRoot, problem.file), uriBaseId: '%SRCROOT%' };
  return { level, message: { text: problem.message }, locations: [{ physicalLocation: { artifactLocation, ...region } }] };
}

function collectFindings(result: ScanResult): Finding[] {
  const flags = new Map<string, FlagReport>(result.flags.map((flag) => [flag.key, flag]));
  const findings: Finding[] = [];
  for (const entry of result.unregistered) {
    const hint = entry.suggestion !== undefined ? ` Did you mean "${entry.suggestion}"?` : ' Add it to the registry if it is a new flag.';
    findings.push({ rule: 'flagdebt/unregistered-key', subject: entry.flag, file: entry.file, line: entry.line, column: entry.column, message: `Flag key "${entry.flag}" is not in the registry.${hint}` });
  }
  for (const ref of result.references) {
    const flag = ref.flag !== null ? flags.get(ref.flag) : undefined;
    const finding = referenceFinding(ref, flag);
    if (!finding) continue;
    // A baselined stale flag keeps its reads in `references`: each is a suppressed result.
    if (finding.rule === 'flagdebt/stale-flag' && isSuppressedStale(result, finding.subject)) finding.suppression = { kind: 'external', status: 'accepted', justification: BASELINE_JUSTIFICATION };
    findings.push(finding);
  }
  // Suppressed reads left `references` and `unregistered`; they come back here, marked, so that
  // code scanning shows them as suppressed alerts instead of closing them as fixed.
  for (const record of result.suppressed ?? []) {
    const finding = suppressedFinding(record, record.flag !== null ? flags.get(record.flag) : undefined);
    if (finding) findings.push(finding);
  }
  return findings.sort(
    (a, b) => ruleIndex(a.rule) - ruleIndex(b.rule) || compare(a.file, b.file) || a.line - b.line || a.column - b.column,
  );
}

function referenceFinding(ref: ReferenceRecord, flag: FlagReport | undefined): Finding | null {
  const at = { file: ref.file, line: ref.line, column: ref.column };
  if (ref.kind === 'dynamic') {
    return { rule: 'flagdebt/dynamic-key', subject: ref.via, ...at, message: `The key passed to ${ref.via} cannot be resolved statically, so this flag read cannot be checked or cleaned up.` };
  }
  if (ref.kind !== 'evaluation' || !flag) return null;
  if (flag.state === 'archived') {
    const since = flag.since ? ` since ${flag.since}` : '';
    return { rule: 'flagdebt/archived-flag-referenced', subject: flag.key, ...at, ...declaredAt(flag), message: `Flag "${flag.key}" is archived${since} and must not be read any more; remove this read or use a new key.` };
  }
  if (flag.stale) {
    const why = flag.reasons.length > 0 ? ` (${flag.reasons.join('; ')})` : '';
    return { rule: 'flagdebt/stale-flag', subject: flag.key, ...at, ...declaredAt(flag), message: `Flag "${flag.key}" is stale${why}. Remove it with: ${removeCommand(flag)}` };
  }
  return null;
}

function declaredAt(flag: FlagReport): { declared?: { file: string; line: number } } {
  return flag.declared ? { declared: flag.declared } : {};
}

function suppressedFinding(record: SuppressedRecord, flag: FlagReport | undefined): Finding | null {
  if (record.file === undefined) return null; // a baselined stale flag: its reads are handled above
  const at = { file: record.file, line: record.line ?? 1, column: record.column ?? 1 };
  let finding: Finding | null;
  if (record.kind === 'unregistered' && record.flag !== null) {
    finding = { rule: 'flagdebt/unregistered-key', subject: record.flag, ...at, message: `Flag key "${record.flag}" is not in the registry. Add it to the registry if it is a new flag.` };
  } else if (record.kind === 'dynamic') {
    finding = referenceFinding({ flag: null, ...at, kind: 'dynamic', test: false, via: record.via ?? 'a flag accessor' }, undefined);
  } else if (record.kind === 'archived' && record.flag !== null && flag) {
    finding = referenceFinding({ flag: record.flag, ...at, kind: 'evaluation', test: false, via: '' }, flag);
  } else {
    finding = null;
  }
  if (!finding) return null;
  const justification = record.by === 'comment' ? record.reason : BASELINE_JUSTIFICATION;
  finding.suppression = { kind: record.by === 'comment' ? 'inSource' : 'external', status: 'accepted', ...(justification !== undefined ? { justification } : {}) };
  return finding;
}

function toUri(srcRoot: string, scanRoot: string, file: string): string {
  const relative = path.relative(srcRoot, path.resolve(scanRoot, file)).split(path.sep).join('/');
  return relative.split('/').map(encodeURIComponent).join('/');
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function fingerprint(identity: string): string {
  return createHash('sha256').update(identity).digest('hex').slice(0, 32);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

let cachedVersion: string | undefined;
function toolVersion(): string {
  if (cachedVersion === undefined) {
    // From src/render or dist/render alike, the package manifest is two levels up.
    const manifest = createRequire(import.meta.url)('../../package.json') as { version: string };
    cachedVersion = manifest.version;
  }
  return cachedVersion;
}

const render: Renderer = (result, options) => renderSarif(result, options);
export default render;
