import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history } from '../../src/history/history.js';
import type { HistoryResult } from '../../src/history/types.js';
import { buildFixtureRepo, type FixtureCommit } from './fixture-repo.js';

// Files that vanish and come back, and an alias that appears: the importers never change, so
// only the kept resolutions and parses (and the plan's rewiring) can get them wrong.
let tmp: string;
let repo: string;
let commits: FixtureCommit[];
let incremental: HistoryResult;
let full: HistoryResult;
const modes: string[] = [];

beforeAll(async () => {
  tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'flagdebt-rewiring-test-')));
  repo = path.join(tmp, 'repo');
  mkdirSync(repo);
  commits = [...buildFixtureRepo('warehouse', repo), ...buildFixtureRepo('warehouse', repo, 'steps-rewiring.json')];
  incremental = await history({ dir: repo, every: 1, onProgress: (_d, _t, _c, mode, why) => modes.push(why ? `${mode}:${why}` : mode) });
  full = await history({ dir: repo, every: 1, incremental: false });
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('incremental history when imports resolve elsewhere', () => {
  it('gives the same points as scanning every commit in full, without a full scan', () => {
    expect(full.points.map((p) => p.commit)).toEqual(commits.map((c) => c.hash));
    expect(incremental.points).toEqual(full.points);
    expect(modes).toEqual(['full:first', ...commits.slice(1).map(() => 'subset')]);
  });

  it('follows each move of the key constants', () => {
    const [before, deleted, restored, moved, aliased, targetDeleted, targetRestored, zoned] = incremental.points.slice(8);
    const counts = (p: HistoryResult['points'][number]) => ({ references: p.references, unregistered: p.unregistered });
    // Without keys.ts, the wrapper's read and its call in SearchPage name no key (search-v3, unregistered).
    expect(counts(deleted)).toEqual({ references: before.references - 2, unregistered: before.unregistered - 2 });
    // The same file back (the same blob): exactly the point before it vanished.
    expect({ ...restored, commit: '', date: '' }).toEqual({ ...before, commit: '', date: '' });
    // keys/index.ts answers `./keys` with the registered search-v2; quick.ts's alias is not mapped yet.
    expect(moved.unregistered).toBe(deleted.unregistered);
    // The alias maps quick.ts's import: a read of quick-search, which the registry does not have.
    expect(counts(aliased)).toEqual({ references: moved.references + 1, unregistered: moved.unregistered + 1 });
    // Its target gone, neither `./keys` nor the alias resolves; back as it was, both do again.
    expect(targetDeleted.unregistered).toBe(deleted.unregistered);
    expect(targetDeleted.references).toBeLessThan(aliased.references);
    // (dock/zones.ts arrives with it: one more read, of fast-picking.)
    expect(counts(targetRestored)).toEqual({ references: aliased.references + 1, unregistered: aliased.unregistered });
    // loading.ts reads cold-dock through DockZone: zones.ts, only listed, gains two declarations
    // and keeps its own read.
    expect(counts(zoned)).toEqual({ references: targetRestored.references + 3, unregistered: targetRestored.unregistered + 1 });
  });
});
