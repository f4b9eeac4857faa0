import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlagProject, nodeSourceHost, type SourceHost } from '../../src/index.js';
import { ACCESSORS, fixtureDir, summarize } from './helpers.js';

/** A disk host that records which files were read. */
function countingHost(): { host: SourceHost; read: Set<string> } {
  const read = new Set<string>();
  const host: SourceHost = {
    ...nodeSourceHost,
    readFile: (file) => {
      read.add(path.basename(file));
      return nodeSourceHost.readFile(file);
    },
  };
  return { host, read };
}

describe('sealed wrappers', () => {
  const root = fixtureDir('sealed-wrappers');
  const summary = path.join(root, 'src/cart/summary.ts');
  const hooks = path.join(root, 'src/flags/hooks.ts');

  it('gives the same reads as lazy discovery without opening the modules of ordinary callees', () => {
    const lazy = countingHost();
    const lazyProject = new FlagProject({ root, accessors: ACCESSORS, host: lazy.host, tsconfig: false });
    const lazyReads = summarize(lazyProject.readsIn(summary));
    // Lazy discovery follows `formatPrice` and `sum` into money.ts to learn they are no wrappers.
    expect(lazy.read).toContain('money.ts');

    const sealed = countingHost();
    const project = new FlagProject({ root, accessors: ACCESSORS, host: sealed.host, tsconfig: false });
    expect(project.discoverWrappers([hooks]).map((w) => w.name)).toEqual(['useExpressShipping']);
    project.sealWrappers();
    const reads = summarize(project.readsIn(summary));

    expect(reads).toEqual(lazyReads);
    expect(reads.map((r) => [r.key, r.via])).toEqual([['express-shipping', 'useExpressShipping']]);
    expect(sealed.read).not.toContain('money.ts');
  });

  it('is lifted by invalidate, so a new wrapper is found again', () => {
    const project = new FlagProject({ root, accessors: ACCESSORS, tsconfig: false });
    project.sealWrappers(); // sealed before anything was discovered: no wrapper is known
    expect(project.readsIn(summary)).toEqual([]);
    project.invalidate(summary);
    expect(project.readsIn(summary).map((r) => r.via)).toEqual(['useExpressShipping']);
  });

  it('is lifted when a file first seen as an unsaved buffer differs from disk (a wrapper typed in an editor)', () => {
    const files = new Map<string, string>([
      ['/p/src/summary.ts', "import { useBeta } from './beta';\nexport const label = () => (useBeta() ? 'beta' : 'stable');\n"],
      ['/p/src/beta.ts', 'export function useBeta(): boolean {\n  return false;\n}\n'],
    ]);
    const host: SourceHost = { readFile: (f) => files.get(f), fileExists: (f) => files.has(f) };
    const project = new FlagProject({ root: '/p', accessors: ACCESSORS, host, tsconfig: false });
    project.discoverWrappers(['/p/src/summary.ts']);
    project.sealWrappers();
    expect(project.readsIn('/p/src/summary.ts')).toEqual([]);
    const buffer = "import { useFlag } from './flags';\nexport function useBeta(): boolean {\n  return useFlag('beta-summary');\n}\n";
    expect(project.readsIn('/p/src/beta.ts', buffer).map((r) => r.key)).toEqual(['beta-summary']);
    expect(project.readsIn('/p/src/summary.ts').map((r) => [r.key, r.via])).toEqual([['beta-summary', 'useBeta']]);
  });

  it('stays sealed for a text that equals the file on disk but for its BOM (as ESLint hands it over)', () => {
    const read = new Set<string>();
    const host: SourceHost = {
      ...nodeSourceHost,
      readFile: (file) => {
        read.add(path.basename(file));
        const text = nodeSourceHost.readFile(file);
        return file === summary && text !== undefined ? `\uFEFF${text}` : text;
      },
    };
    const project = new FlagProject({ root, accessors: ACCESSORS, host, tsconfig: false });
    project.discoverWrappers([hooks]);
    project.sealWrappers();
    const text = nodeSourceHost.readFile(summary)!;
    expect(project.readsIn(summary, text).map((r) => r.via)).toEqual(['useExpressShipping']);
    // An edit would have lifted the seal and sent the matcher into money.ts for `formatPrice`.
    expect(read).not.toContain('money.ts');
    expect(project.readsIn(summary, `${text}\nexport const extra = 1;\n`).map((r) => r.via)).toEqual(['useExpressShipping']);
    expect(read).toContain('money.ts');
  });
});

describe('sealed with names from an earlier run', () => {
  const root = fixtureDir('sealed-wrappers');
  const summary = path.join(root, 'src/cart/summary.ts');

  it('counts the names as candidate words and analyses those wrappers only when a read calls them', () => {
    const { host, read } = countingHost();
    const project = new FlagProject({ root, accessors: ACCESSORS, host, tsconfig: false });
    project.sealWrappers(['useExpressShipping']);
    expect(project.candidateWords()).toContain('useExpressShipping');
    expect(project.wrappers()).toEqual([]);
    expect(summarize(project.readsIn(summary)).map((r) => [r.key, r.via])).toEqual([['express-shipping', 'useExpressShipping']]);
    expect(read).toContain('hooks.ts');
    // `formatPrice` and `sum` are not among the names: money.ts is never opened.
    expect(read).not.toContain('money.ts');
  });

  it('counts names sealed after the words were first asked for (the words are kept between calls)', () => {
    const project = new FlagProject({ root, accessors: ACCESSORS, tsconfig: false });
    const before = project.candidateWords();
    expect(before).not.toContain('useExpressShipping');
    expect(project.candidateWords()).toBe(before);
    project.sealWrappers(['useExpressShipping']);
    expect(project.candidateWords()).toEqual([...before, 'useExpressShipping']);
  });

  it('finds a wrapper it was not given by name when its module is outside the files the names cover', () => {
    const { host, read } = countingHost();
    const project = new FlagProject({ root, accessors: ACCESSORS, host, tsconfig: false });
    // An earlier run searched every file but src/flags (say, a workspace package it did not see).
    project.sealWrappers(['useSomethingElse'], (file) => !file.includes(`${path.sep}flags${path.sep}`));
    expect(summarize(project.readsIn(summary)).map((r) => [r.key, r.via])).toEqual([['express-shipping', 'useExpressShipping']]);
    expect(read).toContain('hooks.ts');
    // money.ts was searched and declares no wrapper named `formatPrice` or `sum`: not opened.
    expect(read).not.toContain('money.ts');
  });

  it('follows a call into a file the names do not cover (created since the earlier run), beside a package callee', () => {
    const files = new Map<string, string>([
      ['/p/src/page.ts', "import { track } from 'analytics';\nimport { useBeta } from './beta';\nexport const page = () => (track('view'), useBeta());\n"],
      ['/p/src/beta.ts', "import { useFlag } from './flags';\nexport function useBeta(): boolean {\n  return useFlag('beta-page');\n}\n"],
    ]);
    const project = new FlagProject({ root: '/p', accessors: ACCESSORS, host: { readFile: (f) => files.get(f), fileExists: (f) => files.has(f) }, tsconfig: false });
    project.sealWrappers([], (file) => file === '/p/src/page.ts');
    expect(project.readsIn('/p/src/page.ts').map((r) => [r.key, r.via])).toEqual([['beta-page', 'useBeta']]);
  });
});
