import type { FlagReport, ScanResult } from '../types.js';
import { removeCommand } from './remove-command.js';

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * JSON for a `<script type="application/json">` block: `<` is written as `\u003c`, so no value can
 * close the script element or open a comment, whatever keys, owners or reasons contain.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

interface Column<T> {
  title: string;
  /** `number` columns sort numerically and align right. */
  kind?: 'text' | 'number';
  cell(row: T): string;
  sortValue(row: T): string | number;
}

/**
 * A table whose headers the page script makes sortable; cells carry their sort key. With
 * `search`, each row carries the text the page's search box matches (`data-search`).
 */
function table<T>(id: string, columns: Column<T>[], rows: readonly T[], empty: string, search?: (row: T) => string): string {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  const head = columns
    .map((column, index) => {
      const kind = column.kind ?? 'text';
      return `<th scope="col" data-kind="${kind}" data-col="${index}" aria-sort="none"><button type="button">${escapeHtml(column.title)}</button></th>`;
    })
    .join('');
  const body = rows
    .map((row) => {
      const cells = columns
        .map((column) => {
          const align = column.kind === 'number' ? ' class="num"' : '';
          return `<td${align} data-sort="${escapeHtml(String(column.sortValue(row)))}">${column.cell(row)}</td>`;
        })
        .join('');
      return search ? `<tr data-search="${escapeHtml(search(row))}">${cells}</tr>` : `<tr>${cells}</tr>`;
    })
    .join('\n');
  return `<div class="table-wrap"><table id="${id}" class="sortable"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

const text = (value: string) => escapeHtml(value);
const code = (value: string) => `<code>${escapeHtml(value)}</code>`;
const location = (file: string, line: number, column?: number) =>
  `<span class="loc">${escapeHtml(file)}:${line}${column !== undefined ? `:${column}` : ''}</span>`;
const typeBadge = (flag: FlagReport) => `<span class="badge type-${escapeHtml(flag.type)}">${escapeHtml(flag.type)}</span>`;
const stateBadge = (flag: FlagReport) => `<span class="badge state-${escapeHtml(flag.state)}">${escapeHtml(flag.state)}</span>`;

export function totalsSection(result: ScanResult): string {
  const s = result.summary;
  const cards: [string, number, string][] = [
    ['Flags', s.flags, 'registered, not archived'],
    ['Stale', s.stale, 'ready to remove'],
    ['Unregistered keys', s.unregistered, 'reads of unknown keys'],
    ['Unused', s.unused, 'registered, never read'],
    ['Archived but read', s.archivedReferenced, 'retired keys still in code'],
    ['Dynamic keys', s.dynamic, 'cannot be checked'],
    ['References', s.references, 'reads and declarations'],
    ['Files', s.files, 'scanned'],
  ];
  const alarming = new Set(['Stale', 'Unregistered keys', 'Archived but read']);
  return `<section class="totals" aria-label="Totals">${cards
    .map(([label, value, hint]) => {
      const tone = alarming.has(label) && value > 0 ? ' bad' : '';
      return `<div class="card total${tone}"><div class="value" data-total="${escapeHtml(label)}">${value}</div><div class="label">${escapeHtml(label)}</div><div class="hint">${escapeHtml(hint)}</div></div>`;
    })
    .join('')}</section>`;
}

export function staleTable(result: ScanResult): string {
  const stale = result.flags
    .filter((flag) => flag.stale && flag.state !== 'archived')
    .sort((a, b) => b.ageDays - a.ageDays || (a.key < b.key ? -1 : 1));
  return table<FlagReport>(
    'stale-flags',
    [
      // A registry in code: where the key is declared, under it.
      { title: 'Flag', cell: (f) => code(f.key) + (f.declared ? `<br><small>${text(`${f.declared.file}:${f.declared.line}`)}</small>` : ''), sortValue: (f) => f.key },
      { title: 'Type', cell: typeBadge, sortValue: (f) => f.type },
      { title: 'Owner', cell: (f) => text(f.owner), sortValue: (f) => f.owner },
      { title: 'State', cell: stateBadge, sortValue: (f) => f.state },
      { title: 'Age (days)', kind: 'number', cell: (f) => String(f.ageDays), sortValue: (f) => f.ageDays },
      { title: 'References', kind: 'number', cell: (f) => String(f.references), sortValue: (f) => f.references },
      {
        title: 'Why stale',
        cell: (f) => `<ul class="reasons">${f.reasons.map((reason) => `<li>${text(reason)}</li>`).join('')}</ul>`,
        sortValue: (f) => f.reasons.join('; '),
      },
      {
        title: 'Remove with',
        cell: (f) => `<span class="cmd">${code(removeCommand(f))}<button type="button" class="copy" data-copy="${escapeHtml(removeCommand(f))}" title="Copy command">Copy</button></span>`,
        sortValue: (f) => f.key,
      },
    ],
    stale,
    'No stale flags. Nothing to remove.',
  );
}

/** What the flag needs, in one word, as the text report's Flags table says it. */
function flagStatus(flag: FlagReport, unused: ReadonlySet<string>): string {
  if (flag.state === 'archived') return flag.references > 0 ? 'archived, in use' : 'archived';
  if (flag.stale) return 'stale';
  return unused.has(flag.key) ? 'unused' : 'ok';
}

/**
 * Every flag in the registry, archived ones included, with a search box above it (the page
 * script hides rows that do not contain every word typed). Rows carry their searchable text in
 * `data-search`, so the search needs no data of its own.
 */
export function allFlagsTable(result: ScanResult): string {
  const unused = new Set(result.unused.map((u) => u.flag));
  const flags = result.flags;
  const rows = table<FlagReport>(
    'all-flags',
    [
      { title: 'Flag', cell: (f) => code(f.key), sortValue: (f) => f.key },
      { title: 'Type', cell: typeBadge, sortValue: (f) => f.type },
      { title: 'Owner', cell: (f) => text(f.owner), sortValue: (f) => f.owner },
      { title: 'State', cell: stateBadge, sortValue: (f) => f.state },
      { title: 'Status', cell: (f) => `<span class="status status-${flagStatus(f, unused).replace(/[^a-z]+/g, '-')}">${text(flagStatus(f, unused))}</span>`, sortValue: (f) => flagStatus(f, unused) },
      { title: 'Age (days)', kind: 'number', cell: (f) => String(f.ageDays), sortValue: (f) => f.ageDays },
      { title: 'References', kind: 'number', cell: (f) => String(f.references), sortValue: (f) => f.references },
      { title: 'Files', kind: 'number', cell: (f) => String(f.files), sortValue: (f) => f.files },
      { title: 'Description', cell: (f) => text(f.description ?? ''), sortValue: (f) => f.description ?? '' },
    ],
    flags,
    'The registry has no flags yet.',
    (f) => [f.key, f.type, f.owner, f.state, flagStatus(f, unused), f.description ?? ''].join(' ').toLowerCase(),
  );
  if (flags.length === 0) return rows;
  const search = `<div class="search"><label for="flag-search">Search</label> <input type="search" id="flag-search" aria-controls="all-flags" placeholder="key, owner, type, state or status" autocomplete="off"> <span id="flag-search-count" aria-live="polite">${flags.length} of ${flags.length}</span></div>`;
  return search + rows;
}

export function unregisteredTable(result: ScanResult): string {
  return table(
    'unregistered-keys',
    [
      { title: 'Key', cell: (u) => code(u.flag), sortValue: (u) => u.flag },
      { title: 'Where', cell: (u) => location(u.file, u.line, u.column), sortValue: (u) => `${u.file}:${String(u.line).padStart(8, '0')}` },
      { title: 'Did you mean', cell: (u) => (u.suggestion ? code(u.suggestion) : '<span class="muted">no close match: register it?</span>'), sortValue: (u) => u.suggestion ?? '' },
    ],
    result.unregistered,
    'Every key read in code is in the registry.',
  );
}

export function unusedTable(result: ScanResult): string {
  const byKey = new Map(result.flags.map((flag) => [flag.key, flag]));
  const unused = result.unused.map((entry) => byKey.get(entry.flag)).filter((flag): flag is FlagReport => flag !== undefined);
  return table<FlagReport>(
    'unused-flags',
    [
      { title: 'Flag', cell: (f) => code(f.key), sortValue: (f) => f.key },
      { title: 'Type', cell: typeBadge, sortValue: (f) => f.type },
      { title: 'Owner', cell: (f) => text(f.owner), sortValue: (f) => f.owner },
      { title: 'State', cell: stateBadge, sortValue: (f) => f.state },
      { title: 'Age (days)', kind: 'number', cell: (f) => String(f.ageDays), sortValue: (f) => f.ageDays },
    ],
    unused,
    'Every registered flag is read somewhere.',
  );
}

export function archivedTable(result: ScanResult): string {
  const rows = result.flags
    .filter((flag) => flag.state === 'archived')
    .map((flag) => ({ flag, reads: result.references.filter((ref) => ref.flag === flag.key && ref.kind !== 'dynamic') }))
    .filter((row) => row.reads.length > 0);
  return table(
    'archived-referenced',
    [
      { title: 'Flag', cell: (r) => code(r.flag.key), sortValue: (r) => r.flag.key },
      { title: 'Owner', cell: (r) => text(r.flag.owner), sortValue: (r) => r.flag.owner },
      { title: 'Archived since', cell: (r) => text(r.flag.since ?? '—'), sortValue: (r) => r.flag.since ?? '' },
      { title: 'Still read at', cell: (r) => r.reads.map((ref) => location(ref.file, ref.line, ref.column)).join('<br>'), sortValue: (r) => r.reads.length },
    ],
    rows,
    'No code reads an archived flag.',
  );
}

export function dynamicTable(result: ScanResult): string {
  return table(
    'dynamic-keys',
    [
      { title: 'Where', cell: (r) => location(r.file, r.line, r.column), sortValue: (r) => `${r.file}:${String(r.line).padStart(8, '0')}` },
      { title: 'Accessor', cell: (r) => code(r.via), sortValue: (r) => r.via },
      { title: 'In tests', cell: (r) => (r.test ? 'yes' : 'no'), sortValue: (r) => (r.test ? 1 : 0) },
    ],
    result.references.filter((ref) => ref.kind === 'dynamic'),
    'Every flag key is resolved statically.',
  );
}
