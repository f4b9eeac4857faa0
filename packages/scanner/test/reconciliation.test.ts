import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { overBudget } from '../src/index.js';
import { referencesOf, scanFixture } from './helpers.js';

describe('reconciliation: categories', async () => {
  const result = await scanFixture('reconciliation', 'categories');

  it('lists every occurrence of an unregistered key, with a suggestion when one is close', () => {
    expect(result.unregistered).toEqual([
      { flag: 'checkout-v3', file: 'src/checkout/Checkout.tsx', line: 5, column: 14, suggestion: 'checkout-v2' },
      { flag: 'checkoutV2', file: 'src/checkout/payment.ts', line: 5, column: 7, suggestion: 'checkout-v2' },
      { flag: 'totally-unknown-thing', file: 'src/checkout/payment.ts', line: 6, column: 7 },
    ]);
    expect(result.summary.unregistered).toBe(3);
  });

  it('leaves the suggestions out when told to (history reports counts only), and nothing else', async () => {
    const bare = await scanFixture('reconciliation', 'categories', { suggestions: false });
    expect(bare.unregistered).toEqual(result.unregistered.map(({ suggestion: _suggestion, ...rest }) => rest));
    expect(bare.unregistered.some((u) => 'suggestion' in u)).toBe(false);
    expect({ ...bare, unregistered: [] }).toEqual({ ...result, unregistered: [] });
  });

  it('calls a registered flag unused when nothing evaluates it, even if an enum declares it', () => {
    expect(result.unused).toEqual([{ flag: 'old-banner' }, { flag: 'holiday-theme' }]);
    expect(referencesOf(result, 'holiday-theme')).toEqual(['src/theme/themes.ts:3:3 declaration ThemeFlag']);
  });

  it('reports archived flags that code still reads, loudly, and never as unused', () => {
    const legacy = result.flags.find((f) => f.key === 'legacy-search')!;
    expect(legacy.state).toBe('archived');
    expect(legacy.references).toBe(1);
    expect(legacy.reasons[0]).toMatch(/^archived on 2025-07-01 but still referenced once/);
    expect(result.summary.archivedReferenced).toBe(1);
    expect(result.unused.map((u) => u.flag)).not.toContain('retired-promo');
    expect(result.unregistered.map((u) => u.flag)).not.toContain('legacy-search');
  });

  it('lists every registry flag, archived ones too, and counts only live ones', () => {
    expect(result.flags.map((f) => f.key)).toEqual(['checkout-v2', 'old-banner', 'holiday-theme', 'legacy-search', 'retired-promo']);
    expect(result.summary.flags).toBe(3);
  });

  it('marks references in test files from the tests globs', () => {
    const checkout = result.references.filter((r) => r.flag === 'checkout-v2').map((r) => [r.file, r.test]);
    expect(checkout).toEqual([
      ['src/__tests__/payment.ts', true],
      ['src/checkout/Checkout.spec.ts', true],
      ['src/checkout/Checkout.tsx', false],
    ]);
  });

  it('checks the budget from the config', () => {
    // budget: stale 0, unregistered 1; the fixture has no stale flag, 3 unregistered reads and
    // one archived flag that is still read (over the default budget of 0 for those)
    const archived = 'an archived key must never be used again: rename the flag in code, or restore it in the registry';
    expect(overBudget(result, { stale: 0, unregistered: 1 })).toEqual([
      '3 unregistered flag reads, budget is 1: add the keys to the registry or fix the typos',
      `1 archived flag still read, budget is 0: ${archived}`,
    ]);
    expect(overBudget(result, { unregistered: 3, archivedReferenced: 1 })).toEqual([]);
    expect(overBudget(result, {})).toEqual([`1 archived flag still read, budget is 0: ${archived}`]);
    expect(overBudget(result, { archivedReferenced: 1, unused: 1, dynamic: 0 })).toEqual(['2 unused flags, budget is 1: archive flags no code reads in the registry']);
    expect(overBudget(result, { archivedReferenced: 1, unused: 2 })).toEqual([]);
  });
});

