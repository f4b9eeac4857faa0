/** Which commits of a first-parent history become points of the trend. */
import type { IsoDate } from '@flagdebt/core';
import type { CommitInfo } from './git.js';

export interface SamplingOptions {
  since?: IsoDate;
  now?: IsoDate;
  every?: number;
}

/**
 * `commits` oldest first. Keeps those dated from `since` to `now` (whole UTC days), then every
 * Nth counting back from the newest, or by default the last commit of each ISO week. The newest
 * kept commit (HEAD, unless `now` is earlier) is always a point.
 */
export function sampleCommits(commits: readonly CommitInfo[], options: SamplingOptions = {}): CommitInfo[] {
  const from = options.since !== undefined ? Date.parse(`${options.since}T00:00:00Z`) / 1000 : -Infinity;
  const to = options.now !== undefined ? Date.parse(`${options.now}T00:00:00Z`) / 1000 + 86_400 : Infinity;
  const inRange = commits.filter((c) => c.timestamp >= from && c.timestamp < to);
  if (inRange.length === 0) return [];

  if (options.every !== undefined) {
    const every = Math.max(1, Math.floor(options.every));
    const last = inRange.length - 1;
    return inRange.filter((_, i) => (last - i) % every === 0);
  }
  const lastOfWeek = new Map<string, CommitInfo>();
  for (const commit of inRange) lastOfWeek.set(isoWeek(commit.timestamp), commit);
  const chosen = new Set(lastOfWeek.values());
  return inRange.filter((commit) => chosen.has(commit));
}

/** ISO 8601 week of a UTC instant, e.g. `2026-W47` (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(timestamp: number): string {
  const day = new Date(timestamp * 1000);
  const date = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const weekday = date.getUTCDay() || 7;
  // The Thursday of this week decides the year the week belongs to.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** `2026-09-01T10:00:00Z` */
export function isoDateTime(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
