/**
 * The staleness policy: is a flag debt yet, and why. Reasons carry their evidence (dates,
 * day counts, the policy threshold) because "stale" alone gets ignored.
 */
import type { FlagDefinition, IsoDate, StalenessConfig } from '../types.js';
import { daysBetween, parseIsoDate } from './dates.js';

export interface StalenessVerdict {
  stale: boolean;
  reasons: string[];
  /** Days since `created` (0 when the date is unusable). */
  ageDays: number;
}

/** Expired from the `expires` date on: the date names the day the flag should be gone. */
export function isExpired(flag: FlagDefinition, now: IsoDate): boolean {
  if (flag.expires === undefined || !parseIsoDate(flag.expires) || !parseIsoDate(now)) return false;
  return daysBetween(flag.expires, now) >= 0;
}

function ago(days: number): string {
  if (days === 0) return 'today';
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

function plural(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

function safeDays(from: IsoDate | undefined, now: IsoDate): number | undefined {
  return from !== undefined && parseIsoDate(from) && parseIsoDate(now) ? daysBetween(from, now) : undefined;
}

export function evaluateStaleness(flag: FlagDefinition, policy: StalenessConfig, now: IsoDate): StalenessVerdict {
  const ageDays = Math.max(0, safeDays(flag.created, now) ?? 0);
  // An archived flag is a tombstone: nothing left to pay down.
  if (flag.state === 'archived') return { stale: false, reasons: [], ageDays };
  const rules = policy[flag.type] ?? {};
  const reasons: string[] = [];

  if (flag.state === 'complete' && rules.completeForDays !== undefined) {
    const sinceDays = safeDays(flag.since, now);
    const completeDays = Math.max(0, sinceDays ?? ageDays);
    // "More than N days"; 0 means stale as soon as the rollout is over.
    if (rules.completeForDays === 0 || completeDays > rules.completeForDays) {
      const counted = sinceDays === undefined ? ', counted from `created` because `since` is not set' : '';
      reasons.push(`complete for ${plural(completeDays)} (policy: ${rules.completeForDays}${counted})`);
    }
  }

  if (rules.expires !== false && isExpired(flag, now)) {
    reasons.push(`expired on ${flag.expires} (${ago(daysBetween(flag.expires as string, now))})`);
  }

  if (rules.maxAgeDays !== undefined && ageDays > rules.maxAgeDays) {
    reasons.push(`created ${flag.created}, ${ageDays} days old (policy: ${rules.maxAgeDays})`);
  }

  return { stale: reasons.length > 0, reasons, ageDays };
}
