/**
 * `--format markdown`: a pull-request comment. Tables for what needs a decision, the remove
 * command next to each stale flag, and the reference lists folded away in <details>.
 */
import { budgetStatus } from '../reconcile/budget.js';
import { removeCommand } from './remove-command.js';
import type { ReferenceRecord } from '../types.js';
import type { Renderer } from './renderer.js';

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
    row(['files', 'flags', 'references', 'stale', 'unused', 'unregistered', 'dynamic', 'archived in use']),
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    row([s.files, s.flags, s.references, s.stale, s.unused, s.unregistered, s.dynamic, s.archivedReferenced]),
  );
  const budget = budgetStatus(result, options.budget);
  if (budget.length > 0) {
    const parts = budget.map((b) => `${b.exceeded ? ':x:' : ':white_check_mark:'} ${b.what} ${b.actual} of ${b.limit}`);
    out.push('', `**Budget:** ${parts.join(' · ')}`);
  }

  const archived = result.flags.filter((f) => f.state === 'archived' && f.references > 0);
  if (archived.length > 0) {
    out.push('', '> [!CAUTION]', '> **Archived flags are still referenced.** An archived key must never be used again:');
    for (const flag of archived) out.push(`> - ${code(flag.key)}: ${plural(flag.references, 'reference')} in ${plural(flag.files, 'file')}`);
  }

  const stale = result.flags.filter((f) => f.stale);
  if (stale.length > 0) {
    out.push('', `### Stale flags (${stale.length})`, '', row(['flag', 'type', 'owner', 'age', 'references', 'why', 'remove']), '|---|---|---|---:|---:|---|---|');
    for (const f of stale) {
      out.push(row([code(f.key), f.type, f.owner, `${f.ageDays} days`, `${f.references} in ${plural(f.files, 'file')}`, f.reasons.join('<br>'), code(removeCommand(f))]));
    }
  }

  if (result.unregistered.length > 0) {
    out.push('', `### Unregistered keys (${result.unregistered.length})`, '', row(['key', 'where', 'did you mean']), '|---|---|---|');
    for (const u of result.unregistered) {
      out.push(row([code(u.flag), code(`${u.file}:${u.line}:${u.column}`), u.suggestion === undefined ? '' : code(u.suggestion)]));
    }
  }

  if (result.unused.length > 0) {
    out.push('', `### Unused flags (${result.unused.length})`, '', 'Registered but never read; archive them in the registry.', '');
    for (const u of result.unused) out.push(`- ${code(u.flag)}`);
  }

  const byFlag = groupByFlag(result.references);
  if (byFlag.size > 0) {
    out.push('', '### References', '');
    let size = out.reduce((n, line) => n + line.length + 1, 0);
    let omitted = 0;
    for (const [flag, refs] of byFlag) {
      const block = details(flag, refs);
      const blockSize = block.reduce((n, line) => n + line.length + 1, 0);
      if (size + blockSize > MAX_COMMENT_CHARS) {
        omitted++;
        continue;
      }
      out.push(...block);
      size += blockSize;
    }
    if (omitted > 0) out.push('', `References of ${omitted} more ${omitted === 1 ? 'flag' : 'flags'} left out to fit a comment; see \`--format json\`.`);
  }

  if (result.problems.length > 0) {
    out.push('', `### Problems (${result.problems.length})`, '');
    for (const p of result.problems) {
      out.push(`- ${code(p.line === undefined ? p.file : `${p.file}:${p.line}`)} (${p.severity ?? 'error'}): ${p.message}`);
    }
  }
  return `${out.join('\n')}\n`;
};

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

function details(flag: string, refs: ReferenceRecord[]): string[] {
  // Markdown is not rendered inside <summary>: HTML it is.
  const name = `<code>${flag.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code>`;
  const out = ['<details>', `<summary>${name}: ${refs.length} ${refs.length === 1 ? 'reference' : 'references'}</summary>`, ''];
  out.push(row(['file', 'line', 'kind', 'via', 'test']), '|---|---:|---|---|---|');
  for (const r of refs.slice(0, MAX_REFERENCES_PER_FLAG)) out.push(row([code(r.file), r.line, r.kind, code(r.via), r.test ? 'yes' : '']));
  if (refs.length > MAX_REFERENCES_PER_FLAG) out.push('', `… and ${refs.length - MAX_REFERENCES_PER_FLAG} more (see \`--format json\`).`);
  out.push('', '</details>');
  return out;
}

export default renderMarkdown;
