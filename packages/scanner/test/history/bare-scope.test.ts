import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultConfig } from '@flagdebt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStore } from '../../src/history/blob-store.js';
import { CommitSnapshot } from '../../src/history/commit-snapshot.js';
import { BlobReader, listTree } from '../../src/history/git.js';
import { resolverAt } from '../../src/history/rewiring.js';
import { git } from './fixture-repo.js';

/**
 * history resolves a bare specifier once for all folders that resolve it alike (same tsconfig
 * options, node_modules folders and nearest package.json), not once per folder. Two apps map the
 * same `@/flags` alias to their own files, one app has a package importing itself by name:
 * each answer must still be the one core gives from that folder.
 */
const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['apps/*', 'packages/*'] }),
  'apps/admin/tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, paths: { '@/*': ['./src/*'] } } }),
  'apps/admin/package.json': JSON.stringify({ name: '@shop/admin', private: true }),
  'apps/admin/src/flags.ts': "export const ADMIN_BETA = 'admin-beta';\n",
  'apps/admin/src/pages/users/list.tsx': "import { ADMIN_BETA } from '@/flags';\nimport { Button } from '@shop/ui';\nexport const list = [ADMIN_BETA, Button];\n",
  'apps/admin/src/pages/orders.tsx': "import { ADMIN_BETA } from '@/flags';\nexport const orders = ADMIN_BETA;\n",
  'apps/store/tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, paths: { '@/*': ['./app/*'] } } }),
  'apps/store/package.json': JSON.stringify({ name: '@shop/store', private: true }),
  'apps/store/app/flags.ts': "export const CHECKOUT_V2 = 'checkout-v2';\n",
  'apps/store/app/cart/page.tsx': "import { CHECKOUT_V2 } from '@/flags';\nimport { Button } from '@shop/ui';\nexport const cart = [CHECKOUT_V2, Button];\n",
  'packages/ui/package.json': JSON.stringify({ name: '@shop/ui', main: 'src/index.ts' }),
  'packages/ui/src/index.ts': "export { Button } from './button';\n",
  'packages/ui/src/button.ts': "export const Button = 'button';\n",
  'packages/ui/src/stories/button.stories.ts': "import { Button } from '@shop/ui';\nexport default Button;\n",
  // Two projects without a package.json of their own: the same nearest manifest, other options.
  'tools/tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./scripts/*'] } } }),
  'tools/scripts/flags.ts': "export const DRY_RUN = 'dry-run';\n",
  'tools/scripts/release/run.ts': "import { DRY_RUN } from '@/flags';\nexport const run = DRY_RUN;\n",
  'docs/tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./site/*'] } } }),
  'docs/site/flags.ts': "export const NEW_NAV = 'new-nav';\n",
  'docs/site/guide/page.ts': "import { NEW_NAV } from '@/flags';\nexport const page = NEW_NAV;\n",
};

let tmp: string;
let reader: BlobReader;

beforeAll(() => {
  tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'flagdebt-bare-scope-')));
  for (const [rel, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
    writeFileSync(path.join(tmp, rel), text);
  }
  git(tmp, ['init', '-q', '-b', 'main']);
  git(tmp, ['add', '-A']);
  git(tmp, ['commit', '-q', '-m', 'shop']);
  reader = new BlobReader(tmp);
});

afterAll(async () => {
  await reader.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('bare specifiers resolved once per resolution scope', () => {
  it('answers each folder as core does from it', async () => {
    const tree = await listTree(tmp, 'HEAD');
    const blobs = new BlobStore(reader);
    await blobs.prefetch([...tree].map(([rel, entry]) => [entry.blob, rel] as const));
    const config = defaultConfig(tmp);
    const resolve = resolverAt(tmp, new CommitSnapshot(tmp, tree, blobs), config).resolve;
    const asked: [string, string][] = [
      ['@/flags', 'apps/admin/src/pages/users/list.tsx'],
      ['@/flags', 'apps/store/app/cart/page.tsx'],
      ['@/flags', 'apps/admin/src/pages/orders.tsx'],
      ['@shop/ui', 'apps/store/app/cart/page.tsx'],
      ['@shop/ui', 'apps/admin/src/pages/users/list.tsx'],
      ['@shop/ui', 'packages/ui/src/stories/button.stories.ts'],
      ['@/flags', 'packages/ui/src/stories/button.stories.ts'],
      ['@/flags', 'tools/scripts/release/run.ts'],
      ['@/flags', 'docs/site/guide/page.ts'],
    ];
    expect(asked.map(([specifier, from]) => resolve(specifier, from))).toEqual([
      'apps/admin/src/flags.ts',
      'apps/store/app/flags.ts',
      'apps/admin/src/flags.ts',
      'packages/ui/src/index.ts',
      'packages/ui/src/index.ts',
      'packages/ui/src/index.ts',
      null,
      'tools/scripts/flags.ts',
      'docs/site/flags.ts',
    ]);
    // The same answers from a resolver that is asked in another order (nothing carried over).
    const again = resolverAt(tmp, new CommitSnapshot(tmp, tree, blobs), config).resolve;
    expect(asked.slice().reverse().map(([specifier, from]) => again(specifier, from))).toEqual(asked.slice().reverse().map(([specifier, from]) => resolve(specifier, from)));
  });
});
