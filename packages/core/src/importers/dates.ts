import type { IsoDate } from '../types.js';

/** UTC calendar date of an epoch-milliseconds timestamp (LaunchDarkly `creationDate`). */
export function epochMillisToIso(value: unknown): IsoDate | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return undefined;
  return new Date(value).toISOString().slice(0, 10);
}

/**
 * Calendar date of an ISO date or date-time string (`2025-09-30`, `2024-01-05T10:00:00.000Z`).
 * Date-times are reduced to their UTC date; anything else is undefined.
 */
export function isoDateOf(value: unknown): IsoDate | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (dateOnly) return validDate(text) ? text : undefined;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString().slice(0, 10);
}

function validDate(text: string): boolean {
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

export function todayUtc(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}
