import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history } from '../../src/history/history.js';
import { renderHistory, renderHistoryCsv, renderHistoryJson } from '../../src/history/render.js';
import { isoWeek } from '../../src/history/sampling.js';
import type { HistoryPoint } from '../../src/history/types.js';
import { scan } from '../../src/scan.js';
import { buildFixtureRepo, git, type FixtureCommit } from './fixture-repo.js';

let tmp: string;
let repo: string;
let commits: FixtureCommit[];
const byFolder = (folder: string) => commits.find((c) => c.folder === folder)!.hash;

beforeAll(() => {
  tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'flagdebt-history-test-')));
  repo = path.join(tmp, 'repo');
  mkdirSync(repo);
  commits = buildFixtureRepo('storefront', repo);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** What `scan` says about one commit, checked out on its own in a temporary worktree. */
type Counts = Omit<HistoryPoint, 'commit' | 'date' | 'added' | 'removed' | 'configSource' | 'registrySource'>;

async function scanCheckedOut(commit: FixtureCommit): Promise<Counts> {
  const worktree = path.join(tmp, `worktree-${commit.hash.slice(0, 8)}`);
  git(repo, ['worktree', 'add', '-q', '--detach', worktree, commit.hash]);
  try {
    const result = await scan({ dir: path.join(worktree, 'shop'), now: commit.date.slice(0, 10) });
    const live = result.flags.filter((f) => f.state !== 'archived');
    const count = (type: string) => live.filter((f) => f.type === type).length;
    const staleByOwner: Record<string, number> = {};
    for (const flag of result.flags) if (flag.stale) staleByOwner[flag.owner] = (staleByOwner[flag.owner] ?? 0) + 1;
    return {
      staleByOwner,
      flags: result.summary.flags,
      references: result.summary.references,
      stale: result.summary.stale,
      unregistered: result.summary.unregistered,
      byType: { release: count('release'), experiment: count('experiment'), ops: count('ops'), permission: count('permission') },
    };
  } finally {
    git(repo, ['worktree', 'remove', '--force', worktree]);
  }
}

