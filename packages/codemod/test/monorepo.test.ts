/**
 * The codemod folds reads whose key comes from a workspace package or an app's own tsconfig
 * alias (core's monorepo fixtures), the reads the scan and the lint report there. Dry runs only:
 * the fixtures are never written.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeFlags } from '../src/index.js';

const MONOREPOS = path.resolve(import.meta.dirname, '../../core/test/fixtures/monorepo');

describe('removal in a monorepo', () => {
  it('folds a key imported from a package whose main points at an unbuilt build/', async () => {
    const result = await removeFlags({ dir: path.join(MONOREPOS, 'npm-workspaces'), flags: [{ key: 'express-checkout', value: true }], dryRun: true });
    expect(result.flags).toEqual([{ key: 'express-checkout', value: true, evaluations: 1 }]);
    const cart = result.changed.find((c) => c.relative === 'apps/storefront/src/cart.ts');
    expect(cart?.after).toContain("  return 'express';\n");
    expect(cart?.after).not.toContain('EXPRESS_CHECKOUT)');
  });

  it('folds a key found through the CommonJS require of a workspace package', async () => {
    const result = await removeFlags({ dir: path.join(MONOREPOS, 'npm-workspaces'), flags: [{ key: 'legacy-search', value: false }], dryRun: true });
    expect(result.flags).toEqual([{ key: 'legacy-search', value: false, evaluations: 1 }]);
  });

  it('folds reads of one key in two apps with conflicting `@/*` aliases, and only that key', async () => {
    const result = await removeFlags({ dir: path.join(MONOREPOS, 'pnpm-aliases'), flags: [{ key: 'admin-checkout', value: false }], dryRun: true });
    expect(result.flags).toEqual([{ key: 'admin-checkout', value: false, evaluations: 1 }]);
    expect(result.changed.map((c) => c.relative)).toEqual(['apps/admin/src/pages/orders.tsx']);
  });
});
