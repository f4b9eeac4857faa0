import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DependencyMap } from '../../src/history/dependency-map.js';
import { SpecifierIndex, askingAbout, readersThrough } from '../../src/history/rewiring.js';
import type { HistoryResult } from '../../src/history/types.js';
import { historyBothWays, scriptedRepo } from './fixture-repo.js';

// After a pnpm-workspace.yaml change, history asks only the files with a specifier naming a
// workspace package, and keeps those a file that can hold a read resolved its reads through.
// Here that file is not the reader: Checkout.tsx reads its key through checkout-key.ts, which
// re-exports it from `@shop/keys`, a package the workspace then takes from another folder.
const files: Record<string, string> = {
  'flagdebt.config.json': JSON.stringify({ registry: 'flags.yaml', accessors: [{ call: 'useFlag', keyArg: 0 }] }, null, 2),
  'flags.yaml': ['flags:', '  checkout-v1:', '    type: release', '    owner: web', '    created: 2026-01-05', '    expires: 2026-12-01', '    state: active', ''].join('\n'),
  'package.json': JSON.stringify({ name: 'shop', private: true }, null, 2),
  'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - 'apps/*'\n",
  'packages/keys/package.json': JSON.stringify({ name: '@shop/keys', main: 'src/index.ts' }, null, 2),
  'packages/keys/src/index.ts': "export const CHECKOUT = 'checkout-v1';\nexport const SEARCH = 'search-v1';\n",
  // The rewrite of the keys package, not yet in the workspace.
  'next/keys/package.json': JSON.stringify({ name: '@shop/keys', main: 'src/index.ts' }, null, 2),
  'next/keys/src/index.ts': "export const CHECKOUT = 'checkout-v2';\nexport const SEARCH = 'search-v2';\n",
  'apps/web/package.json': JSON.stringify({ name: '@shop/web', private: true }, null, 2),
  'apps/web/src/flags.ts': 'export function useFlag(key: string): boolean {\n  return key.length > 0;\n}\n',
  'apps/web/src/checkout-key.ts': "export { CHECKOUT } from '@shop/keys';\n",
  'apps/web/src/Checkout.tsx': "import { useFlag } from './flags';\nimport { CHECKOUT } from './checkout-key';\n\nexport function Checkout() {\n  return <button>{useFlag(CHECKOUT) ? 'Pay now' : 'Continue'}</button>;\n}\n",
  // Names the package too, but no file that can hold a read goes through it.
  'apps/web/src/search-label.ts': "import { SEARCH } from '@shop/keys';\n\nexport const label = `Search (${SEARCH})`;\n",
};

let scripted: ReturnType<typeof scriptedRepo>;
let incremental: HistoryResult;
let full: HistoryResult;
let modes: string[] = [];

function commit(changes: Record<string, string>, message: string, date: string): void {
  scripted.commit(changes, message, date);
}

beforeAll(async () => {
  scripted = scriptedRepo('workspace-rewiring');
  commit(files, 'shop', '2026-08-03T09:00:00Z');
  commit({ 'pnpm-workspace.yaml': "packages:\n  - 'next/*'\n  - 'apps/*'\n" }, 'the keys package from next/', '2026-08-04T09:00:00Z');
  commit({ 'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - 'apps/*'\n" }, 'back to packages/', '2026-08-05T09:00:00Z');
  ({ incremental, full, modes } = await historyBothWays(scripted.repo));
});

afterAll(() => {
  scripted.cleanup();
});

describe('incremental history when the workspace packages change', () => {
  it('gives the same points as scanning every commit in full, without a full scan', () => {
    expect(incremental.skipped).toEqual([]);
    expect(incremental.points).toEqual(full.points);
    expect(modes).toEqual(['full', 'subset', 'subset']);
  });

  it('re-reads the reader whose key now comes from the other package', () => {
    const [first, moved, back] = incremental.points;
    // The read and the key's declaration in the package.
    expect({ references: first.references, unregistered: first.unregistered }).toEqual({ references: 2, unregistered: 0 });
    // checkout-v2 is not registered.
    expect({ references: moved.references, unregistered: moved.unregistered }).toEqual({ references: 2, unregistered: 1 });
    expect(back.unregistered).toBe(0);
  });
});

describe('the files asked after a workspace change', () => {
  it('keeps a file asked about only when a candidate reaches it through recorded dependencies', () => {
    // A random dependency graph: the shortcut must keep exactly `asked ∩ dependenciesOf(candidates)`.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 200; round++) {
      const names = Array.from({ length: 30 }, (_, i) => `f${i}.ts`);
      const map = new DependencyMap();
      for (const name of names) map.set(name, names.filter(() => random() < 0.06));
      const candidates = new Set(names.filter(() => random() < 0.15));
      const asked = new Set(names.filter(() => random() < 0.3));
      const expected = [...map.dependenciesOf(candidates)].filter((f) => asked.has(f)).sort();
      expect(readersThrough(map, asked, (f) => candidates.has(f)).sort()).toEqual(expected);
    }
  });

  it('finds the files naming a package among the sources and the files reads went through', () => {
    const texts: Record<string, string> = {
      a: "import { X } from '@shop/keys';\n",
      b: "import { Y } from '@shop/keys/extra';\nimport z from '#internal';\n",
      c: "import React from 'react';\nimport { W } from './w';\n",
      d: "export * from '@shop/keys';\n",
    };
    const index = new SpecifierIndex((blob) => texts[blob]);
    const tree = new Map(Object.keys(texts).map((blob) => [`src/${blob}.ts`, { blob, mode: '100644' }]));
    // src/d.ts lies outside the scanned folder (not a source), but a read went through it.
    const map = new DependencyMap();
    map.set('src/c.ts', ['src/d.ts']);
    const found = askingAbout(index, tree, ['src/a.ts', 'src/b.ts', 'src/c.ts'], map, new Set(['@shop/keys']));
    expect([...found].sort()).toEqual(['src/a.ts', 'src/b.ts', 'src/d.ts']);
  });
});