describe('history', () => {
  it('gives, at every commit, exactly what scan gives on that commit checked out', async () => {
    const result = await history({ dir: path.join(repo, 'shop'), every: 1 });
    expect(result.version).toBe(1);
    expect(result.points.map((p) => p.commit)).toEqual(commits.map((c) => c.hash));
    for (const [i, point] of result.points.entries()) {
      expect(point.date).toBe(commits[i].date);
      const { commit: _commit, date: _date, added: _added, removed: _removed, configSource, registrySource, ...counts } = point;
      expect(counts, commits[i].folder).toEqual(await scanCheckedOut(commits[i]));
      // Every commit of this fixture has its own config and registry.
      expect([configSource, registrySource]).toEqual(['commit', 'commit']);
    }
  });

  it('tells the story of the fixture', async () => {
    const { points } = await history({ dir: path.join(repo, 'shop'), every: 1 });
    const [initial, search, typo, complete, wrapper, removed, admin] = points;
    expect(initial).toMatchObject({ flags: 2, unregistered: 0, stale: 0, byType: { release: 1, ops: 1, experiment: 0, permission: 0 } });
    expect(search.byType.experiment).toBe(1);
    // The typo is unregistered; the dynamic `exp-${name}` key is not a key at all.
    expect(typo.unregistered).toBe(1);
    expect(typo.references).toBe(search.references + 2);
    expect(complete.stale).toBe(0);
    // 2026-10-20: checkout complete for 30 days (policy now 7) and expired; search-v2 expired on 09-30.
    expect(wrapper.stale).toBe(2);
    expect(wrapper.unregistered).toBe(0);
    expect(removed).toMatchObject({ flags: 2, byType: { release: 0, experiment: 1, ops: 1, permission: 0 } });
    expect(admin).toMatchObject({ flags: 3, byType: { permission: 1 } });
  });

  it('never touches the working tree, the index or HEAD', async () => {
    const dirty = path.join(repo, 'shop', 'src', 'recs', 'index.ts');
    const original = readFileSync(dirty, 'utf8');
    appendFileSync(dirty, "\nexport const extra = () => flags.isEnabled('uncommitted-flag', false);\n");
    writeFileSync(path.join(repo, 'shop', 'src', 'untracked.ts'), "import { useFlag } from './client';\nuseFlag('untracked-flag');\n");
    git(repo, ['add', 'shop/src/untracked.ts']);
    const before = { head: git(repo, ['rev-parse', 'HEAD']), status: git(repo, ['status', '--porcelain']), dirty: readFileSync(dirty, 'utf8') };
    try {
      const { points } = await history({ dir: path.join(repo, 'shop'), every: 3 });
      // The uncommitted reads (one unregistered each) are not part of any commit.
      expect(points.at(-1)!.unregistered).toBe(0);
      expect(git(repo, ['rev-parse', 'HEAD'])).toBe(before.head);
      expect(git(repo, ['status', '--porcelain'])).toBe(before.status);
      expect(readFileSync(dirty, 'utf8')).toBe(before.dirty);
    } finally {
      git(repo, ['rm', '-q', '--cached', 'shop/src/untracked.ts']);
      rmSync(path.join(repo, 'shop', 'src', 'untracked.ts'));
      writeFileSync(dirty, original);
    }
  });

  it('samples the last commit of each ISO week by default', async () => {
    expect(isoWeek(Date.parse(commits[5].date) / 1000)).toBe(isoWeek(Date.parse(commits[6].date) / 1000));
    const { points } = await history({ dir: path.join(repo, 'shop') });
    expect(points.map((p) => p.commit)).toEqual(
      ['01-initial', '02-search-experiment', '03-typo-and-dynamic', '04-checkout-complete', '05-wrapper-and-policy', '07-admin-permission'].map(byFolder),
    );
  });

  it('samples every Nth commit counting back from HEAD', async () => {
    const { points } = await history({ dir: path.join(repo, 'shop'), every: 2 });
    expect(points.map((p) => p.commit)).toEqual(['01-initial', '03-typo-and-dynamic', '05-wrapper-and-policy', '07-admin-permission'].map(byFolder));
  });

  it('limits the range with since and now', async () => {
    const since = await history({ dir: path.join(repo, 'shop'), since: '2026-09-20' });
    expect(since.points.map((p) => p.commit)).toEqual(['04-checkout-complete', '05-wrapper-and-policy', '07-admin-permission'].map(byFolder));
    const asOf = await history({ dir: path.join(repo, 'shop'), now: '2026-11-09', every: 1 });
    expect(asOf.points.at(-1)!.commit).toBe(byFolder('06-checkout-removed'));
    expect(asOf.points).toHaveLength(6);
  });

  it('reports progress per sampled commit', async () => {
    const calls: [number, number, string][] = [];
    await history({ dir: path.join(repo, 'shop'), every: 3, onProgress: (done, total, commit) => calls.push([done, total, commit]) });
    expect(calls.map(([d, t, c]) => [d, t, c])).toEqual([
      [1, 3, byFolder('01-initial')],
      [2, 3, byFolder('04-checkout-complete')],
      [3, 3, byFolder('07-admin-permission')],
    ]);
  });

  it('skips a commit whose registry is broken, and says why', async () => {
    const clone = path.join(tmp, 'broken');
    git(tmp, ['clone', '-q', repo, clone]);
    appendFileSync(path.join(clone, 'shop', 'flags.yaml'), '  broken-flag:\n    type: relase\n');
    git(clone, ['commit', '-q', '-am', 'broken registry'], '2026-11-20T10:00:00Z');
    const result = await history({ dir: path.join(clone, 'shop'), since: '2026-11-01', every: 1 });
    expect(result.points.map((p) => p.commit)).toEqual([byFolder('06-checkout-removed'), byFolder('07-admin-permission')]);
    expect(result.skipped).toHaveLength(1);
    expect(result.sampled).toBe(3);
    expect(result.skipped![0]).toMatchObject({ reason: expect.stringMatching(/^registry\//), message: expect.stringMatching(/relase/), fix: expect.any(String) });
    expect(result.skipped![0].message).toContain('flags.yaml:');
  });

  it('takes an explicit config file, and skips commits it cannot load', async () => {
    const config = path.join(repo, 'shop', 'flagdebt.config.json');
    const explicit = await history({ dir: path.join(repo, 'shop'), every: 1, config });
    const found = await history({ dir: path.join(repo, 'shop'), every: 1 });
    expect(explicit.points).toEqual(found.points);
    const outside = await history({ dir: path.join(repo, 'shop'), every: 1, config: path.join(tmp, 'missing.json') });
    expect(outside.points).toEqual([]);
    expect(outside.skipped).toHaveLength(commits.length);
  });

  it('refuses a folder outside any git work tree', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'flagdebt-no-git-'));
    try {
      await expect(history({ dir: outside })).rejects.toMatchObject({ diagnostics: [expect.objectContaining({ code: 'history/not-a-repository' })] });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('history renderers', () => {
  const result = {
    version: 1 as const,
    points: [
      { commit: 'a'.repeat(40), date: '2026-09-01T10:00:00Z', flags: 3, references: 12, stale: 0, unregistered: 1, byType: { release: 2, experiment: 0, ops: 1, permission: 0 } },
      { commit: 'b'.repeat(40), date: '2026-09-08T10:00:00Z', flags: 4, references: 15, stale: 1, unregistered: 0, byType: { release: 2, experiment: 1, ops: 1, permission: 0 } },
    ],
  };

  it('renders by format name, and refuses an unknown one', () => {
    expect(renderHistory(result, 'json')).toBe(renderHistoryJson(result));
    expect(renderHistory(result, 'csv')).toBe(renderHistoryCsv(result));
    expect(renderHistory(result, 'html')).toContain('id="chart-trend"');
    expect(() => renderHistory(result, 'xml')).toThrow(/unknown history format "xml"/);
  });

  it('writes JSON that reads back as the same result', () => {
    expect(JSON.parse(renderHistoryJson(result))).toEqual(result);
  });

  it('writes one CSV row per point, oldest first', () => {
    const lines = renderHistoryCsv(result).split('\r\n');
    expect(lines[0]).toBe('commit,date,flags,references,stale,unregistered,flags_release,flags_experiment,flags_ops,flags_permission');
    expect(lines[1]).toBe(`${'a'.repeat(40)},2026-09-01T10:00:00Z,3,12,0,1,2,0,1,0`);
    expect(lines[2]).toBe(`${'b'.repeat(40)},2026-09-08T10:00:00Z,4,15,1,0,2,1,1,0`);
    expect(lines[3]).toBe('');
  });
});
