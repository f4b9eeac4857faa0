import { FLAG_STATES, FLAG_TYPES, type FlagState, type FlagType } from '@flagdebt/core';
import type { HistoryResult } from '../history/types.js';
import type { ScanResult } from '../types.js';
import { AGE_BUCKETS_DAYS } from './openmetrics.js';

/**
 * Everything the dashboard's charts draw, computed once on the server side and embedded as JSON,
 * so the page's script only draws and never counts.
 */
export interface ChartModel {
  types: readonly FlagType[];
  byType: number[];
  states: readonly FlagState[];
  byState: number[];
  owners: { owner: string; healthy: number; stale: number }[];
  ageLabels: string[];
  /** Per type (in `types` order), the number of live flags in each age bucket. */
  ageByType: number[][];
  trend: TrendModel | null;
}

export interface TrendModel {
  labels: string[];
  commits: string[];
  flags: number[];
  stale: number[];
  unregistered: number[];
  references: number[];
  byType: number[][];
  /** Keys that became live / stopped being live at each point (empty at the first). */
  added: string[][];
  removed: string[][];
  /** Owners with a stale flag at some point, most stale first (the rest folded into "other"). */
  owners: string[];
  /** Per owner (in `owners` order), stale flags at each point. */
  staleByOwner: number[][];
}

/** Owners beyond this many are folded into "other" so the bar chart stays readable. */
const MAX_OWNERS = 12;

export function buildChartModel(result: ScanResult | undefined, history: HistoryResult | undefined): ChartModel {
  const flags = result?.flags ?? [];
  const live = flags.filter((flag) => flag.state !== 'archived');
  return {
    types: FLAG_TYPES,
    byType: FLAG_TYPES.map((type) => live.filter((flag) => flag.type === type).length),
    states: FLAG_STATES,
    byState: FLAG_STATES.map((state) => flags.filter((flag) => flag.state === state).length),
    owners: ownerRows(live),
    ageLabels: ageLabels(),
    ageByType: FLAG_TYPES.map((type) => {
      const counts = new Array<number>(AGE_BUCKETS_DAYS.length + 1).fill(0);
      for (const flag of live) if (flag.type === type) counts[ageBucket(flag.ageDays)] += 1;
      return counts;
    }),
    trend: history && history.points.length > 0 ? trendModel(history) : null,
  };
}

function ownerRows(live: ScanResult['flags']): ChartModel['owners'] {
  const rows = new Map<string, { owner: string; healthy: number; stale: number }>();
  for (const flag of live) {
    const row = rows.get(flag.owner) ?? { owner: flag.owner, healthy: 0, stale: 0 };
    if (flag.stale) row.stale += 1;
    else row.healthy += 1;
    rows.set(flag.owner, row);
  }
  const sorted = [...rows.values()].sort(
    (a, b) => b.stale - a.stale || b.healthy + b.stale - (a.healthy + a.stale) || (a.owner < b.owner ? -1 : 1),
  );
  if (sorted.length <= MAX_OWNERS) return sorted;
  const rest = sorted.slice(MAX_OWNERS - 1);
  const other = {
    owner: `${rest.length} other owners`,
    healthy: rest.reduce((sum, row) => sum + row.healthy, 0),
    stale: rest.reduce((sum, row) => sum + row.stale, 0),
  };
  return [...sorted.slice(0, MAX_OWNERS - 1), other];
}

/** Index of the age bucket (same bounds as the OpenMetrics histogram, but not cumulative). */
export function ageBucket(ageDays: number): number {
  const index = AGE_BUCKETS_DAYS.findIndex((bound) => ageDays <= bound);
  return index === -1 ? AGE_BUCKETS_DAYS.length : index;
}

function ageLabels(): string[] {
  const labels: string[] = [];
  let low = 0;
  for (const bound of AGE_BUCKETS_DAYS) {
    labels.push(`${low}–${bound} d`);
    low = bound + 1;
  }
  labels.push(`> ${AGE_BUCKETS_DAYS.at(-1)} d`);
  return labels;
}

function trendModel(history: HistoryResult): TrendModel {
  const points = history.points;
  return {
    labels: points.map((point) => point.date.slice(0, 10)),
    commits: points.map((point) => point.commit.slice(0, 10)),
    flags: points.map((point) => point.flags),
    stale: points.map((point) => point.stale),
    unregistered: points.map((point) => point.unregistered),
    references: points.map((point) => point.references),
    byType: FLAG_TYPES.map((type) => points.map((point) => point.byType[type] ?? 0)),
    added: points.map((point) => point.added ?? []),
    removed: points.map((point) => point.removed ?? []),
    ...staleOwners(history),
  };
}

function staleOwners(history: HistoryResult): { owners: string[]; staleByOwner: number[][] } {
  const totals = new Map<string, number>();
  for (const point of history.points) for (const [owner, n] of Object.entries(point.staleByOwner ?? {})) totals.set(owner, (totals.get(owner) ?? 0) + n);
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([owner]) => owner);
  const shown = ranked.length > MAX_OWNERS ? ranked.slice(0, MAX_OWNERS - 1) : ranked;
  const folded = ranked.length > shown.length;
  const series = shown.map((owner) => history.points.map((point) => point.staleByOwner?.[owner] ?? 0));
  if (folded) {
    const kept = new Set(shown);
    series.push(history.points.map((point) => Object.entries(point.staleByOwner ?? {}).reduce((sum, [owner, n]) => sum + (kept.has(owner) ? 0 : n), 0)));
  }
  return { owners: folded ? [...shown, 'other'] : shown, staleByOwner: series };
}
