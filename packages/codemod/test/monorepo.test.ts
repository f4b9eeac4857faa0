/**
 * The codemod folds reads whose key comes from a workspace package or an app's own tsconfig
 * alias (core's monorepo fixtures), the reads the scan and the lint report there. Dry runs only:
 * the fixtures are never written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeFlags } from '../src/index.js';
import { typeErrors } from './support/fixture-cases.js';

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

/**
 * A workspace package whose `types` point at an unbuilt dist/: the project's TypeScript finds
 * nothing there, so without the scanner's resolution the gate and the settling of keyed objects
 * see `any`, and the enum member goes while `Record<keyof typeof FeatureFlag, ...>` objects keep
 * its key: a build of the real project (package built or linked) then fails with TS2353/TS2322.
 */
describe('removal of an enum key read through an unbuilt workspace package', () => {
  const FIXTURE = path.resolve(import.meta.dirname, 'fixtures-monorepo/plan-flags');

  it('removes the member with every property and value keyed by it, and the built project compiles', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-plan-flags-'));
    try {
      fs.cpSync(FIXTURE, dir, { recursive: true });
      const result = await removeFlags({ dir, flags: [{ key: 'TIME_TRACKING', value: true }], allowDirty: true, now: '2026-11-21' });
      expect(result.written).toBe(true);
      // Both sides resolve the package: its enum is typed, not `any` (no unresolved import either side).
      expect(result.verify).toMatchObject({ newErrors: [], errorsBefore: 0, errorsAfter: 0 });
      const features = fs.readFileSync(path.join(dir, 'apps/web/src/projects/features.ts'), 'utf8');
      expect(features).not.toContain('TIME_TRACKING');
      expect(features).toContain("milestones: 'MILESTONES',");
      expect(fs.readFileSync(path.join(dir, 'packages/flags/src/index.ts'), 'utf8')).not.toContain('TIME_TRACKING');
      // The app as its build sees it once the package is built: the package's types resolve.
      fs.writeFileSync(
        path.join(dir, 'apps/web/tsconfig.json'),
        JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [], target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022'], paths: { '@tracker/flags': ['../../packages/flags/src/index.ts'] } }, include: ['src'] }),
      );
      expect(typeErrors(path.join(dir, 'apps/web'))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
