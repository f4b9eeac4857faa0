/**
 * `--format text`: what a person reads in a terminal. Sections appear only when they have rows,
 * so a clean project prints a short report. Colour only when asked for (a TTY).
 */
import { isSuppressedStale } from '../findings/findings.js';
import { budgetStatus } from '../reconcile/budget.js';
import { groupFindings } from './groups.js';
import { removeCommand } from './remove-command.js';
import type { FlagReport, ReferenceRecord, ScanResult } from '../types.js';
import type { RenderOptions, Renderer } from './renderer.js';

type Paint = (code: string, text: string) => string;

export function table(rows: string[][], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell))));
  return rows.map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i]))).join('  ').trimEnd());
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '').length;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function where(r: { file: string; line: number; column: number }): string {
  return `${r.file}:${r.line}:${r.column}`;
}

/** `file:line:column`, and the code on that line when the report has it. */
function located(r: { file: string; line: number; column: number }, options: RenderOptions, paint: Paint): string {
  const code = options.sourceLines?.(r.file, r.line);
  return code === undefined ? where(r) : `${where(r)}  ${paint('2', code)}`;
}

function status(flag: FlagReport, unused: Set<string>, paint: Paint, result: ScanResult): string {
  if (flag.state === 'archived') return flag.references > 0 ? paint('1;31', 'ARCHIVED, IN USE') : 'archived';
  if (flag.stale) return isSuppressedStale(result, flag.key) ? 'stale (baseline)' : paint('33', 'stale');
  if (unused.has(flag.key)) return paint('2', 'unused');
  return paint('32', 'ok');
}

const renderText: Renderer = (result, options) => {
  const paint: Paint = options.color ? (code, text) => `\x1b[${code}m${text}\x1b[0m` : (_code, text) => text;
  const heading = (title: string, count: number) => ['', paint('1', `${title} (${count})`)];
  const s = result.summary;
  const unused = new Set(result.unused.map((u) => u.flag));
  const out: string[] = [paint('1', `flagdebt scan of ${result.root} (today: ${result.now})`), ''];

  // `flags` counts live flags (the registry's, archived ones left out); the Flags table lists all.
  out.push(
    ...table([
      ['files', 'live flags', 'references', 'stale', 'unused', 'unregistered', 'dynamic', 'archived in use'],
      [s.files, s.flags, s.references, s.stale, s.unused, s.unregistered, s.dynamic, s.archivedReferenced].map(String),
    ]),
  );
  if (result.suppressed !== undefined && result.suppressed.length > 0) {
    const byComment = result.suppressed.filter((x) => x.by === 'comment').length;
    const parts = [byComment > 0 ? `${byComment} by flagdebt-ignore-next-line` : '', result.suppressed.length - byComment > 0 ? `${result.suppressed.length - byComment} by the baseline` : ''];
    out.push('', `  not counted: ${parts.filter(Boolean).join(', ')}`);
  }

  const budget = budgetStatus(result, options.budget);
  if (budget.length > 0) {
    const parts = budget.map((b) => `${b.label} ${b.actual}/${b.limit} ${b.exceeded ? paint('1;31', 'EXCEEDED') : paint('32', 'ok')}`);
    out.push('', `  budget: ${parts.join(', ')}`);
  }

  if (result.flags.length > 0) {
    const archivedCount = result.flags.filter((f) => f.state === 'archived').length;
    const title = archivedCount > 0 ? `Flags in the registry: ${s.flags} live, ${archivedCount} archived` : 'Flags in the registry';
    out.push(...heading(title, result.flags.length));
    out.push(
      ...table([
        ['flag', 'type', 'owner', 'state', 'refs', 'files', 'age', 'status'],
        ...result.flags.map((f) => [f.key, f.type, f.owner, f.state, String(f.references), String(f.files), `${f.ageDays}d`, status(f, unused, paint, result)]),
      ]),
    );
  }

  if (options.groupBy !== undefined) {
    out.push(...groupedFindings(result, options, paint, heading));
    if (result.unused.length > 0) {
      out.push(...heading('Unused flags (registered, never read)', result.unused.length));
      for (const u of result.unused) out.push(`  ${u.flag}`);
    }
    out.push(...problemsSection(result, paint, heading));
    return `${out.join('\n')}\n`;
  }

  const stale = result.flags.filter((f) => f.stale && !isSuppressedStale(result, f.key));
  if (stale.length > 0) {
    out.push(...heading('Stale flags', stale.length));
    for (const flag of stale) {
      out.push(`  ${paint('33', flag.key)} (${flag.type}, ${flag.owner}): ${count(flag.references, 'reference')} in ${count(flag.files, 'file')}`);
      for (const reason of flag.reasons) out.push(`    - ${reason}`);
      out.push(`    remove: ${removeCommand(flag)}`);
      for (const ref of referencesOf(result.references, flag.key)) out.push(`    ${located(ref, options, paint)}${ref.test ? ' (test)' : ''}`);
    }
  }

  const archived = result.flags.filter((f) => f.state === 'archived' && f.references > 0);
  if (archived.length > 0) {
    out.push(...heading(paint('31', 'ARCHIVED FLAGS STILL REFERENCED'), archived.length));
    for (const flag of archived) {
      out.push(`  ${paint('1;31', flag.key)}: ${flag.reasons[0] ?? 'archived but referenced'}`);
      for (const ref of referencesOf(result.references, flag.key)) out.push(`    ${where(ref)} (${ref.kind}, ${ref.via})${codeSuffix(ref, options, paint)}`);
    }
  }

  if (result.unregistered.length > 0) {
    out.push(...heading('Unregistered keys', result.unregistered.length));
    out.push(
      ...table(
        result.unregistered.map((u) => [
          paint('31', u.flag),
          where(u),
          `${u.suggestion === undefined ? '' : `did you mean "${u.suggestion}"?`}${codeSuffix(u, options, paint)}`.trim(),
        ]),
      ),
    );
  }

  // Keys only test files read are no finding, but a reader should know they were seen.
  const inTests = result.unregisteredInTests?.length ?? 0;
  if (inTests > 0) out.push('', `  ${inTests} ${inTests === 1 ? 'read' : 'reads'} of unregistered keys in test files (not counted as unregistered)`);

  if (result.unused.length > 0) {
    out.push(...heading('Unused flags (registered, never read)', result.unused.length));
    for (const u of result.unused) out.push(`  ${u.flag}`);
  }

  const dynamic = result.references.filter((r) => r.kind === 'dynamic');
  if (dynamic.length > 0) {
    out.push(...heading('Dynamic keys (not resolvable statically)', dynamic.length));
    out.push(...table(dynamic.map((r) => [where(r), `via ${r.via}${codeSuffix(r, options, paint)}`])));
  }

  out.push(...problemsSection(result, paint, heading));
  return `${out.join('\n')}\n`;
};

