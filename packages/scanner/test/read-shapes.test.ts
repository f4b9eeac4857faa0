/**
 * Read shapes real code uses besides accessor calls (issue 15, part C): JSX gates, flag
 * containers and keys in data. Each fixture is a miniature project; the scanner reports every
 * read as a reference at the read itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlagProject, loadProjectModel } from '@flagdebt/core';
import type { ScanResult } from '../src/types.js';
import { fixture, referencesOf, scanFixture } from './helpers.js';

function textAt(result: ScanResult, ref: { file: string; line: number; column: number }): string {
  const lines = fs.readFileSync(path.join(result.root, ref.file), 'utf8').split('\n');
  return lines[ref.line - 1].slice(ref.column - 1);
}

describe('JSX gates (jsx-gates)', async () => {
  const result = await scanFixture('references', 'jsx-gates');

  it('reads a configured gate by its key attribute, literal or resolved, with `from`', () => {
    expect(referencesOf(result, 'new-cart')).toEqual(['src/pages/Cart.tsx:7:7 evaluation Feature', 'src/pages/Cart.tsx:10:7 evaluation Feature']);
    expect(referencesOf(result, 'sales-channels')).toEqual([
      'src/flags/keys.ts:3:3 declaration FeatureFlag',
      'src/settings/Channels.tsx:18:7 evaluation FeatureToggle',
      'src/settings/Channels.tsx:21:7 evaluation FeatureToggle',
    ]);
  });

  it('finds components that read a prop as the key (observer, memo of a named component) across files', () => {
    expect(referencesOf(result, 'worklogs')).toEqual([
      'src/flags/keys.ts:4:3 declaration FeatureFlag',
      'src/settings/Channels.tsx:24:7 evaluation WithFeatureFlag',
      'src/settings/Channels.tsx:24:92 evaluation UpgradeButton',
    ]);
    expect(referencesOf(result, 'bulk-export')).toEqual([
      'src/flags/keys.ts:5:3 declaration FeatureFlag',
      'src/settings/Channels.tsx:27:7 evaluation UpgradeButton',
    ]);
    expect(result.unused).toEqual([]);
  });

  it("reports a gate whose key is data as dynamic, and not the gates' own prop reads", () => {
    expect(referencesOf(result, null)).toEqual(['src/settings/Channels.tsx:29:9 dynamic FeatureToggle']);
  });

  it('points every read at its element', () => {
    for (const ref of result.references.filter((r) => r.kind !== 'declaration')) expect(textAt(result, ref)).toMatch(/^<[A-Z]/);
  });

  it('records what renders ON and OFF, for the codemod', () => {
    const { config } = loadProjectModel(fixture('references', 'jsx-gates'));
    const project = new FlagProject({ root: config.root, accessors: config.accessors });
    const channels = path.join(config.root, 'src/settings/Channels.tsx');
    const text = fs.readFileSync(channels, 'utf8');
    const reads = project.readsIn(channels);
    const [withFallback, inverted, hoc] = reads;
    expect(withFallback.gate).toMatchObject({ keyProp: 'featureFlag', whenOn: 'children', whenOff: 'fallback' });
    expect(text.slice(withFallback.gate!.fallbackSpan!.start, withFallback.gate!.fallbackSpan!.end)).toBe('<LegacyChannels />');
    expect(text.slice(withFallback.gate!.childrenSpan!.start, withFallback.gate!.childrenSpan!.end).trim()).toBe('<h2>Sales channels</h2>');
    expect(inverted.gate).toMatchObject({ whenOn: 'nothing', whenOff: 'children' });
    expect(hoc.gate).toMatchObject({ keyProp: 'flag', whenOn: 'unknown', whenOff: 'unknown' });
    expect(hoc.wrapper).toMatchObject({ name: 'WithFeatureFlag', keyProp: 'flag' });
  });
});

describe('flag containers (flag-containers)', async () => {
  const result = await scanFixture('references', 'flag-containers');

  it('reads a member container through a destructured or aliasing const, not through a `let` or another object', () => {
    expect(referencesOf(result, 'newNav')).toEqual([
      'src/component/Header.tsx:8:19 evaluation uiConfig.flags',
      'src/component/NavigationSidebar.tsx:8:21 evaluation uiConfig.flags',
    ]);
    expect(referencesOf(result, 'betaBanner')).toEqual(['src/component/NavigationSidebar.tsx:6:20 evaluation uiConfig.flags']);
    expect(result.unregistered).toEqual([]);
  });

  it('reads a container keyed by something first (`*` segment) and a plain container', () => {
    expect(referencesOf(result, 'WORKLOGS')).toEqual([
      'src/importers/project-config.ts:5:7 evaluation allFeatureFlags',
      'src/store/constants.ts:2:3 declaration FEATURE_FLAGS',
      'src/store/worklog.store.ts:11:12 evaluation featureFlags.flags.*',
    ]);
    // `anyEnabled(slug, key)` reads the container with its own parameter: a class-method wrapper
    // (its callers are the reads), not a dynamic key.
    expect(referencesOf(result, null)).toEqual([]);
  });
});

describe('keys in data (data-keys)', async () => {
  const result = await scanFixture('references', 'data-keys');

  it('reads route-table entries whose `flag` property resolves to a key, and nothing for unknown values', () => {
    expect(referencesOf(result, 'sessionInspector')).toEqual(['src/component/admin/adminRoutes.ts:16:5 evaluation flag']);
    expect(referencesOf(result, 'changeRequests')).toEqual([
      'src/component/admin/adminRoutes.ts:18:73 evaluation flag',
      'src/flags/keys.ts:2:3 declaration FLAGS',
    ]);
    expect(result.references.filter((r) => r.file === 'src/component/admin/custom.ts')).toEqual([]);
  });

  it('reads a module export named `featureFlag`, one read per key of an array, and not a local const', () => {
    expect(referencesOf(result, 'sales_channels')).toEqual([
      'src/flags/keys.ts:3:3 declaration FLAGS',
      'src/migrations/1656949291839-sales_channel.ts:4:14 evaluation featureFlag',
      'src/migrations/1701860329931-order-sales-channels-link.ts:4:29 evaluation featureFlag',
    ]);
    expect(referencesOf(result, 'medusa_v2')).toEqual([
      'src/flags/keys.ts:4:3 declaration FLAGS',
      'src/migrations/1701860329931-order-sales-channels-link.ts:4:50 evaluation featureFlag',
    ]);
    expect(referencesOf(result, 'loader-local')).toEqual([]);
    expect(result.unused).toEqual([]);
  });
});

describe('flags defined once and called (define accessor, Vercel flags)', async () => {
  const { scan } = await import('../src/index.js');
  const dir = path.join(import.meta.dirname, '../../core/test/fixtures/matching/defined-flags');
  const result = await scan({ dir, now: '2026-11-21' });

  it('reports each definition and each array of flags as a declaration, each call as an evaluation', () => {
    expect(referencesOf(result, 'show-banner')).toEqual([
      'app/[code]/page.tsx:6:24 evaluation showBanner',
      'app/page.tsx:5:24 evaluation showBanner',
      'flags.ts:5:27 declaration flag',
      'flags.ts:32:32 declaration showBanner',
      'middleware.ts:8:34 declaration showBanner',
    ]);
    // Called through a re-export under another name (`export { freeShipping as shippingFlag }`);
    // its key is a const, which is a key source too.
    expect(referencesOf(result, 'free-shipping')).toEqual([
      'app/api/banner/route.ts:4:26 evaluation freeShipping',
      'flags.ts:23:7 declaration SHIPPING_KEY',
      'flags.ts:25:29 declaration flag',
    ]);
    expect(referencesOf(result, 'checkout-variant')).toEqual([
      'app/[code]/page.tsx:7:25 evaluation checkoutVariant',
      'app/api/banner/route.ts:5:25 evaluation checkoutVariant',
      'flags.ts:13:32 declaration flag',
      'flags.ts:32:44 declaration checkoutVariant',
      'middleware.ts:8:46 declaration checkoutVariant',
    ]);
    expect(referencesOf(result, 'summer-sale')).toEqual(['legacy/sale.ts:4:27 declaration flag', 'legacy/sale.ts:10:17 evaluation summerSale']);
    // The app's analytics `flag({ key: 'home-view' })` is no flag read, so no finding.
    expect(result.unregistered).toEqual([]);
    expect(result.unused).toEqual([]);
    expect(result.summary.dynamic).toBe(0);
  });

  it('counts the complete flag as stale through its calls', () => {
    expect(result.flags.find((f) => f.key === 'show-banner')).toMatchObject({ stale: true, references: 5, files: 4 });
  });
});
