import { describe, expect, it } from 'vitest';
import { IMPORT_PLACEHOLDER } from '../../src/types.js';
import { importRegistry } from '../../src/importers/index.js';
import { byKey, expectYamlRoundTrip, importError, importFixture, noteCodes } from './import-helpers.js';

describe('GrowthBook importer: REST API v1 feature list', () => {
  const result = importFixture('growthbook', 'features-v1.json');
  const flags = byKey(result.flags);

  it('imports features in export order, skipping JSON features, from production by default', () => {
    expect(result.flags.map((f) => f.key)).toEqual(['new-nav', 'checkout-upsell-exp', 'max-cart-items', 'gift-wrap', 'search-ranking', 'legacy-cart']);
    expect(noteCodes(result)).toEqual(['import/rolled-back gift-wrap', 'import/unsupported-value theme-tokens']);
    expect(result.yaml).toContain('(environment: production)');
  });

  it('an unconditional force rule after a disabled rule makes the feature complete with its (parsed) value', () => {
    expect(flags['new-nav']).toEqual({
      key: 'new-nav',
      type: 'release',
      owner: 'dana@shop.example',
      description: 'Rebuilt top navigation',
      created: '2026-08-03',
      expires: '2026-12-01',
      state: 'complete',
      value: true,
      since: '2026-10-02',
      tags: ['navigation'],
    });
  });

  it('no rules: everyone gets the environment default; types and owners from tags', () => {
    expect(flags['max-cart-items']).toMatchObject({ type: 'ops', owner: 'checkout', state: 'complete', value: 75 });
  });

  it('experiments, targeted rules and partial rollouts stay active; a userId is no owner', () => {
    expect(flags['checkout-upsell-exp']).toMatchObject({ type: 'experiment', owner: IMPORT_PLACEHOLDER, state: 'active' });
    expect(flags['search-ranking']).toMatchObject({ state: 'active' });
    expect(flags['search-ranking'].value).toBeUndefined();
  });

  it('a disabled environment serves false to every user; archived is a tombstone', () => {
    expect(flags['gift-wrap']).toMatchObject({ state: 'complete', value: false, since: '2026-11-02' });
    expect(flags['legacy-cart']).toMatchObject({ state: 'archived', since: '2026-03-15' });
  });

  it('another environment gives other states', () => {
    const dev = byKey(importFixture('growthbook', 'features-v1.json', 'dev').flags);
    expect(dev['gift-wrap']).toMatchObject({ state: 'complete', value: true });
    expect(dev['max-cart-items']).toMatchObject({ value: 50 });
  });

  it('round-trips through YAML', () => {
    expectYamlRoundTrip(result);
  });
});

describe('GrowthBook importer: REST API v2 single feature', () => {
  it('takes the rules scoped to the chosen environment', () => {
    const prod = importFixture('growthbook', 'feature-v2.json');
    expect(prod.flags).toEqual([expect.objectContaining({ key: 'annual-pricing', state: 'complete', value: true, owner: 'pricing@shop.example' })]);
    const staging = importFixture('growthbook', 'feature-v2.json', 'staging');
    expect(staging.flags[0]).toMatchObject({ state: 'complete', value: false });
  });
});

describe('GrowthBook importer: files it cannot read', () => {
  it('rejects JSON that is not a features export, and an unknown environment', () => {
    const notGb = importError(() => importRegistry('growthbook', '{"flags": []}', { file: 'x.json' }));
    expect(notGb.diagnostics[0]).toMatchObject({ code: 'import/missing-key' });
    expect(notGb.diagnostics[0].fix).toContain('/api/v1/features');
    const env = importError(() => importFixture('growthbook', 'features-v1.json', 'qa'));
    expect(env.diagnostics[0].message).toContain('available: dev, production');
  });
});
