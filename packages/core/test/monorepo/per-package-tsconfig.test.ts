import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkedCopy, monorepoDir, openMonorepo, readsOf } from './helpers.js';

describe('per-package tsconfig (pnpm workspace, solution-style root)', () => {
  const root = monorepoDir('pnpm-aliases');
  const { project, file } = openMonorepo(root);
  const web = file('apps/web/app/checkout/page.tsx');
  const admin = file('apps/admin/src/pages/orders.tsx');

  it('resolves each app’s conflicting `@/*` alias through its own nearest tsconfig', () => {
    // web: paths from the second entry of an `extends` array, relative to that file (no baseUrl).
    expect(project.resolveModule('@/flags', web)).toBe(file('apps/web/app/flags.ts'));
    expect(project.resolveModule('~lib/carts', web)).toBe(file('apps/web/lib/carts.ts'));
    // admin: its tsconfig.json is a solution; tsconfig.app.json (which includes src/) extends a
    // config of the workspace package @acme/tsconfig, whose paths use ${configDir}.
    expect(project.resolveModule('@/flags', admin)).toBe(file('apps/admin/src/flags.ts'));
    expect(project.resolveModule('~lib/carts', admin)).toBeNull();
  });

  it('finds packages from pnpm-workspace.yaml, honouring its `!` exclusions', () => {
    // apps/legacy also calls itself @acme/flags, but is excluded: the name is not ambiguous.
    expect(project.resolveModule('@acme/flags', web)).toBe(file('packages/flags/src/index.ts'));
    expect(project.resolveModule('@acme/flags', admin)).toBe(file('packages/flags/src/index.ts'));
  });

  it('reports every read of both apps from the repository root', () => {
    expect(readsOf(project, root, ['apps/web/app/checkout/page.tsx', 'apps/admin/src/pages/orders.tsx'])).toEqual([
      'web-checkout apps/web/app/checkout/page.tsx:6 evaluation',
      'saved-carts apps/web/app/checkout/page.tsx:7 evaluation',
      'dark-mode apps/web/app/checkout/page.tsx:9 evaluation',
      'bulk-edit apps/admin/src/pages/orders.tsx:5 evaluation',
      'admin-checkout apps/admin/src/pages/orders.tsx:8 evaluation',
    ]);
  });

  it('a tsconfig named in the options governs every file instead', () => {
    const fixed = openMonorepo(root, { tsconfig: 'apps/web/tsconfig.json' }).project;
    expect(fixed.resolveModule('@/flags', admin)).toBe(file('apps/web/app/flags.ts'));
    const none = openMonorepo(root, { tsconfig: false }).project;
    expect(none.resolveModule('@/flags', web)).toBeNull();
    // Workspace packages do not depend on any tsconfig.
    expect(none.resolveModule('@acme/flags', web)).toBe(file('packages/flags/src/index.ts'));
  });

  it('reads a changed tsconfig again, also one it reached through `extends`', () => {
    const copy = linkedCopy('pnpm-aliases', {});
    try {
      const { project, file } = openMonorepo(copy.root);
      const page = file('apps/web/app/checkout/page.tsx');
      expect(project.resolveModule('@/flags', page)).toBe(file('apps/web/app/flags.ts'));
      const paths = file('apps/web/tsconfig.paths.json');
      fs.writeFileSync(paths, JSON.stringify({ compilerOptions: { paths: { '@/*': ['./lib/*'], '~lib/*': ['./lib/*'] } } }));
      fs.writeFileSync(file('apps/web/lib/flags.ts'), "export const CHECKOUT = 'saved-carts';\n");
      project.invalidate(paths);
      expect(project.resolveModule('@/flags', page)).toBe(path.join(copy.root, 'apps/web/lib/flags.ts'));
      // A new project (a new process, the model cache warm) sees the edit too.
      expect(openMonorepo(copy.root).project.readsIn(page).map((r) => r.key)).toEqual(['saved-carts', 'saved-carts', 'dark-mode']);
    } finally {
      copy.dispose();
    }
  });
});
