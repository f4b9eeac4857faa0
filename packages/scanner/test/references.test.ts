import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlagProject, loadProjectModel } from '@flagdebt/core';
import { CandidateFilter } from '@flagdebt/core';
import { discoverFiles, diskScanHost, loadSources } from '@flagdebt/core/files';
import { ReferenceIndex } from '../src/index.js';
import type { ScanResult } from '../src/types.js';
import { fixture, referencesOf, scanFixture } from './helpers.js';

/** The source text at a reference's position: every reported place must be where the read is. */
function textAt(result: ScanResult, ref: { file: string; line: number; column: number }): string {
  const lines = fs.readFileSync(path.join(result.root, ref.file), 'utf8').split('\n');
  return lines[ref.line - 1].slice(ref.column - 1);
}

describe('references: key styles (storefront)', async () => {
  const result = await scanFixture('references', 'storefront');

  it('resolves a const imported through a barrel, and reports the const as its declaration', () => {
    expect(referencesOf(result, 'new-checkout')).toEqual([
      'src/checkout/Cart.tsx:9:23 evaluation useFlag',
      'src/flags/keys.ts:2:14 declaration CHECKOUT_FLAG',
    ]);
  });

  it('resolves enum members through tsconfig paths, and a template literal', () => {
    expect(referencesOf(result, 'dark-mode')).toEqual([
      'src/flags/keys.ts:5:3 declaration Flag',
      'src/header/Header.tsx:5:16 evaluation useFlag',
    ]);
    expect(referencesOf(result, 'beta-banner')).toEqual([
      'src/flags/keys.ts:6:3 declaration Flag',
      'src/header/Header.tsx:6:18 evaluation useFlag',
    ]);
  });

  it('resolves an as-const object re-exported under another name, through this.x.y and optional calls', () => {
    expect(referencesOf(result, 'ops-disable-recs')).toEqual([
      'src/flags/keys.ts:11:3 declaration FLAG_KEYS',
      'src/services/recommendations.ts:12:9 evaluation flags.isEnabled',
    ]);
    expect(referencesOf(result, 'promo-ribbon')).toEqual([
      'src/flags/keys.ts:10:3 declaration FLAG_KEYS',
      'src/services/recommendations.ts:13:19 evaluation flags.isEnabled',
    ]);
  });

  it('reads member accessors with element access and optional chaining', () => {
    expect(referencesOf(result, 'search-v2')).toEqual(['src/search/search.ts:5:7 evaluation config.featureToggles']);
    expect(referencesOf(result, 'searchSuggestions')).toEqual(['src/search/search.ts:10:10 evaluation config.featureToggles']);
  });

  it('reports unresolvable keys as dynamic, with a null flag', () => {
    const dynamic = result.references.filter((r) => r.kind === 'dynamic');
    expect(dynamic.map((r) => `${r.file}:${r.line}`)).toEqual(['src/admin/toggles.ts:5', 'src/lib/flags.ts:24']);
    expect(dynamic.every((r) => r.flag === null)).toBe(true);
    expect(result.summary.dynamic).toBe(2);
  });

  it('points every evaluation at the read itself', () => {
    for (const ref of result.references.filter((r) => r.kind !== 'declaration')) {
      const last = ref.via.split('.').pop()!;
      const first = ref.via.split('.')[0];
      expect(textAt(result, ref), `${ref.file}:${ref.line}`).toMatch(new RegExp(`^[\\w.?]*(${first}|${last})`));
    }
  });

  it('orders references by file, line and column', () => {
    const keys = result.references.map((r) => [r.file, r.line, r.column] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    expect(keys).toEqual(sorted);
  });

  it('counts references and files per flag, in registry order', () => {
    expect(result.flags.map((f) => [f.key, f.references, f.files])).toEqual([
      ['new-checkout', 2, 2],
      ['search-v2', 1, 1],
      ['dark-mode', 2, 2],
      ['beta-banner', 2, 2],
      ['promo-ribbon', 2, 2],
      ['ops-disable-recs', 2, 2],
      ['searchSuggestions', 1, 1],
    ]);
    expect(result.unregistered).toEqual([]);
  });
});

describe('references: wrappers', async () => {
  const result = await scanFixture('references', 'wrappers');

  it('reports calls of a fixed-key wrapper hook and the read inside it', () => {
    expect(referencesOf(result, 'one-click-buy')).toEqual([
      'src/checkout/BuyButton.tsx:4:20 evaluation useOneClickBuy',
      'src/flags/hooks.ts:5:10 evaluation client.getBooleanValue',
    ]);
  });

  it('reports calls of a forwarding wrapper with the key passed in', () => {
    expect(referencesOf(result, 'instant-search')).toEqual(['src/search/SearchBox.tsx:4:19 evaluation isOn']);
  });

  it('follows a wrapper of a wrapper into a file that names no accessor (pre-filter fixed point)', () => {
    expect(fs.readFileSync(path.join(result.root, 'src/account/Points.tsx'), 'utf8')).not.toMatch(/getBooleanValue|isOn|loyalty-points/);
    expect(referencesOf(result, 'loyalty-points')).toEqual([
      'src/account/Points.tsx:4:8 evaluation useLoyalty',
      'src/flags/hooks.ts:9:33 evaluation isOn',
    ]);
  });

  it('does not report the forwarding wrapper body as a dynamic key', () => {
    expect(referencesOf(result, null)).toEqual([]);
  });
});

describe('references: look-alikes', async () => {
  const result = await scanFixture('references', 'look-alikes');

  it('ignores keys in comments, log strings, unrelated strings and look-alike calls', () => {
    expect(result.references).toEqual([
      { flag: 'new-checkout', file: 'src/checkout.ts', line: 4, column: 10, kind: 'evaluation', test: false, via: 'flags.isEnabled' },
    ]);
  });
});

describe('discovery, the candidate pre-filter and ReferenceIndex', () => {
  it('finds the files that may mention a key or an accessor, and indexes their reads by key', async () => {
    const dir = fixture('references', 'storefront');
    const { config } = loadProjectModel(dir);
    const project = new FlagProject({ root: config.root, accessors: config.accessors });
    const { files } = await discoverFiles(dir, config, diskScanHost);
    const filter = new CandidateFilter(project.candidateWords(), ['promo-ribbon']);
    const candidates = [...loadSources(files, diskScanHost).texts].filter(([, text]) => filter.matches(text)).map(([file]) => file);
    const rel = candidates.map((f) => path.relative(dir, f).split(path.sep).join('/'));
    expect(rel).toEqual([
      'src/admin/toggles.ts',
      'src/checkout/Cart.tsx',
      'src/flags/keys.ts',
      'src/header/Header.tsx',
      'src/lib/flags.ts',
      'src/search/search.ts',
      'src/services/recommendations.ts',
    ]);

    // Reads first over all files: declarations depend on the key sources the reads went through.
    const index = new ReferenceIndex();
    for (const file of candidates) index.add(file, project.readsIn(file), []);
    for (const file of candidates) index.add(file, project.readsIn(file), project.declarationsIn(file));
    expect(index.readsOf('promo-ribbon').map((r) => [path.basename(r.file), r.line])).toEqual([['recommendations.ts', 13]]);
    expect(index.declarationsOf('promo-ribbon').map((d) => [path.basename(d.file), d.line, d.container])).toEqual([['keys.ts', 10, 'FLAG_KEYS']]);
    expect(index.filesOf('dark-mode').map((f) => path.relative(dir, f))).toEqual([
      path.join('src', 'flags', 'keys.ts'),
      path.join('src', 'header', 'Header.tsx'),
    ]);
    expect(index.dynamicReads()).toHaveLength(2);

    index.remove(candidates.find((f) => f.endsWith('Header.tsx'))!);
    expect(index.readsOf('dark-mode')).toEqual([]);
    expect(index.declarationsOf('dark-mode')).toHaveLength(1);
  });
});
