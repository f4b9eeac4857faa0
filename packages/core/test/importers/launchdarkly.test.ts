import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORT_PLACEHOLDER } from '../../src/types.js';
import { importRegistry } from '../../src/importers/index.js';
import { byKey, expectYamlRoundTrip, fixturePath, importError, importFixture, noteCodes } from './import-helpers.js';

describe('LaunchDarkly importer: full list, production by default', () => {
  const result = importFixture('launchdarkly', 'flags-list.json');
  const flags = byKey(result.flags);

  it('keeps source order and skips flags with JSON variations', () => {
    expect(result.flags.map((flag) => flag.key)).toEqual([
      'checkout-v2',
      'search-ranking',
      'ops-disable-recommendations',
      'premium-export',
      'legacy-banner',
      'new-onboarding',
      'payments-v3',
      'max-cart-items',
    ]);
    const skipped = result.notes.find((note) => note.flag === 'theme-tokens');
    expect(skipped).toMatchObject({ severity: 'warning', code: 'import/unsupported-value' });
    expect(skipped?.line).toBeGreaterThan(0);
  });

  it('maps a flag served to everyone (targets and rules serve the fallthrough) to complete', () => {
    expect(flags['checkout-v2']).toEqual({
      key: 'checkout-v2',
      type: 'release',
      owner: 'payments',
      description: 'Rebuilt checkout flow with saved cards',
      created: '2024-01-01',
      expires: '2025-09-30',
      state: 'complete',
      value: true,
      since: '2024-04-01',
      default: false,
      tags: ['payments', 'release'],
    });
  });

  it('treats a 99999/1 rollout as partial and names experiments as experiments', () => {
    expect(flags['search-ranking']).toMatchObject({ type: 'experiment', owner: 'li@shop.example', state: 'active', default: 'bm25' });
    expect(flags['search-ranking'].value).toBeUndefined();
  });

  it('maps permanent flags to ops or permission by tags, with owners from team tags', () => {
    expect(flags['ops-disable-recommendations']).toMatchObject({ type: 'ops', owner: 'discovery', state: 'active', default: false });
    expect(flags['ops-disable-recommendations'].expires).toBeUndefined();
    expect(flags['premium-export']).toMatchObject({ type: 'permission', owner: 'billing', state: 'active' });
  });

  it('maps archived flags with their archive date', () => {
    expect(flags['legacy-banner']).toMatchObject({ state: 'archived', since: '2023-11-01', owner: 'growth' });
  });

  it('imports a flag that is off as complete with the off value and says so', () => {
    expect(flags['new-onboarding']).toMatchObject({ state: 'complete', value: false, since: '2024-09-01', tags: ['deprecated'] });
    const note = result.notes.find((n) => n.code === 'import/rolled-back');
    expect(note).toMatchObject({ flag: 'new-onboarding', severity: 'warning' });
    expect(note?.line).toBeGreaterThan(0);
  });

  it('keeps flags with prerequisites active', () => {
    expect(flags['payments-v3'].state).toBe('active');
  });

  it('writes placeholders for what LaunchDarkly cannot tell, never invented dates', () => {
    expect(flags['new-onboarding']).toMatchObject({ owner: IMPORT_PLACEHOLDER, expires: IMPORT_PLACEHOLDER });
    expect(flags['max-cart-items']).toMatchObject({ owner: 'checkout-platform', state: 'complete', value: 100, default: 50, expires: IMPORT_PLACEHOLDER });
    expect(noteCodes(result)).toContain('import/invalid-date max-cart-items');
  });

  it('emits YAML that parses back to the same flags', () => {
    expectYamlRoundTrip(result);
    expect(result.yaml).toMatch(/^# Imported from LaunchDarkly file flags-list\.json \(environment: production\) on 2026-11-21/);
    expect(result.yaml).toContain(`# ${IMPORT_PLACEHOLDER}: owner, expires (not in the LaunchDarkly export)\n  new-onboarding:`);
  });
});

describe('LaunchDarkly importer: environments', () => {
  it('reads another environment with --environment staging', () => {
    const result = importFixture('launchdarkly', 'flags-list.json', 'staging');
    const flags = byKey(result.flags);
    expect(flags['checkout-v2'].state).toBe('active');
    expect(flags['search-ranking']).toMatchObject({ state: 'complete', value: 'learned', since: '2024-06-02' });
    expect(flags['ops-disable-recommendations']).toMatchObject({ state: 'complete', value: false });
    expect(flags['premium-export'].state).toBe('active');
    expect(noteCodes(result)).toContain('import/missing-environment premium-export');
    expect(result.yaml).toContain('(environment: staging)');
    expectYamlRoundTrip(result);
  });

  it('refuses to guess between several environments without production', () => {
    const error = importError(() => importFixture('launchdarkly', 'single-flag.json'));
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]).toMatchObject({ code: 'import/choose-environment', severity: 'error' });
    expect(error.diagnostics[0].message).toContain('staging, qa');
    expect(error.diagnostics[0].fix).toContain('--environment');
  });

  it('rejects an environment that is not in the export, listing the available ones', () => {
    const error = importError(() => importFixture('launchdarkly', 'flags-list.json', 'prod'));
    expect(error.diagnostics[0]).toMatchObject({ code: 'import/unknown-environment' });
    expect(error.diagnostics[0].message).toContain('available: production, staging');
  });

  it('imports a single flag object for the chosen environment', () => {
    const staging = importFixture('launchdarkly', 'single-flag.json', 'staging');
    expect(staging.flags).toEqual([
      {
        key: 'dark-mode',
        type: 'release',
        owner: 'sam@shop.example',
        description: 'Dark colour scheme for the storefront',
        created: '2024-07-01',
        expires: '2026-12-31',
        state: 'complete',
        value: true,
        since: '2024-09-01',
        default: false,
        tags: ['frontend'],
      },
    ]);
    // In qa the one targeted user gets the other variation.
    expect(importFixture('launchdarkly', 'single-flag.json', 'qa').flags[0].state).toBe('active');
  });
});

