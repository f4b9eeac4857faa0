import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history } from '../../src/history/history.js';
import { scan } from '../../src/scan.js';
import { buildFixtureRepo, git, type FixtureCommit } from './fixture-repo.js';

let tmp: string;
let repo: string;
let commits: FixtureCommit[];

beforeAll(() => {
  tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'flagdebt-adoption-test-')));
  repo = path.join(tmp, 'repo');
  mkdirSync(repo);
  commits = buildFixtureRepo('billing', repo);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** `scan` of one commit checked out, with `model` (a checkout holding the config and registry to judge it by) copied in when it has none. */
async function scanAt(from: string, commit: FixtureCommit, model: string) {
  const worktree = path.join(tmp, `worktree-${commit.hash.slice(0, 8)}`);
  git(from, ['worktree', 'add', '-q', '--detach', worktree, commit.hash]);
  try {
    for (const name of ['flagdebt.config.json', 'flags.yaml']) {
      if (git(worktree, ['ls-files', name]).trim() === '') copyFileSync(path.join(model, name), path.join(worktree, name));
    }
    const result = await scan({ dir: worktree, now: commit.date.slice(0, 10) });
    return { flags: result.summary.flags, references: result.summary.references, stale: result.summary.stale, unregistered: result.summary.unregistered };
  } finally {
    git(from, ['worktree', 'remove', '--force', worktree]);
  }
}

describe('history before flagdebt was adopted', () => {
  it('gives a point for every commit, judged with the working tree config and registry until the commit that adds them', async () => {
    const result = await history({ dir: repo, every: 1 });
    expect(result.points.map((p) => p.commit)).toEqual(commits.map((c) => c.hash));
    expect(result.skipped).toEqual([]);
    expect(result.sampled).toBe(4);
    expect(result.points.map((p) => [p.configSource, p.registrySource])).toEqual([
      ['worktree', 'worktree'],
      ['worktree', 'worktree'],
      ['worktree', 'worktree'],
      ['commit', 'commit'],
    ]);
    for (const [i, point] of result.points.entries()) {
      expect(point, commits[i].folder).toMatchObject(await scanAt(repo, commits[i], repo));
    }
    // The story: PDFs arrive in week 2, the legacy tax read goes in week 3.
    const [initial, pdf, tax] = result.points;
    expect(initial).toMatchObject({ references: 3, unregistered: 0, flags: 4 });
    expect(pdf.references).toBe(initial.references + 2);
    expect(tax.references).toBe(pdf.references);
    // dunning-v2 expired on 2026-03-10; invoice-pdf complete since 03-12, policy 7 days.
    expect(initial.staleByOwner).toEqual({});
    expect(tax.staleByOwner).toEqual({ collections: 1 });
    expect(result.points[3].staleByOwner).toEqual({ collections: 1, documents: 1 });
    // The default sampling (one commit per ISO week) gives the same points.
    expect((await history({ dir: repo })).points).toEqual(result.points);
  });

  it('skips the commits it cannot judge, says why, and counts them', async () => {
    const clone = path.join(tmp, 'no-worktree-model');
    git(tmp, ['clone', '-q', repo, clone]);
    // Uncommitted deletions: the working tree no longer has a config or a registry.
    rmSync(path.join(clone, 'flagdebt.config.json'));
    rmSync(path.join(clone, 'flags.yaml'));
    const skippedLive: string[] = [];
    const result = await history({ dir: clone, every: 1, onSkip: (entry) => skippedLive.push(entry.commit) });
    expect(result.points.map((p) => p.commit)).toEqual([commits[3].hash]);
    expect(result.sampled).toBe(4);
    expect(result.skipped!.map((s) => s.commit)).toEqual(commits.slice(0, 3).map((c) => c.hash));
    expect(skippedLive).toEqual(result.skipped!.map((s) => s.commit));
    expect(result.skipped![0]).toEqual({
      commit: commits[0].hash,
      date: commits[0].date,
      reason: 'registry/not-found',
      message: `registry not found, neither in this commit nor in the working tree: ${path.join(clone, 'flags.yaml')}`,
      fix: expect.stringMatching(/create the registry/),
    });
  });

  it('counts flags added and removed per commit exactly as the registry keys change', async () => {
    const clone = path.join(tmp, 'registry-changes');
    git(tmp, ['clone', '-q', repo, clone]);
    const later = buildFixtureRepo('billing', clone, 'steps-registry.json');
    const all = [...commits, ...later];
    const modes: string[] = [];
    const incremental = await history({ dir: clone, every: 1, onProgress: (_d, _t, _c, mode) => modes.push(mode) });
    const full = await history({ dir: clone, every: 1, incremental: false });
    expect(incremental.points).toEqual(full.points);
    // Registry keys that came and went are followed as a subset, not a full scan.
    expect(modes.slice(4)).toEqual(['subset', 'subset']);
    const points = incremental.points;
    expect(points.map((p) => p.commit)).toEqual(all.map((c) => c.hash));
    expect(points[0].added).toBeUndefined();
    // The first three commits are judged with the working tree's registry, which is 06's here;
    // from 04 on, each commit has its own.
    expect(points.slice(1).map((p) => [p.added, p.removed])).toEqual([
      [[], []],
      [[], []],
      [['legacy-tax', 'dunning-v2'], ['usage-alerts']],
      [['usage-alerts'], []],
      [[], ['legacy-tax', 'dunning-v2']],
    ]);
    expect(points.map((p) => p.flags)).toEqual([3, 3, 3, 4, 5, 3]);
    for (const [i, point] of points.entries()) expect(point, all[i].folder).toMatchObject(await scanAt(clone, all[i], clone));
    // The enum member declares usage-alerts and the read evaluates it; dropped from the
    // registry, dunning-v2's two reads are unregistered.
    expect(points[4].references).toBe(points[3].references + 2);
    expect(points[5]).toMatchObject({ unregistered: 2, references: points[4].references });
  });
});
