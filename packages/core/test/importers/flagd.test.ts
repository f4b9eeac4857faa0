import { describe, expect, it } from 'vitest';
import { IMPORT_PLACEHOLDER } from '../../src/types.js';
import { importRegistry } from '../../src/importers/index.js';
import { byKey, expectYamlRoundTrip, importError, importFixture, noteCodes } from './import-helpers.js';

describe('flagd importer: flags as a map', () => {
  const result = importFixture('flagd', 'flags.json');
  const flags = byKey(result.flags);

  it('skips object variants with a note and keeps the other flags in order', () => {
    expect(result.flags.map((flag) => flag.key)).toEqual([
      'checkout-v2',
      'new-navigation',
      'checkout-theme',
      'search-ranker',
      'max-cart-items',
      'legacy-export',
      'no-default',
    ]);
    expect(noteCodes(result)).toEqual(['import/disabled legacy-export', 'import/unsupported-value theme-tokens']);
    expect(result.notes[1].message).toContain('object');
  });

  it('keeps a flag with targeting rules active', () => {
    expect(flags['checkout-v2']).toEqual({
      key: 'checkout-v2',
      type: 'release',
      owner: 'payments',
      created: '2025-01-15',
      expires: '2025-09-30',
      state: 'active',
    });
  });

  it('completes a flag without targeting (or with empty targeting) with the default variant', () => {
    expect(flags['new-navigation']).toMatchObject({ state: 'complete', value: true, expires: '2026-02-28', created: IMPORT_PLACEHOLDER });
    expect(flags['max-cart-items']).toMatchObject({ type: 'ops', state: 'complete', value: 100 });
    expect(flags['max-cart-items'].expires).toBeUndefined();
  });

  it('completes a fractional split with a single weighted bucket only', () => {
    expect(flags['checkout-theme']).toMatchObject({ state: 'complete', value: 'green' });
    expect(flags['search-ranker']).toMatchObject({ type: 'experiment', state: 'active' });
  });

  it('leaves DISABLED flags and flags without a default variant active', () => {
    expect(flags['legacy-export'].state).toBe('active');
    expect(flags['no-default'].state).toBe('active');
  });

  it('round-trips through YAML', () => {
    expectYamlRoundTrip(result);
  });
});

describe('flagd importer: flags as an array', () => {
  const result = importFixture('flagd', 'flags-array.json');

  it('reads keys from the objects, fractional buckets with the default weight, and metadata types', () => {
    expect(result.flags.map((flag) => [flag.key, flag.type, flag.state, flag.value])).toEqual([
      ['welcome-banner', 'release', 'complete', true],
      ['ops-disable-reviews', 'ops', 'complete', false],
    ]);
    expect(byKey(result.flags)['welcome-banner']).toMatchObject({ owner: 'growth', expires: '2026-01-31' });
    expectYamlRoundTrip(result);
  });

  it('skips mixed-type variants and entries without a key, pointing at them', () => {
    expect(noteCodes(result)).toEqual(['import/unsupported-value mixed', 'import/invalid-flag -']);
    // Line 20 is the `key` of "mixed", line 25 the object without a key.
    expect(result.notes.map((note) => note.line)).toEqual([20, 25]);
  });

  it('needs a top-level `flags`', () => {
    const error = importError(() => importRegistry('flagd', '{"$schema": "https://flagd.dev/schema/v0/flags.json"}', { file: 'flags.json' }));
    expect(error.diagnostics[0]).toMatchObject({ code: 'import/missing-key', file: 'flags.json' });
  });
});

describe('flagd importer: options that do not apply', () => {
  it('ignores --environment with a note, since a flagd file has no environments', () => {
    const result = importFixture('flagd', 'flags-array.json', 'production');
    expect(result.flags).toHaveLength(2);
    expect(result.notes[0]).toMatchObject({ code: 'import/environment-ignored', severity: 'warning', line: 0 });
    expect(result.yaml).not.toContain('environment:');
  });
});