describe('LaunchDarkly importer: rollouts and summaries', () => {
  it('reads rollout weights as thousandths of a percent', () => {
    const flags = byKey(importFixture('launchdarkly', 'rollouts.json').flags);
    expect(flags['almost-everyone'].state).toBe('active');
    expect(flags.everyone).toMatchObject({ state: 'complete', value: true, since: '2025-02-01' });
    expect(flags['rule-rollout'].state).toBe('active');
  });

  it('decides from _summary counts in summarized lists', () => {
    const result = importFixture('launchdarkly', 'summary-list.json');
    const flags = byKey(result.flags);
    expect(flags['free-shipping-banner']).toMatchObject({ state: 'complete', value: true, owner: 'growth' });
    expect(flags['gift-wrap'].state).toBe('active');
    expect(flags['recommendations-v2'].state).toBe('active');
    expect(flags['loyalty-points'].state).toBe('active');
    expect(result.notes).toEqual([]);
    expectYamlRoundTrip(result);
  });

  it('notes when an environment carries no targeting information at all', () => {
    const text = JSON.stringify([{ key: 'bare', temporary: true, variations: [{ value: true }, { value: false }], environments: { production: { on: true, offVariation: 1 } } }]);
    const result = importRegistry('launchdarkly', text, { file: 'bare.json', now: '2026-11-21' });
    expect(result.flags[0].state).toBe('active');
    expect(noteCodes(result)).toEqual(['import/unknown-rollout bare']);
  });
});

describe('LaunchDarkly importer: exports without environments', () => {
  it('imports states as active or archived and says why once', () => {
    const data = JSON.parse(readFileSync(fixturePath('launchdarkly', 'flags-list.json'), 'utf8')) as { items: Record<string, unknown>[] };
    for (const flag of data.items) delete flag.environments;
    const result = importRegistry('launchdarkly', JSON.stringify(data), { file: 'flags.json', now: '2026-11-21' });
    expect(new Set(result.flags.map((flag) => flag.state))).toEqual(new Set(['active', 'archived']));
    expect(noteCodes(result)).toEqual(['import/no-environment -', 'import/invalid-date max-cart-items', 'import/unsupported-value theme-tokens']);
    // Without an environment the default comes from the flag-level `defaults.offVariation`.
    expect(byKey(result.flags)['search-ranking'].default).toBe('bm25');
  });
});

describe('LaunchDarkly importer: unreadable files', () => {
  it('reports invalid JSON with a position', () => {
    const text = readFileSync(fixturePath('launchdarkly', 'single-flag.json'), 'utf8').replace('"kind": "boolean",', '"kind": "boolean",,');
    const error = importError(() => importRegistry('launchdarkly', text, { file: 'flags.json' }));
    expect(error.diagnostics[0]).toMatchObject({ code: 'import/invalid-json', file: 'flags.json', line: 4 });
    expect(error.diagnostics[0].fix).toBeTruthy();
  });

  it('rejects JSON that is not a flag, a list or an array', () => {
    const error = importError(() => importRegistry('launchdarkly', '{"totalCount": 0}', { file: 'flags.json' }));
    expect(error.diagnostics[0]).toMatchObject({ code: 'import/missing-key', line: 0 });
  });
});
