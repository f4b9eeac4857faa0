import { describe, expect, it } from 'vitest';
import { IMPORT_PLACEHOLDER } from '../../src/types.js';
import { importRegistry } from '../../src/importers/index.js';
import { byKey, expectYamlRoundTrip, importError, importFixture, noteCodes } from './import-helpers.js';

describe('OpenFeature importer: manifest map', () => {
  const result = importFixture('openfeature', 'flags.json');
  const flags = byKey(result.flags);

  it('accepts both `flagType` and `type` and skips object flags', () => {
    expect(result.flags.map((flag) => flag.key)).toEqual(['checkoutV2', 'checkoutTheme', 'maxCartItems', 'discountRate', 'pricingExperiment', 'retryBudget']);
    expect(noteCodes(result)).toEqual(['import/unsupported-value themeTokens', 'import/invalid-default retryBudget']);
  });

  it('maps defaultValue to default, leaves state active and owner/created as placeholders', () => {
    expect(flags.checkoutV2).toEqual({
      key: 'checkoutV2',
      type: 'release',
      owner: IMPORT_PLACEHOLDER,
      description: 'New checkout flow',
      created: IMPORT_PLACEHOLDER,
      expires: IMPORT_PLACEHOLDER,
      state: 'active',
      default: false,
    });
    expect(flags.checkoutTheme.default).toBe('blue');
    expect(flags.maxCartItems.default).toBe(50);
    expect(flags.discountRate.default).toBe(0.15);
  });

  it('reads the proposed `expiry` and recognises experiments by name', () => {
    expect(flags.pricingExperiment).toMatchObject({ type: 'experiment', expires: '2026-03-31', default: 'control' });
  });

  it('drops a default that does not match the declared type', () => {
    expect(flags.retryBudget.default).toBeUndefined();
    expect(result.notes[1].message).toContain('not an integer');
    expect(result.notes[1].line).toBe(10);
  });

  it('round-trips through YAML with the placeholder comment', () => {
    expectYamlRoundTrip(result);
    expect(result.yaml).toContain(`# ${IMPORT_PLACEHOLDER}: owner, created, expires (not in the OpenFeature manifest export)\n  checkoutV2:`);
  });
});

describe('OpenFeature importer: sync API array', () => {
  it('reads keys from the array items', () => {
    const result = importFixture('openfeature', 'sync-manifest.json');
    expect(result.flags.map((flag) => [flag.key, flag.type, flag.default])).toEqual([
      ['new-search', 'release', false],
      ['banner-text', 'release', 'Welcome'],
      ['page-size', 'release', 24],
      ['ab-test-hero', 'experiment', 'a'],
    ]);
    expect(noteCodes(result)).toEqual(['import/unsupported-value layout-config']);
    expect(result.notes[0].line).toBe(6);
    expectYamlRoundTrip(result);
  });

  it('needs a top-level `flags`', () => {
    const error = importError(() => importRegistry('openfeature', '{"flag": {}}', { file: 'flags.json' }));
    expect(error.diagnostics[0]).toMatchObject({ code: 'import/missing-key', file: 'flags.json' });
  });
});
