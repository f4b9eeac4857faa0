/** `flagdebt history --format json|csv` (html: render/html.ts, `renderHistoryHtml`). */
import { FLAG_TYPES } from '@flagdebt/core';
import type { HistoryResult } from './types.js';

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
