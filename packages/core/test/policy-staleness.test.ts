import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STALENESS, evaluateStaleness, isExpired, loadRegistry } from '../src/index.js';
import type { FlagDefinition } from '../src/index.js';

const NOW = '2026-11-21';

function flag(fields: Partial<FlagDefinition>): FlagDefinition {
  return { key: 'f', type: 'release', owner: 'team', created: '2026-11-01', state: 'active', location: { line: 1, column: 1 }, ...fields };
}

describe('evaluateStaleness', () => {
  it('explains a long-finished release flag with all its evidence', () => {
    const { registry } = loadRegistry(join(import.meta.dirname, 'fixtures/registry/shop-yaml/flags.yaml'));
    const verdict = evaluateStaleness(registry.flags.get('new-checkout')!, DEFAULT_STALENESS, NOW);
    // Sep 20 -> Nov 21 is 10 + 31 + 21 days; Oct 15 -> Nov 21 is 16 + 21; Aug 1 -> Nov 21 is 31 + 30 + 31 + 20.
    expect(verdict).toEqual({
      stale: true,
      ageDays: 112,
      reasons: ['complete for 62 days (policy: 14)', 'expired on 2026-10-15 (37 days ago)', 'created 2026-08-01, 112 days old (policy: 60)'],
    });
  });

  it('release: complete for exactly the policy days is not stale yet, one more day is', () => {
    const at14 = evaluateStaleness(flag({ state: 'complete', value: true, since: '2026-11-07' }), DEFAULT_STALENESS, NOW);
    expect(at14).toEqual({ stale: false, reasons: [], ageDays: 20 });
    const at15 = evaluateStaleness(flag({ state: 'complete', value: true, since: '2026-11-06' }), DEFAULT_STALENESS, NOW);
    expect(at15.reasons).toEqual(['complete for 15 days (policy: 14)']);
  });

  it('release: stale once older than maxAgeDays, even while active', () => {
    expect(evaluateStaleness(flag({ created: '2026-09-22' }), DEFAULT_STALENESS, NOW)).toMatchObject({ stale: false, ageDays: 60 });
    expect(evaluateStaleness(flag({ created: '2026-09-21' }), DEFAULT_STALENESS, NOW).reasons).toEqual(['created 2026-09-21, 61 days old (policy: 60)']);
  });

  it('experiment: stale as soon as it is complete, and not by age', () => {
    const decided = flag({ type: 'experiment', created: '2026-01-01', expires: '2027-01-01', state: 'complete', value: 'green', since: NOW });
    expect(evaluateStaleness(decided, DEFAULT_STALENESS, NOW).reasons).toEqual(['complete for 0 days (policy: 0)']);
    const running = { ...decided, state: 'active' as const };
    expect(evaluateStaleness(running, DEFAULT_STALENESS, NOW)).toEqual({ stale: false, reasons: [], ageDays: 324 });
  });

  it('ops and permission flags never age out, but do expire', () => {
    const killSwitch = flag({ type: 'ops', created: '2020-03-01', state: 'complete', value: false, since: '2020-04-01' });
    expect(evaluateStaleness(killSwitch, DEFAULT_STALENESS, NOW).stale).toBe(false);
    const permission = flag({ type: 'permission', created: '2021-01-01', expires: '2026-11-01' });
    expect(evaluateStaleness(permission, DEFAULT_STALENESS, NOW).reasons).toEqual(['expired on 2026-11-01 (20 days ago)']);
  });

  it('counts the expiry day itself as expired', () => {
    const dueToday = flag({ expires: NOW });
    expect(isExpired(dueToday, NOW)).toBe(true);
    expect(isExpired(dueToday, '2026-11-20')).toBe(false);
    expect(evaluateStaleness(dueToday, DEFAULT_STALENESS, NOW).reasons).toEqual([`expired on ${NOW} (today)`]);
    expect(evaluateStaleness(flag({ expires: '2026-11-20' }), DEFAULT_STALENESS, NOW).reasons).toEqual(['expired on 2026-11-20 (1 day ago)']);
  });

  it('never marks an archived flag stale', () => {
    const tombstone = flag({ created: '2024-01-01', expires: '2024-03-01', state: 'archived', value: true, since: '2024-04-01' });
    expect(evaluateStaleness(tombstone, DEFAULT_STALENESS, NOW)).toEqual({ stale: false, reasons: [], ageDays: 1055 });
  });

  it('follows the configured policy, including switching expiry off', () => {
    const expired = flag({ type: 'ops', created: '2025-01-01', expires: '2026-06-01' });
    const policy = { ...DEFAULT_STALENESS, ops: { expires: false, maxAgeDays: 365 } };
    // 2025-01-01 -> 2026-01-01 is 365 days, then 324 more to Nov 21.
    expect(evaluateStaleness(expired, policy, NOW).reasons).toEqual(['created 2025-01-01, 689 days old (policy: 365)']);
  });

  it('counts a complete flag without `since` from its creation date and says so', () => {
    const verdict = evaluateStaleness(flag({ created: '2026-10-22', state: 'complete', value: true }), DEFAULT_STALENESS, NOW);
    expect(verdict.reasons).toEqual(['complete for 30 days (policy: 14, counted from `created` because `since` is not set)']);
  });
});