describe('reconciliation: staleness', async () => {
  const result = await scanFixture('reconciliation', 'staleness');
  const flag = (key: string) => result.flags.find((f) => f.key === key)!;

  it('gives a reason with its evidence for every stale flag', () => {
    expect(flag('complete-rollout')).toMatchObject({
      stale: true,
      ageDays: 81,
      reasons: ['complete for 51 days (policy: 14)', 'created 2026-09-01, 81 days old (policy: 60)'],
    });
    expect(flag('expired-experiment')).toMatchObject({ stale: true, reasons: ['expired on 2026-11-01 (20 days ago)'] });
    expect(flag('old-release')).toMatchObject({ stale: true, reasons: ['created 2026-07-01, 143 days old (policy: 60)'] });
  });

  it('applies the configured policy per type (ops: maxAgeDays 365)', () => {
    expect(flag('ops-kill-search')).toMatchObject({ stale: true, ageDays: 689, reasons: ['created 2025-01-01, 689 days old (policy: 365)'] });
    expect(flag('ops-kill-recs')).toMatchObject({ stale: false, reasons: [] });
    expect(flag('fresh-release')).toMatchObject({ stale: false, ageDays: 20 });
    expect(result.summary.stale).toBe(4);
  });

  it('uses --now: a day earlier, the experiment has not yet expired', async () => {
    const before = await scanFixture('reconciliation', 'staleness', { now: '2026-10-31' });
    expect(before.flags.find((f) => f.key === 'expired-experiment')).toMatchObject({ stale: false, reasons: [] });
  });

  it('flags the budget when stale flags exceed it', () => {
    expect(overBudget(result, { stale: 3 })).toEqual(['4 stale flags, budget is 3: remove some with `flagdebt remove <flag>`']);
    expect(overBudget(result, { stale: 4 })).toEqual([]);
  });
});

describe('reconciliation: tests and sub-folders (monorepo)', async () => {
  const whole = await scanFixture('reconciliation', 'monorepo');
  const web = await scanFixture('reconciliation', 'monorepo/apps/web');

  it('lists a key read only in a test file apart, never as an unregistered finding or against a budget of 0', () => {
    expect(whole.unregistered).toEqual([]);
    // Test files by the default globs: an `e2e/` folder, a NestJS `*.e2e-spec.ts`, a Jest
    // project's `*.servertest.ts`, `__tests__/`.
    expect(whole.unregisteredInTests).toEqual([
      { flag: 'e2e-audit-export', file: 'apps/admin/e2e/audit-log.ts', line: 5, column: 10, test: true },
      { flag: 'servertest-export-limit', file: 'apps/admin/src/audit-export.servertest.ts', line: 4, column: 50, test: true },
      { flag: 'e2e-seed-audit-log', file: 'apps/admin/src/audit.e2e-spec.ts', line: 4, column: 45, test: true },
      { flag: 'test-only-flag', file: 'apps/web/src/__tests__/Nav.test.tsx', line: 5, column: 10, test: true },
    ]);
    expect(whole.summary.unregistered).toBe(0);
    expect(whole.summary.unregisteredInTests).toBe(4);
    expect(overBudget(whole, { unregistered: 0 })).toEqual([]);
  });

  it('scans a sub-folder in the context of the whole project: wrappers elsewhere, paths and files of the sub-folder', () => {
    expect(web.root.endsWith(`monorepo${path.sep}apps${path.sep}web`)).toBe(true);
    expect(referencesOf(web, 'new-nav')).toEqual(['src/nav/Nav.tsx:4:17 evaluation useFeature']);
    expect(web.references.map((r) => r.file)).toEqual(['src/__tests__/Nav.test.tsx', 'src/nav/Nav.tsx']);
    expect(web.summary.files).toBe(2);
  });

  it('calls a flag unused only when no code in the project reads it, also for a sub-folder', () => {
    expect(referencesOf(web, 'audit-log')).toEqual([]);
    expect(web.unused).toEqual([{ flag: 'old-footer' }]);
    expect(whole.unused).toEqual([{ flag: 'old-footer' }]);
  });

  it('with context `folder`, sees only the sub-folder (what history does): the wrapper is not found', async () => {
    const folderOnly = await scanFixture('reconciliation', 'monorepo/apps/web', { context: 'folder' });
    expect(referencesOf(folderOnly, 'new-nav')).toEqual([]);
  });
});
