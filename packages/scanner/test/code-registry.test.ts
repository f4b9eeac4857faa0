import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { renderScan } from '../src/index.js';
import { referencesOf, scanFixture } from './helpers.js';

const schema = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../schema/scan-result.v1.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

/** `key type owner state created stale` of every flag, in registry order. */
function flagsOf(result: Awaited<ReturnType<typeof scanFixture>>): string[] {
  return result.flags.map((f) => `${f.key} ${f.type} ${f.owner} ${f.state} ${f.created} ${f.stale ? 'stale' : 'fresh'}`);
}

describe('code registry: union of string literals plus a UI flags type (Unleash-like)', async () => {
  const result = await scanFixture('code-registry', 'union');

  it('reads both exports as one registry; metadata YAML over JSDoc; archived tombstones only in the YAML', () => {
    expect(flagsOf(result)).toEqual([
      'anonymiseEventLog ops platform active 2025-02-10 fresh',
      // owner and expires from the YAML, created from JSDoc, type by default
      'newNav release web active 2026-01-05 stale',
      // a multi-line JSDoc block
      'projectExport experiment enterprise active 2026-09-01 fresh',
      'signalsDashboard release growth active 2026-10-02 fresh',
      // only in the UI type
      'darkTheme release design active 2026-08-20 stale',
      'legacyBanner release web archived 2024-05-01 fresh',
    ]);
    const newNav = result.flags.find((f) => f.key === 'newNav')!;
    expect(newNav.reasons).toEqual(['expired on 2026-06-30 (144 days ago)', 'created 2026-01-05, 320 days old (policy: 90)']);
    expect(newNav.description).toBe('Navigation rework.');
  });

  it('reconciles reads against the code: unused, unregistered with a suggestion', () => {
    expect(result.unused).toEqual([{ flag: 'projectExport' }, { flag: 'signalsDashboard' }]);
    expect(result.unregistered).toEqual([{ flag: 'projectExprt', file: 'src/lib/services/event-service.ts', line: 15, column: 16, suggestion: 'projectExport' }]);
    expect(referencesOf(result, 'darkTheme')).toEqual(['frontend/src/component/Header.tsx:5:18 evaluation useUiFlag']);
  });

  it('reports a metadata entry no code lists, at its line in the YAML', () => {
    expect(result.problems).toEqual([
      { file: 'flags.yaml', line: 16, severity: 'warning', message: expect.stringMatching(/"strayFlag" is in the metadata file but no `registry.code` export lists it/) },
    ]);
  });
});

describe('code registry: string enum in a workspace package, metadata in JSDoc only', async () => {
  const result = await scanFixture('code-registry', 'enum');

  it('resolves `@shop/flags#FeatureFlag` through the barrel and reads every tag', () => {
    expect(flagsOf(result)).toEqual([
      'new-search release search active 2026-03-02 stale',
      'one-click-checkout experiment checkout complete 2026-10-01 stale',
      'disable-recommendations ops ops active 2025-11-20 fresh',
      // @deprecated: a tombstone that code still reads
      'legacy-search release search archived 2025-01-10 fresh',
      'gift-cards release catalog active 2026-11-01 fresh',
    ]);
    const oneClick = result.flags.find((f) => f.key === 'one-click-checkout')!;
    expect(oneClick).toMatchObject({ value: true, since: '2026-11-01', reasons: ['complete for 20 days (policy: 0)'] });
    expect(result.flags.find((f) => f.key === 'new-search')!.expires).toBe('2026-09-30');
  });

  it('counts archived reads, unused flags, and no unregistered key', () => {
    expect(result.summary).toMatchObject({ archivedReferenced: 1, unregistered: 0, stale: 2 });
    expect(result.unused).toEqual([{ flag: 'gift-cards' }]);
    expect(referencesOf(result, 'legacy-search')).toContain('apps/web/src/checkout/Checkout.tsx:5:18 evaluation flags.isEnabled');
  });
});

describe('code registry in reports', async () => {
  const result = await scanFixture('code-registry', 'enum');

  it('says where each key is declared, in JSON the schema accepts', () => {
    expect(result.flags.map((f) => f.declared)).toEqual([
      { file: 'packages/flags/src/feature-flag.ts', line: 9 },
      { file: 'packages/flags/src/feature-flag.ts', line: 11 },
      { file: 'packages/flags/src/feature-flag.ts', line: 13 },
      { file: 'packages/flags/src/feature-flag.ts', line: 15 },
      { file: 'packages/flags/src/feature-flag.ts', line: 17 },
    ]);
    const json = JSON.parse(renderScan(result, 'json'));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  });

  it('points SARIF findings at the declaration too, and shows it in the HTML flag table', () => {
    const sarif = JSON.parse(renderScan(result, 'sarif'));
    const stale = sarif.runs[0].results.find((r: { ruleId: string; properties: { flag: string } }) => r.ruleId === 'flagdebt/stale-flag' && r.properties.flag === 'new-search');
    expect(stale.relatedLocations).toEqual([
      { id: 1, message: { text: '"new-search" is declared here' }, physicalLocation: { artifactLocation: { uri: 'packages/flags/src/feature-flag.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 9 } } },
    ]);
    expect(renderScan(result, 'html')).toContain('<code>new-search</code><br><small>packages/flags/src/feature-flag.ts:9</small>');
  });
});

describe('code registry: `as const` object of ids', async () => {
  const result = await scanFixture('code-registry', 'as-const');

  it('takes the values as keys, metadata from flags.yaml beside the config and JSDoc', () => {
    expect(flagsOf(result)).toEqual([
      'powerSteering experiment ai active 2026-06-01 stale',
      'mcpServers experiment ai active 2026-11-10 fresh',
      'onboardingTour experiment growth complete 2026-04-01 stale',
    ]);
    expect(result.flags[0].reasons).toEqual(['created 2026-06-01, 173 days old (policy: 30)']);
    expect(result.flags[0].description).toBe('Suggests edits while typing.');
    expect(result.unused).toEqual([{ flag: 'onboardingTour' }]);
    expect(result.unregistered).toEqual([]);
  });
});

describe('code registry: settings map with per-flag metadata', async () => {
  const result = await scanFixture('code-registry', 'settings');

  it('lists only the entries marked isFeature, with their defaults', () => {
    expect(flagsOf(result)).toEqual([
      'feature_polls release messaging active 2025-03-01 stale',
      'feature_video_rooms release rooms active 2026-10-20 fresh',
      'feature_threads release messaging archived 2024-01-01 fresh',
    ]);
    expect(result.flags[0].description).toBe('Create polls in rooms');
  });

  it('a plain setting read through the same accessor is not a registered flag', () => {
    expect(result.unregistered.map((u) => u.flag)).toEqual(['theme']);
    expect(result.summary.archivedReferenced).toBe(1);
    expect(result.unused).toEqual([]);
  });
});

describe('code registry: generated feature types', async () => {
  const result = await scanFixture('code-registry', 'typed-features');

  it('takes the property names, metadata from the configured metadata file', () => {
    expect(flagsOf(result)).toEqual([
      'new-nav release web active 2026-02-01 stale',
      'limit ops platform active 2025-12-01 fresh',
      'beta-banner release growth active 2026-11-15 fresh',
    ]);
    expect(result.unused).toEqual([{ flag: 'beta-banner' }]);
    expect(result.unregistered).toEqual([]);
    expect(result.problems).toEqual([]);
  });
});
