/**
 * `--format markdown`: a pull-request comment. Tables for what needs a decision, the remove
 * command next to each stale flag, and the reference lists folded away in <details>.
 */
import { isSuppressedStale } from '../findings/findings.js';
import { budgetStatus } from '../reconcile/budget.js';
import { groupFindings } from './groups.js';
import { removeCommand } from './remove-command.js';
import type { ReferenceRecord, ScanResult } from '../types.js';
import type { RenderOptions, Renderer } from './renderer.js';

/** Per flag: enough to act on, short enough to stay under a comment's size limit. */
const MAX_REFERENCES_PER_FLAG = 100;
/** GitHub rejects comments over 65,536 characters; leave room for the problems section. */
const MAX_COMMENT_CHARS = 60_000;

function cell(text: string | number): string {
  return String(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function row(cells: (string | number)[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

const renderMarkdown: Renderer = (result, options) => {
  const s = result.summary;
  const out: string[] = ['## flagdebt scan', ''];
  out.push(
    row(['files', 'live flags', 'references', 'stale', 'unused', 'unregistered', 'dynamic', 'archived in use']),
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    row([s.files, s.flags, s.references, s.stale, s.unused, s.unregistered, s.dynamic, s.archivedReferenced]),
  );
  const budget = budgetStatus(result, options.budget);
  if (budget.length > 0) {
    const parts = budget.map((b) => `${b.exceeded ? ':x:' : ':white_check_mark:'} ${b.label} ${b.actual} of ${b.limit}`);
    out.push('', `**Budget:** ${parts.join(' · ')}`);
  }
  if (result.suppressed !== undefined && result.suppressed.length > 0) {
    const byComment = result.suppressed.filter((x) => x.by === 'comment').length;
    out.push('', `Not counted: ${plural(byComment, 'finding')} by \`flagdebt-ignore-next-line\`, ${plural(result.suppressed.length - byComment, 'finding')} by the baseline.`);
  }
  if (options.groupBy !== undefined) {
    out.push(...groupedSection(result, options));
    out.push(...problemsSection(result));
    return `${out.join('\n')}\n`;
  }

  const archived = result.flags.filter((f) => f.state === 'archived' && f.references > 0);
  if (archived.length > 0) {
    out.push('', '> [!CAUTION]', '> **Archived flags are still referenced.** An archived key must never be used again:');
    for (const flag of archived) out.push(`> - ${code(flag.key)}: ${plural(flag.references, 'reference')} in ${plural(flag.files, 'file')}`);
  }

  const stale = result.flags.filter((f) => f.stale && !isSuppressedStale(result, f.key));
  if (stale.length > 0) {
    out.push('', `### Stale flags (${stale.length})`, '', row(['flag', 'type', 'owner', 'age', 'references', 'why', 'remove']), '|---|---|---|---:|---:|---|---|');
    for (const f of stale) {
      out.push(row([code(f.key), f.type, f.owner, `${f.ageDays} days`, `${f.references} in ${plural(f.files, 'file')}`, f.reasons.join('<br>'), code(removeCommand(f))]));
    }
  }

  if (result.unregistered.length > 0) {
    const withCode = options.sourceLines !== undefined;
    out.push('', `### Unregistered keys (${result.unregistered.length})`, '', row(['key', 'where', ...(withCode ? ['code'] : []), 'did you mean']), withCode ? '|---|---|---|---|' : '|---|---|---|');
    for (const u of result.unregistered) {
      const where = [code(u.flag), code(`${u.file}:${u.line}:${u.column}`), ...(withCode ? [codeCell(u, options)] : [])];
      out.push(row([...where, u.suggestion === undefined ? '' : code(u.suggestion)]));
    }
  }

  if (result.unused.length > 0) {
    out.push('', `### Unused flags (${result.unused.length})`, '', 'Registered but never read; archive them in the registry.', '');
    for (const u of result.unused) out.push(`- ${code(u.flag)}`);
  }

  const byFlag = groupByFlag(result.references);
  if (byFlag.size > 0) {
    out.push('', '### References', '');
    const omitted = appendWithin(out, charsOf(out), [...byFlag].map(([flag, refs]) => details(flag, refs, options)));
    if (omitted > 0) out.push('', `References of ${omitted} more ${omitted === 1 ? 'flag' : 'flags'} left out to fit a comment; see \`--format json\`.`);
  }

  out.push(...problemsSection(result));
  return `${out.join('\n')}\n`;
};

function problemsSection(result: ScanResult): string[] {
  const out: string[] = [];
  if (result.problems.length > 0) {
    out.push('', `### Problems (${result.problems.length})`, '');
    for (const p of result.problems) {
      out.push(`- ${code(p.line === undefined ? p.file : `${p.file}:${p.line}`)} (${p.severity ?? 'error'}): ${p.message}`);
    }
  }
  return out;
}

/** The reference's code line, or empty when the report has no source lines. */
function codeCell(r: { file: string; line: number }, options: RenderOptions): string {
  const line = options.sourceLines?.(r.file, r.line);
  return line === undefined || line === '' ? '' : code(line);
}

/** `--group-by`: a heading per flag or owner, each finding with its reads and their code. */
function groupedSection(result: ScanResult, options: RenderOptions): string[] {
  const groups = groupFindings(result, options.groupBy ?? 'flag');
  const out: string[] = ['', `### Findings by ${options.groupBy} (${groups.length})`];
  const blocks = groups.map((group) => {
    const block = ['', `#### ${cell(group.title)}`];
    for (const item of group.items) {
      block.push('', `**${cell(item.headline)}**`);
      for (const reason of item.reasons) block.push(`- ${reason}`);
      if (item.remove !== undefined) block.push(`- remove: ${code(item.remove)}`);
      if (item.reads.length > 0) {
        block.push('', row(['where', 'code', 'test']), '|---|---|---|');
        for (const r of item.reads.slice(0, MAX_REFERENCES_PER_FLAG)) block.push(row([code(`${r.file}:${r.line}:${r.column}`), codeCell(r, options), r.test ? 'yes' : '']));
        if (item.reads.length > MAX_REFERENCES_PER_FLAG) block.push('', `… and ${item.reads.length - MAX_REFERENCES_PER_FLAG} more (see \`--format json\`).`);
      }
    }
    return block;
  });
  const omitted = appendWithin(out, 0, blocks);
  if (omitted > 0) out.push('', `${omitted} more ${omitted === 1 ? 'group' : 'groups'} left out to fit a comment; see \`--format json\`.`);
  return out;
}

function groupByFlag(references: ReferenceRecord[]): Map<string, ReferenceRecord[]> {
  const groups = new Map<string, ReferenceRecord[]>();
  for (const r of references) {
    const key = r.flag ?? '(dynamic key)';
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  return groups;
}

function details(flag: string, refs: ReferenceRecord[], options: RenderOptions): string[] {
  // Markdown is not rendered inside <summary>: HTML it is.
  const name = `<code>${flag.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code>`;
  const out = ['<details>', `<summary>${name}: ${refs.length} ${refs.length === 1 ? 'reference' : 'references'}</summary>`, ''];
  const withCode = options.sourceLines !== undefined;
  out.push(row(['file', 'line', 'kind', 'via', 'test', ...(withCode ? ['code'] : [])]), withCode ? '|---|---:|---|---|---|---|' : '|---|---:|---|---|---|');
  for (const r of refs.slice(0, MAX_REFERENCES_PER_FLAG)) {
    out.push(row([code(r.file), r.line, r.kind, code(r.via), r.test ? 'yes' : '', ...(withCode ? [codeCell(r, options)] : [])]));
  }
  if (refs.length > MAX_REFERENCES_PER_FLAG) out.push('', `… and ${refs.length - MAX_REFERENCES_PER_FLAG} more (see \`--format json\`).`);
  out.push('', '</details>');
  return out;
}

export default renderMarkdown;

function charsOf(lines: readonly string[]): number {
  return lines.reduce((n, line) => n + line.length + 1, 0);
}

/**
 * Appends each block to `out` that still fits a comment (MAX_COMMENT_CHARS, counting from `used`
 * characters); a block that does not is left out. Returns how many were left out.
 */
function appendWithin(out: string[], used: number, blocks: readonly string[][]): number {
  let size = used;
  let omitted = 0;
  for (const block of blocks) {
    const blockSize = charsOf(block);
    if (size + blockSize > MAX_COMMENT_CHARS) {
      omitted++;
      continue;
    }
    out.push(...block);
    size += blockSize;
  }
  return omitted;
}
