import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FlagProject, nodeSourceHost, type SourceHost } from '../../src/index.js';
import { accessorsOf, linkedCopy, monorepoDir, openMonorepo, readsOf } from './helpers.js';

describe('workspace packages (npm workspaces, nothing installed)', () => {
  const root = monorepoDir('npm-workspaces');
  const { project, file } = openMonorepo(root);
  const cart = file('apps/storefront/src/cart.ts');

  it('maps a package whose main/types point at an unbuilt build/ to its sources through its tsconfig rootDir/outDir', () => {
    expect(project.resolveModule('@shop/flags', cart)).toBe(file('packages/flags/lib/index.ts'));
  });

  it('prefers the `source` condition of `exports`, maps other conditions from dist/ to src/, and follows subpath patterns', () => {
    expect(project.resolveModule('@shop/config', cart)).toBe(file('packages/config/src/index.ts'));
    expect(project.resolveModule('@shop/config/checkout', cart)).toBe(file('packages/config/src/checkout.ts'));
    expect(project.resolveModule('@shop/config/features/search', cart)).toBe(file('packages/config/src/features/search.ts'));
    // `"./internal/*": null`: the package does not export it, so no key is read through it.
    expect(project.resolveModule('@shop/config/internal/keys', cart)).toBeNull();
    expect(project.resolveModule('@shop/config/missing', cart)).toBeNull();
  });

  it('falls back to src/ for a main in lib/ and for subpaths of a package without exports', () => {
    expect(project.resolveModule('@shop/legacy', cart)).toBe(file('packages/legacy/src/index.ts'));
    expect(project.resolveModule('@shop/legacy/constants', cart)).toBe(file('packages/legacy/src/constants.ts'));
    expect(project.resolveModule('@shop/unknown', cart)).toBeNull();
  });

  it('prefers src/ over a root-level JavaScript shim for a subpath (`pricing.js` requiring the unbuilt lib/)', () => {
    expect(project.resolveModule('@shop/legacy/pricing', cart)).toBe(file('packages/legacy/src/pricing/index.ts'));
    expect(readsOf(project, root, ['apps/storefront/src/plans.ts'])).toEqual(['plan-limits-v2 apps/storefront/src/plans.ts:5 evaluation']);
  });

  it('resolves every read through the packages, CommonJS require included', () => {
    expect(readsOf(project, root, ['apps/storefront/src/cart.ts', 'apps/storefront/src/search.ts', 'apps/storefront/src/server.js'])).toEqual([
      'new-cart apps/storefront/src/cart.ts:6 evaluation',
      'cart-upsell apps/storefront/src/cart.ts:7 evaluation',
      'express-checkout apps/storefront/src/cart.ts:8 evaluation',
      'one-page-checkout apps/storefront/src/cart.ts:12 evaluation',
      'instant-search apps/storefront/src/search.ts:8 evaluation',
      'legacy-promo-banner apps/storefront/src/search.ts:9 evaluation',
      'legacy-search apps/storefront/src/server.js:6 evaluation',
    ]);
  });

  it('finds the monorepo root above a project rooted in one app', () => {
    const app = new FlagProject({ root: file('apps/storefront'), accessors: accessorsOf(root) });
    expect(app.resolveModule('@shop/flags/lib/keys.js', cart)).toBe(file('packages/flags/lib/keys.ts'));
    expect(app.readsIn(cart).map((r) => r.key)).toEqual(['new-cart', 'cart-upsell', 'express-checkout', 'one-page-checkout']);
  });

  it('sees no workspace package through a host that cannot list folders (and guesses none)', () => {
    const { listDirectories: _unused, ...withoutListing } = nodeSourceHost;
    const host: SourceHost = withoutListing;
    const blind = new FlagProject({ root, accessors: accessorsOf(root), host });
    expect(blind.resolveModule('@shop/flags', cart)).toBeNull();
    expect(blind.readsIn(cart).map((r) => r.kind)).toEqual(['dynamic', 'dynamic', 'dynamic', 'dynamic']);
  });
});

describe('workspace packages linked into node_modules', () => {
  const copy = linkedCopy('linked-packages', { 'apps/web/node_modules/flags-kit': '../../../packages/flags-kit' });
  const alias = `${copy.root}-alias`;
  fs.symlinkSync(copy.root, alias, 'dir');
  afterAll(() => {
    fs.rmSync(alias, { force: true });
    copy.dispose();
  });

  it('follows the link to the package and its sources, with no workspaces declared', () => {
    const { project, file } = openMonorepo(copy.root);
    const home = file('apps/web/src/home.ts');
    const real = fs.realpathSync(copy.root);
    expect(project.resolveModule('flags-kit', home)).toBe(path.join(real, 'packages/flags-kit/src/index.ts'));
    expect(project.resolveModule('flags-kit/dist/keys.js', home)).toBe(path.join(real, 'packages/flags-kit/src/keys.ts'));
    expect(readsOf(project, copy.root, ['apps/web/src/home.ts'])).toEqual(['gift-cards apps/web/src/home.ts:6 evaluation', 'wishlist apps/web/src/home.ts:7 evaluation']);
  });

  it('spells a linked file under the project root as given, never under node_modules or the real path', () => {
    const { project, file } = openMonorepo(alias);
    const resolved = project.resolveModule('flags-kit', file('apps/web/src/home.ts'));
    expect(resolved).toBe(path.join(alias, 'packages/flags-kit/src/index.ts'));
  });

  it('reads nothing without the link (the package is not declared anywhere else)', () => {
    const bare = linkedCopy('linked-packages', {});
    try {
      const { project, file } = openMonorepo(bare.root);
      expect(project.resolveModule('flags-kit', file('apps/web/src/home.ts'))).toBeNull();
      expect(readsOf(project, bare.root, ['apps/web/src/home.ts'])).toEqual(['null apps/web/src/home.ts:6 dynamic', 'null apps/web/src/home.ts:7 dynamic']);
    } finally {
      bare.dispose();
    }
  });
});
