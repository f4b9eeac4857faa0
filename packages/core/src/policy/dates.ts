/** Calendar dates as `YYYY-MM-DD`, computed in UTC so "days ago" never depends on the machine's timezone. */
import type { IsoDate } from '../types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A `YYYY-MM-DD` string as a UTC midnight Date, or null when malformed or impossible (`2026-02-30`). */
export function parseIsoDate(s: string): Date | null {
  const match = ISO_DATE.exec(s.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over to March; a round trip exposes impossible dates.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

export function isIsoDate(s: string): boolean {
  return parseIsoDate(s) !== null;
}

export function formatIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when `b` is later). Throws on malformed input: callers validate first. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const from = parseIsoDate(a);
  const to = parseIsoDate(b);
  if (!from || !to) throw new RangeError(`not an ISO date: ${from ? b : a}`);
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const start = parseIsoDate(date);
  if (!start) throw new RangeError(`not an ISO date: ${date}`);
  return formatIsoDate(new Date(start.getTime() + days * DAY_MS));
}

/** Today in UTC. */
export function todayIso(): IsoDate {
  return formatIsoDate(new Date());
}
