/**
 * Monorepo layouts (core's fixtures in packages/core/test/fixtures/monorepo, shared with core's
 * and the ESLint plugin's tests): the scan of the repository root sees every read through the
 * workspace packages and each app's own tsconfig, and reports each file under one path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../src/index.js';
import type { ScanResult } from '../src/types.js';
import { NOW } from './helpers.js';

const MONOREPOS = path.resolve(import.meta.dirname, '../../core/test/fixtures/monorepo');

/** `flag file:line kind` of every evaluation and dynamic read (declarations left out). */
function reads(result: ScanResult): string[] {
  return result.references.filter((r) => r.kind !== 'declaration').map((r) => `${r.flag} ${r.file}:${r.line} ${r.kind}`);
}

describe('scan of a monorepo root', () => {
  it('npm workspaces whose packages point at an unbuilt dist/: every read resolves, none is unused', async () => {
    const result = await scan({ dir: path.join(MONOREPOS, 'npm-workspaces'), now: NOW });
    expect(reads(result)).toEqual([
      'new-cart apps/storefront/src/cart.ts:6 evaluation',
      'cart-upsell apps/storefront/src/cart.ts:7 evaluation',
      'express-checkout apps/storefront/src/cart.ts:8 evaluation',
      'one-page-checkout apps/storefront/src/cart.ts:12 evaluation',
      'plan-limits-v2 apps/storefront/src/plans.ts:5 evaluation',
      'instant-search apps/storefront/src/search.ts:8 evaluation',
      'legacy-promo-banner apps/storefront/src/search.ts:9 evaluation',
      'legacy-search apps/storefront/src/server.js:6 evaluation',
    ]);
    expect(result.unused).toEqual([]);
    expect(result.unregistered.map((u) => u.flag)).toEqual(['cart-upsell']);
    // Key sources in the packages are reported where they are declared.
    expect(result.references.filter((r) => r.kind === 'declaration').map((r) => `${r.flag} ${r.file}`)).toContain('one-page-checkout packages/flags/lib/flag.ts');
  });

  it('pnpm workspace with per-app tsconfigs whose `@/*` aliases conflict', async () => {
    const result = await scan({ dir: path.join(MONOREPOS, 'pnpm-aliases'), now: NOW });
    expect(reads(result)).toEqual([
      'bulk-edit apps/admin/src/pages/orders.tsx:5 evaluation',
      'admin-checkout apps/admin/src/pages/orders.tsx:8 evaluation',
      'web-checkout apps/web/app/checkout/page.tsx:6 evaluation',
      'saved-carts apps/web/app/checkout/page.tsx:7 evaluation',
      'dark-mode apps/web/app/checkout/page.tsx:9 evaluation',
    ]);
    expect(result.unused).toEqual([]);
  });

  describe('packages linked into node_modules', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-linked-'));
    const root = path.join(base, 'linked-packages');
    fs.cpSync(path.join(MONOREPOS, 'linked-packages'), root, { recursive: true });
    fs.mkdirSync(path.join(root, 'apps/web/node_modules'), { recursive: true });
    fs.symlinkSync('../../../packages/flags-kit', path.join(root, 'apps/web/node_modules/flags-kit'), 'dir');
    afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

    it('reads through the link, and lists each file once, under its own path', async () => {
      const result = await scan({ dir: root, now: NOW });
      expect(reads(result)).toEqual(['gift-cards apps/web/src/home.ts:6 evaluation', 'wishlist apps/web/src/home.ts:7 evaluation']);
      expect(result.references.map((r) => r.file).filter((f) => f.includes('node_modules') || path.isAbsolute(f))).toEqual([]);
      expect(result.unused).toEqual([]);
    });
  });
});
