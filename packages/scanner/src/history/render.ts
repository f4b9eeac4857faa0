/** `flagdebt history --format json|csv|html`. */
import { FLAG_TYPES, FlagdebtError } from '@flagdebt/core';
import { renderHistoryHtml } from '../render/html.js';
import type { HistoryResult } from './types.js';

export const HISTORY_FORMATS = ['json', 'csv', 'html'] as const;

/** The history in one of HISTORY_FORMATS; an unknown format is a usage error. */
export function renderHistory(history: HistoryResult, format: string): string {
  if (format === 'json') return renderHistoryJson(history);
  if (format === 'csv') return renderHistoryCsv(history);
  if (format === 'html') return renderHistoryHtml(history);
  throw new FlagdebtError({
    severity: 'error',
    code: 'history/unknown-format',
    file: '--format',
    line: 0,
    column: 0,
    message: `unknown history format "${format}"`,
    fix: `use one of ${HISTORY_FORMATS.join(', ')}`,
  });
}

export function renderHistoryJson(history: HistoryResult): string {
  return `${JSON.stringify(history, null, 2)}\n`;
}

/** One row per point, oldest first; by-type counts as `flags_<type>` columns. */
export function renderHistoryCsv(history: HistoryResult): string {
  const header = ['commit', 'date', 'flags', 'references', 'stale', 'unregistered', ...FLAG_TYPES.map((type) => `flags_${type}`)];
  const rows = history.points.map((point) =>
    [point.commit, point.date, point.flags, point.references, point.stale, point.unregistered, ...FLAG_TYPES.map((type) => point.byType[type])].join(','),
  );
  // RFC 4180 line endings; no field can hold a comma, quote or newline (hashes, dates, numbers).
  return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
}
