import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSpecifiers, inNodeModules, isSourcePath, repoRelative, specifierStem } from '../../src/history/import-graph.js';
import { SpecifierIndex } from '../../src/history/rewiring.js';
import type { TreeEntry } from '../../src/history/git.js';

// The specifier index is kept up to date commit by commit (only the stems a file's edit added or
// removed move); it must always equal an index built from nothing for the same tree.
const texts = new Map<string, string>([
  ['b1', "import { useFlag } from '../hooks/use-flag';\nimport { CHECKOUT } from '../flags';\nimport React from 'react';\n"],
  ['b2', "import { useFlag } from '../hooks/use-flag';\nimport { PROMO } from '../flags/index';\nexport * from './money';\n"],
  ['b3', "const keys = require('./keys');\nconst lazy = () => import('./Lazy');\n"],
  ['b4', "import '.';\nimport x from '..';\nexport { y } from './y.js';\n"],
  ['b5', 'export const PLAIN = 1;\n'],
  ['b6', "import { useFlag } from '../hooks/use-flag';\nimport { useFlag as f } from '../hooks/use-flag';\nimport { CHECKOUT } from '../flags';\n"],
  // A generated barrel: more stems than the index compares one by one.
  ['b7', [...Array.from({ length: 40 }, (_, i) => `export * from './Model${i}';`), "export * from './money';", "export * from './keys';"].join('\n')],
  ['b8', [...Array.from({ length: 30 }, (_, i) => `export * from './Model${i * 2}';`), "export * from './flags';"].join('\n')],
  // b1's imports in another text (an edit that keeps them: nothing moves), and as many other stems.
  ['b9', "import { useFlag } from '../hooks/use-flag';\nimport { CHECKOUT } from '../flags';\nimport React from 'react';\n\nexport const late = useFlag(CHECKOUT);\n"],
  ['b10', "import { useFlag } from '../hooks/use-flag';\nimport { RATES } from './keys';\nimport React from 'react';\n"],
]);
const stems = ['use-flag', 'flags', 'react', 'index', 'money', 'keys', 'Lazy', '', 'y', 'nothing', 'Model0', 'Model1', 'Model38', 'Model39', 'Model58'];

function tree(entries: Record<string, string>): Map<string, TreeEntry> {
  return new Map(Object.entries(entries).map(([rel, blob]) => [rel, { blob, mode: '100644' }]));
}

function snapshot(index: SpecifierIndex): Record<string, string[]> {
  return Object.fromEntries(stems.map((stem) => [stem, [...index.importing(stem)].sort()]));
}

describe('SpecifierIndex', () => {
  it('kept up to date through edits, additions and deletions, equals an index built from nothing', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 16) % n;
    };
    const blobs = [...texts.keys()];
    const files = ['src/a.ts', 'src/b.tsx', 'src/c.js', 'src/d/index.ts', 'lib/e.mts', 'lib/f.ts'];
    const current: Record<string, string> = { 'src/a.ts': 'b1', 'src/b.tsx': 'b2' };
    const kept = new SpecifierIndex((blob) => texts.get(blob));
    kept.build(tree(current));
    for (let step = 0; step < 200; step++) {
      const rel = files[random(files.length)];
      const before = current[rel];
      if (before !== undefined && random(4) === 0) {
        delete current[rel];
        kept.set(rel, undefined, before);
      } else {
        const blob = blobs[random(blobs.length)];
        current[rel] = blob;
        kept.set(rel, blob, before);
      }
      const fresh = new SpecifierIndex((blob) => texts.get(blob));
      fresh.build(tree(current));
      expect(snapshot(kept)).toEqual(snapshot(fresh));
    }
  });

  it('lists a file under each stem once, however often its specifiers end in it', () => {
    const index = new SpecifierIndex((blob) => texts.get(blob));
    index.build(tree({ 'src/a.ts': 'b6' }));
    expect(snapshot(index)['use-flag']).toEqual(['src/a.ts']);
    index.set('src/a.ts', 'b5', 'b6');
    expect(snapshot(index)['use-flag']).toEqual([]);
    expect(importSpecifiers(texts.get('b4')!).map(specifierStem)).toEqual(['', '', 'y']);
  });
});

describe('repoRelative', () => {
  it('answers as path.relative does, for normalised paths and the odd ones', () => {
    const root = '/work/repo';
    const files = [
      '/work/repo/src/a.ts',
      '/work/repo/a',
      '/work/repo',
      '/work/repo/',
      '/work/repository/a.ts',
      '/work/repo/src/../a.ts',
      '/work/repo/../other/a.ts',
      '/work/repo/./src/a.ts',
      '/work/repo//src/a.ts',
      '/work/repo/src/',
      '/work/repo/src/..',
      '/work/repo/..',
      '/work/repo/.git/HEAD',
      '/work/repo/.github/flags.ts',
      '/work/repo/src/..hidden/a.ts',
      '/work',
      'src/a.ts',
    ];
    for (const file of files) {
      const rel = path.relative(root, path.resolve(file));
      const expected = rel.startsWith('..') || path.isAbsolute(rel) ? null : rel;
      // path.relative resolves a relative `file` against the working directory, not the root.
      if (!path.isAbsolute(file)) continue;
      expect([file, repoRelative(root, file)]).toEqual([file, expected]);
    }
  });
});

describe('isSourcePath', () => {
  it('takes JavaScript and TypeScript files outside node_modules folders', () => {
    const paths = ['src/a.ts', 'a.tsx', 'lib/b.mjs', 'lib/c.cjs', 'd.jsx', 'e.mts', 'f.d.ts', 'node_modules/x/index.js', 'packages/app/node_modules/x/a.ts', 'src/node_modules_extra/a.ts', 'src/my_node_modules/a.ts', 'node_modulesx/a.ts', 'README.md', 'src/a.ts.snap', 'src/a.json'];
    expect(paths.filter(isSourcePath)).toEqual(['src/a.ts', 'a.tsx', 'lib/b.mjs', 'lib/c.cjs', 'd.jsx', 'e.mts', 'f.d.ts', 'src/node_modules_extra/a.ts', 'src/my_node_modules/a.ts', 'node_modulesx/a.ts']);
  });

  it('finds a node_modules segment exactly where splitting the path would', () => {
    const paths = ['node_modules', 'node_modules/a', 'a/node_modules', 'a/node_modules/b.ts', 'a/node_modules.ts', 'xnode_modules/a', 'a/node_modulesx/b', 'a/b'];
    for (const rel of paths) expect([rel, inNodeModules(rel)]).toEqual([rel, rel.split('/').includes('node_modules')]);
  });
});
