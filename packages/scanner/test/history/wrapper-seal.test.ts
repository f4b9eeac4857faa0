import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history } from '../../src/history/history.js';
import type { TreeEntry } from '../../src/history/git.js';
import type { HistoryResult, SubsetDetail } from '../../src/history/types.js';
import { WrapperSeal } from '../../src/history/wrapper-seal.js';
import { buildFixtureRepo } from './fixture-repo.js';

// A subset scan starts from the last point's wrappers, sealed for the files it does not re-scan
// (wrapper-seal.ts): wrappers and gates that appear or go in a commit, and the untouched files
// that call or render them, must come out as a full scan of the commit finds them.
let tmp: string;
let repo: string;
let incremental: HistoryResult;
let full: HistoryResult;
const modes: string[] = [];
const subsets: (SubsetDetail | undefined)[] = [];

beforeAll(async () => {
  tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'flagdebt-wrapper-seal-test-')));
  repo = path.join(tmp, 'repo');
  mkdirSync(repo);
  buildFixtureRepo('gatehouse', repo);
  incremental = await history({
    dir: repo,
    every: 1,
    onProgress: (_d, _t, _c, mode, _why, subset) => {
      modes.push(mode);
      subsets.push(subset);
    },
  });
  full = await history({ dir: repo, every: 1, incremental: false });
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('history keeps the wrapper fixed point across points', () => {
  it('gives the same points as scanning every commit in full, each later commit as a subset', () => {
    expect(incremental.points).toEqual(full.points);
    expect(modes).toEqual(['full', 'subset', 'subset', 'subset', 'subset', 'subset']);
  });

  it('finds a wrapper that appears behind an `export *` barrel, and the untouched wrapper built on it', () => {
    const [initial, hook] = incremental.points;
    // checkout.ts's own read, express.ts's (untouched: its useCheckout comes through the barrel
    // flags/index.ts, which re-exports and so is never sealed), and Cart's two calls.
    expect(hook.references).toBe(initial.references + 4);
    expect(subsets[1]!.rescanned).toEqual(['src/flags/checkout.ts', 'src/flags/express.ts', 'src/pages/Cart.tsx']);
  });

  it('finds a new gate built on a sealed gate', () => {
    const [, hook, gateOnGate] = incremental.points;
    // <BetaGate name="beta-reports"> in Reports.tsx; FeatureGate.tsx is sealed with its gate.
    expect(gateOnGate.references).toBe(hook.references + 1);
  });

  it('re-scans an untouched page that renders a component which became a gate', () => {
    const [, , gateOnGate, panel] = incremental.points;
    // Orders.tsx renders <Panel flag="orders-v2">: a read once Panel reads its flag prop.
    expect(panel.references).toBe(gateOnGate.references + 1);
    expect(subsets[3]!.rescanned).toContain('src/pages/Orders.tsx');
    expect(subsets[3]!.rounds).toBe(2);
  });

  it('follows a new hook into a wrapper of an excluded file, which the last point never sealed', () => {
    const [, , , panel, vendor] = incremental.points;
    // reports.ts: useReportsExport (built on vendor/kit.ts's useLegacyExport) and
    // useReportsSharing; Reports.tsx calls useReportsExport.
    expect(vendor.references).toBe(panel.references + 3);
  });

  it('drops the reads of a wrapper and a gate that went, in the untouched files too', () => {
    const [, , , , vendor, removed] = incremental.points;
    // checkout.ts and express.ts bodies, Cart's two calls, Orders' <Panel flag>.
    expect(removed.references).toBe(vendor.references - 5);
    expect(subsets[5]!.rescanned).toEqual(expect.arrayContaining(['src/flags/express.ts', 'src/pages/Cart.tsx', 'src/pages/Orders.tsx']));
  });
});

describe('WrapperSeal', () => {
  const root = '/repo';
  const texts: Record<string, string> = {
    a: 'export function useA() { return useFlag("a"); }',
    b: "export * from './b-impl';",
    c: 'export const useC = () => useFlag("c");',
    d: "module.exports = { useD: require('./d') };",
  };
  const tree = new Map<string, TreeEntry>([
    ['src/a.ts', { blob: 'a', mode: '100644' }],
    ['src/b.ts', { blob: 'b', mode: '100644' }],
    ['src/c.ts', { blob: 'c', mode: '100644' }],
    ['src/d.js', { blob: 'd', mode: '100644' }],
    ['vendor/e.ts', { blob: 'a', mode: '100644' }],
  ]);
  const seal = new WrapperSeal(root, (blob) => texts[blob]);
  const scanned = new Set(['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/d.js']);
  const wrappers = [
    { name: 'useA', file: 'src/a.ts' },
    { name: 'useC', file: 'src/c.ts' },
    { name: 'useE', file: 'vendor/e.ts' },
  ];

  it('seals the wrappers of files neither re-scanned, unscanned nor re-exporting', () => {
    const { names, covers } = seal.for(tree, new Set(['src/c.ts']), scanned, wrappers);
    expect(names).toEqual(['useA']);
    expect(covers('/repo/src/a.ts')).toBe(true);
    expect(covers('/repo/src/c.ts')).toBe(false); // re-scanned
    expect(covers('/repo/src/b.ts')).toBe(false); // export *
    expect(covers('/repo/src/d.js')).toBe(false); // module.exports
    expect(covers('/repo/vendor/e.ts')).toBe(false); // not scanned by the last point
    expect(covers('/repo/src/missing.ts')).toBe(false);
    expect(covers('/elsewhere/src/a.ts')).toBe(false);
  });
});