function codeSuffix(r: { file: string; line: number }, options: RenderOptions, paint: Paint): string {
  const code = options.sourceLines?.(r.file, r.line);
  return code === undefined ? '' : `  ${paint('2', code)}`;
}

type Heading = (title: string, count: number) => string[];

/** `--group-by flag|owner`: every finding under its flag, or under the team that owns it. */
function groupedFindings(result: ScanResult, options: RenderOptions, paint: Paint, heading: Heading): string[] {
  const out: string[] = [];
  const groups = groupFindings(result, options.groupBy ?? 'flag');
  out.push(...heading(`Findings by ${options.groupBy}`, groups.length));
  for (const group of groups) {
    out.push(`  ${paint('1', group.title)}`);
    for (const item of group.items) {
      out.push(`    ${item.headline}`);
      for (const reason of item.reasons) out.push(`      - ${reason}`);
      if (item.remove !== undefined) out.push(`      remove: ${item.remove}`);
      for (const ref of item.reads) out.push(`      ${located(ref, options, paint)}${ref.test ? ' (test)' : ''}`);
    }
  }
  return out;
}

function problemsSection(result: ScanResult, paint: Paint, heading: Heading): string[] {
  const out: string[] = [];
  if (result.problems.length > 0) {
    out.push(...heading('Problems', result.problems.length));
    out.push(
      ...table(
        result.problems.map((p) => [
          p.line === undefined ? p.file : `${p.file}:${p.line}`,
          p.severity === 'error' ? paint('31', 'error') : (p.severity ?? 'error'),
          p.message,
        ]),
      ),
    );
  }
  return out;
}

function referencesOf(references: ReferenceRecord[], key: string): ReferenceRecord[] {
  return references.filter((r) => r.flag === key);
}

export default renderText;
