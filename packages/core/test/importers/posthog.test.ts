import { describe, expect, it } from 'vitest';
import { IMPORT_PLACEHOLDER } from '../../src/types.js';
import { importRegistry } from '../../src/importers/index.js';
import { byKey, expectYamlRoundTrip, importError, importFixture, noteCodes } from './import-helpers.js';

describe('PostHog importer: feature flags API list', () => {
  const result = importFixture('posthog', 'feature-flags.json');
  const flags = byKey(result.flags);

  it('imports every flag in order; only the disabled one gets a note', () => {
    expect(result.flags.map((f) => f.key)).toEqual(['onboarding-checklist', 'invoice-history', 'cta-color', 'export-tier', 'signup-survey', 'legacy-dashboard']);
    expect(noteCodes(result)).toEqual(['import/rolled-back signup-survey']);
  });

  it('a condition for everyone at 100 % makes a boolean flag complete; name is the description; owner from a tag', () => {
    expect(flags['onboarding-checklist']).toEqual({
      key: 'onboarding-checklist',
      type: 'release',
      owner: 'growth',
      description: 'Checklist on the onboarding page',
      created: '2026-08-14',
      expires: IMPORT_PLACEHOLDER,
      state: 'complete',
      value: true,
      since: '2026-10-01',
      tags: ['team:growth'],
    });
  });

  it('targeted or partial conditions and split variants stay active; experiments are experiments', () => {
    expect(flags['invoice-history']).toMatchObject({ state: 'active', owner: IMPORT_PLACEHOLDER });
    expect(flags['cta-color']).toMatchObject({ type: 'experiment', state: 'active' });
  });

  it('a variant served to everyone is the value; disabled is false for everyone; deleted is archived', () => {
    expect(flags['export-tier']).toMatchObject({ type: 'ops', state: 'complete', value: 'large' });
    expect(flags['signup-survey']).toMatchObject({ state: 'complete', value: false, since: '2026-11-12' });
    expect(flags['legacy-dashboard']).toMatchObject({ state: 'archived', since: '2026-02-01' });
  });

  it('round-trips through YAML', () => {
    expectYamlRoundTrip(result);
  });
});

describe('PostHog importer: other shapes', () => {
  it('reads one flag, warns about a partial page, rejects what is not a flag export', () => {
    const one = importRegistry('posthog', JSON.stringify({ key: 'dark-mode', name: '', filters: { groups: [] }, active: true, created_at: '2026-01-02T00:00:00Z' }), { file: 'f.json' });
    expect(one.flags).toEqual([expect.objectContaining({ key: 'dark-mode', state: 'active', created: '2026-01-02' })]);
    const page = importRegistry('posthog', JSON.stringify({ count: 120, next: 'https://eu.posthog.com/api/projects/1/feature_flags/?offset=100', results: [] }), { file: 'p.json' });
    expect(noteCodes(page)).toEqual(['import/partial-list -']);
    const wrong = importError(() => importRegistry('posthog', '{"items": []}', { file: 'x.json' }));
    expect(wrong.diagnostics[0]).toMatchObject({ code: 'import/missing-key' });
  });
});
