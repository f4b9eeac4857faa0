import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORT_PLACEHOLDER } from '../../src/types.js';
import { importRegistry } from '../../src/importers/index.js';
import { byKey, expectYamlRoundTrip, fixturePath, importError, importFixture, noteCodes } from './import-helpers.js';

const exportText = readFileSync(fixturePath('unleash', 'export-production.json'), 'utf8');

function importEdited(edit: (data: Record<string, unknown[]>) => void) {
  const data = JSON.parse(exportText) as Record<string, unknown[]>;
  edit(data);
  return importRegistry('unleash', JSON.stringify(data, null, 2), { file: 'export.json', now: '2026-11-21' });
}

describe('Unleash importer: one-environment export', () => {
  const result = importFixture('unleash', 'export-production.json');
  const flags = byKey(result.flags);

  it('imports every feature in source order', () => {
    expect(result.flags.map((flag) => flag.key)).toEqual([
      'checkout-v2',
      'search-v2',
      'beta-dashboard',
      'kill-payments-provider',
      'export-csv',
      'old-header',
      'pricing-page',
      'cache-warmup',
      'holiday-theme',
      'one-click-reorder',
    ]);
  });

  it('maps an enabled flexibleRollout of "100" without constraints to complete true', () => {
    expect(flags['checkout-v2']).toEqual({
      key: 'checkout-v2',
      type: 'release',
      owner: 'payments',
      description: 'Rebuilt checkout flow',
      created: '2024-03-04',
      expires: IMPORT_PLACEHOLDER,
      state: 'complete',
      value: true,
    });
  });

  it('reads the rollout as a string percentage and ignores disabled strategies', () => {
    expect(flags['search-v2'].state).toBe('active');
    expect(flags['search-v2'].owner).toBe(IMPORT_PLACEHOLDER);
  });

  it('keeps flags with constraints, segments or a parent dependency active', () => {
    expect(flags['beta-dashboard']).toMatchObject({ state: 'active', created: IMPORT_PLACEHOLDER });
    expect(flags['holiday-theme'].state).toBe('active');
    expect(flags['one-click-reorder'].state).toBe('active');
    const withoutDependency = byKey(importEdited((data) => (data.dependencies = [])).flags);
    expect(withoutDependency['one-click-reorder']).toMatchObject({ state: 'complete', value: true });
  });

  it('maps types and prefers owner/team tags over simple tags', () => {
    expect(flags['kill-payments-provider']).toEqual({
      key: 'kill-payments-provider',
      type: 'ops',
      owner: 'payments-sre',
      description: 'Switch off the external payment provider',
      created: '2023-01-10',
      state: 'complete',
      value: true,
      tags: ['critical'],
    });
    expect(flags['export-csv']).toMatchObject({ type: 'permission', owner: 'billing', state: 'active' });
    expect(flags['export-csv'].expires).toBeUndefined();
  });

  it('maps archived and stale features', () => {
    expect(flags['old-header']).toMatchObject({ state: 'archived', since: '2024-02-15', tags: ['stale'] });
    expect(flags['old-header'].description).toBeUndefined();
    expect(flags['cache-warmup']).toMatchObject({ type: 'ops', owner: 'platform', state: 'active', tags: ['stale'] });
  });

  it('uses the payload of a single variant weighted 1000', () => {
    expect(flags['pricing-page']).toMatchObject({ type: 'experiment', owner: 'growth', state: 'complete', value: '3col' });
  });

  it('has nothing to note and round-trips through YAML', () => {
    expect(result.notes).toEqual([]);
    expectYamlRoundTrip(result);
    expect(result.yaml).toContain('(environment: production)');
  });
});

describe('Unleash importer: odd inputs', () => {
  it('treats an unrepresentable payload as active, with a note', () => {
    const result = importEdited((data) => {
      const strategy = data.featureStrategies.find((s) => (s as { featureName: string }).featureName === 'pricing-page') as { variants: { payload: object }[] };
      strategy.variants[0].payload = { type: 'json', value: '{"columns":3}' };
    });
    expect(byKey(result.flags)['pricing-page'].state).toBe('active');
    expect(noteCodes(result)).toEqual(['import/unsupported-value pricing-page']);
  });

  it('reads a number payload and ignores variants weighted 0', () => {
    const result = importEdited((data) => {
      const strategy = data.featureStrategies.find((s) => (s as { featureName: string }).featureName === 'pricing-page') as { variants: object[] };
      strategy.variants = [
        { name: 'tiers-3', weight: 1000, weightType: 'variable', stickiness: 'default', payload: { type: 'number', value: '3' } },
        { name: 'tiers-4', weight: 0, weightType: 'fix', stickiness: 'default', payload: { type: 'number', value: '4' } },
      ];
    });
    expect(byKey(result.flags)['pricing-page']).toMatchObject({ state: 'complete', value: 3 });
  });

  it('keeps every flag active without featureEnvironments, with one note', () => {
    const result = importEdited((data) => delete data.featureEnvironments);
    expect(result.flags.filter((flag) => flag.state === 'complete')).toEqual([]);
    expect(noteCodes(result)).toEqual(['import/no-environment -']);
  });

  it('falls back to release for an unknown feature type, with a note at the type', () => {
    const result = importEdited((data) => ((data.features[1] as { type: string }).type = 'custom-lifecycle'));
    expect(byKey(result.flags)['search-v2'].type).toBe('release');
    expect(result.notes[0]).toMatchObject({ code: 'import/unknown-type', flag: 'search-v2' });
    expect(result.notes[0].line).toBeGreaterThan(0);
  });

  it('reports a missing required top-level key as fatal', () => {
    const error = importError(() => importEdited((data) => delete data.tagTypes));
    expect(error.diagnostics[0]).toMatchObject({ code: 'import/missing-key', severity: 'error', file: 'export.json' });
    expect(error.diagnostics[0].message).toContain('`tagTypes`');
  });
});

describe('Unleash importer: several environments in one file', () => {
  it('uses production by default', () => {
    const result = importFixture('unleash', 'export-two-environments.json');
    const flags = byKey(result.flags);
    expect(flags['new-navigation'].state).toBe('active');
    expect(flags['reviews-widget']).toMatchObject({ state: 'complete', value: 'stars', owner: 'catalog' });
    expectYamlRoundTrip(result);
  });

  it('filters strategies by --environment', () => {
    const flags = byKey(importFixture('unleash', 'export-two-environments.json', 'development').flags);
    expect(flags['new-navigation']).toMatchObject({ state: 'complete', value: true });
    expect(flags['reviews-widget'].state).toBe('active');
  });

  it('rejects an unknown environment, listing the available ones', () => {
    const error = importError(() => importFixture('unleash', 'export-two-environments.json', 'staging'));
    expect(error.diagnostics[0]).toMatchObject({ code: 'import/unknown-environment' });
    expect(error.diagnostics[0].fix).toContain('development, production');
  });
});
