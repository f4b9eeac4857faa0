import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history } from '../../src/history/history.js';
import { buildFixtureRepo, type FixtureCommit } from './fixture-repo.js';

let tmp: string;
let repo: string;
let commits: FixtureCommit[];

beforeAll(() => {
  tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'flagdebt-incremental-test-')));
  repo = path.join(tmp, 'repo');
  mkdirSync(repo);
  commits = buildFixtureRepo('warehouse', repo);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('incremental history', () => {
  it('gives the same points as scanning every commit in full', async () => {
    const modes: string[] = [];
    const incremental = await history({ dir: repo, every: 1, onProgress: (_d, _t, _c, mode) => modes.push(mode) });
    const full = await history({ dir: repo, every: 1, incremental: false });
    expect(incremental.points).toEqual(full.points);
    expect(full.points.map((p) => p.commit)).toEqual(commits.map((c) => c.hash));
    expect(modes).toEqual([
      'full', // the first point has nothing to build on
      'subset', // a leaf file
      'subset', // a shared constant: its importers are re-scanned with it
      'subset', // a read now resolves through PickingMode: modes.ts (only listed) gains declarations
      'subset', // the registry changed a state but not its keys; a leaf file
      'subset', // a new wrapper in hooks.ts and its caller
      'subset', // a new file
      'subset', // new files again: a wrapper of a wrapper, and a component importing it
      'subset', // the component now calls the nested wrapper, known only through the fixed point
    ]);
  });

  it('tracks what changed in files the commit did not touch', async () => {
    const { points } = await history({ dir: repo, every: 1 });
    const [initial, leaf, constant, marked, , , , nested, nestedCall] = points;
    // The typo in dispatch.ts is one more unregistered read.
    expect(leaf.unregistered).toBe(initial.unregistered + 1);
    expect(leaf.references).toBe(initial.references + 1);
    // Bumping SEARCH_KEY makes the wrapper's own read (hooks.ts) and its call (SearchPage.tsx)
    // read an unregistered key, though only keys.ts changed.
    expect(constant.unregistered).toBe(leaf.unregistered + 2);
    // picker.ts gains a read, and modes.ts (untouched) gains its two enum members as declarations.
    expect(marked.references).toBe(constant.references + 3);
    // Banner.tsx names no accessor; its call of useShippingPaused is found through two wrappers.
    expect(nestedCall.references).toBe(nested.references + 1);
  });

  it('never changes the result when incremental scanning is switched off', async () => {
    const modes: string[] = [];
    await history({ dir: repo, every: 1, incremental: false, onProgress: (_d, _t, _c, mode) => modes.push(mode) });
    expect(new Set(modes)).toEqual(new Set(['full']));
  });
});
