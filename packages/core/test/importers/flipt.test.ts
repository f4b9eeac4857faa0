import { describe, expect, it } from 'vitest';
import { IMPORT_PLACEHOLDER } from '../../src/types.js';
import { importRegistry } from '../../src/importers/index.js';
import { byKey, expectYamlRoundTrip, importError, importFixture, noteCodes } from './import-helpers.js';

describe('Flipt importer: features.yml', () => {
  const result = importFixture('flipt', 'features.yml');
  const flags = byKey(result.flags);

  it('imports every flag in source order', () => {
    expect(result.flags.map((flag) => flag.key)).toEqual([
      'checkout-v2',
      'search-v2',
      'ops-disable-reviews',
      'sale-banner',
      'internal-tools',
      'everyone-wins',
      'checkout-theme',
      'button-color',
      'banner-text',
      'pricing-experiment',
      'legacy-layout',
    ]);
  });

  it('completes a boolean flag whose rollouts all agree and end with threshold 100', () => {
    expect(flags['checkout-v2']).toEqual({
      key: 'checkout-v2',
      type: 'release',
      owner: 'payments',
      description: 'New checkout flow',
      created: IMPORT_PLACEHOLDER,
      expires: '2025-09-30',
      state: 'complete',
      value: true,
    });
  });

  it('keeps a partial threshold active (an unquoted YAML date still reads as a date)', () => {
    expect(flags['search-v2']).toMatchObject({ state: 'active', expires: '2026-01-31' });
  });

  it('uses `enabled` as the value of a boolean flag without rollouts', () => {
    expect(flags['ops-disable-reviews']).toMatchObject({ type: 'ops', state: 'complete', value: false, owner: 'catalog' });
    expect(flags['ops-disable-reviews'].expires).toBeUndefined();
    expect(flags['sale-banner']).toMatchObject({ state: 'complete', value: true, owner: 'growth', expires: IMPORT_PLACEHOLDER });
  });

  it('treats a segment rollout as partial unless the segment matches everyone', () => {
    expect(flags['internal-tools']).toMatchObject({ type: 'permission', state: 'active' });
    expect(flags['everyone-wins']).toMatchObject({ state: 'complete', value: true });
  });

  it('decides variant flags from rules, distributions and the default variant', () => {
    expect(flags['checkout-theme']).toMatchObject({ state: 'active', owner: 'design' });
    expect(flags['button-color']).toMatchObject({ state: 'complete', value: 'green' });
    expect(flags['banner-text']).toMatchObject({ state: 'complete', value: 'welcome', owner: IMPORT_PLACEHOLDER });
    expect(flags['pricing-experiment']).toMatchObject({ type: 'experiment', state: 'active' });
  });

  it('notes disabled variant flags and bad expiry dates with their line', () => {
    expect(flags['legacy-layout'].state).toBe('active');
    expect(noteCodes(result).sort()).toEqual(['import/disabled legacy-layout', 'import/invalid-date sale-banner']);
    const disabled = result.notes.find((note) => note.code === 'import/disabled');
    // The note points at `enabled: false` of legacy-layout.
    expect(disabled).toMatchObject({ line: 131, column: 5 });
  });

  it('round-trips through YAML', () => {
    expectYamlRoundTrip(result);
    expect(result.yaml).toMatch(/^# Imported from Flipt file features\.yml on 2026-11-21/);
  });
});

describe('Flipt importer: several namespaces and broken files', () => {
  it('reads every document and keeps the first of two equal keys', () => {
    const result = importFixture('flipt', 'namespaces.features.yml');
    expect(result.flags.map((flag) => [flag.key, flag.state, flag.value])).toEqual([
      ['quick-view', 'complete', true],
      ['bulk-edit', 'complete', false],
    ]);
    expect(byKey(result.flags)['bulk-edit'].type).toBe('permission');
    expect(noteCodes(result)).toEqual(['import/duplicate-key quick-view']);
  });

  it('reports invalid YAML with line and column', () => {
    const text = 'version: "1.4"\nnamespace: default\nflags:\n  - key: a\n   name: broken\nsegments: []\n';
    const error = importError(() => importRegistry('flipt', text, { file: 'features.yml' }));
    expect(error.diagnostics[0]).toMatchObject({ code: 'import/invalid-yaml', file: 'features.yml', line: 5 });
  });

  it('reports a missing required top-level key', () => {
    const text = 'version: "1.4"\nnamespace: default\nflags: []\n';
    const error = importError(() => importRegistry('flipt', text, { file: 'features.yml' }));
    expect(error.diagnostics[0]).toMatchObject({ code: 'import/missing-key' });
    expect(error.diagnostics[0].message).toContain('`segments`');
  });
});
