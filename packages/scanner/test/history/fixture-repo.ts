import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { history } from '../../src/history/history.js';
import type { HistoryResult } from '../../src/history/types.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export interface FixtureCommit {
  hash: string;
  date: string;
  message: string;
  folder: string;
}

export function git(cwd: string, args: string[], date?: string): string {
  return execFileSync('git', ['-c', 'user.name=Flag Debt', '-c', 'user.email=dev@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
  });
}

/**
 * Replays fixtures/<name>/<stepsFile> into the git repository at `root`, created when it has
 * none yet (a clone can be continued with another steps file).
 */
export function buildFixtureRepo(name: 'storefront' | 'warehouse' | 'billing' | 'ledger' | 'gatehouse', root: string, stepsFile = 'steps.json'): FixtureCommit[] {
  const fixture = path.join(FIXTURES, name);
  const steps = JSON.parse(readFileSync(path.join(fixture, stepsFile), 'utf8')) as Omit<FixtureCommit, 'hash'>[];
  if (!existsSync(path.join(root, '.git'))) git(root, ['init', '-q', '-b', 'main']);
  return steps.map((step) => {
    const source = path.join(fixture, step.folder);
    for (const name of readdirSync(source)) {
      if (name !== '.deleted') cpSync(path.join(source, name), path.join(root, name), { recursive: true });
    }
    const deleted = path.join(source, '.deleted');
    try {
      for (const rel of readFileSync(deleted, 'utf8').split('\n').filter(Boolean)) rmSync(path.join(root, rel));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    // -f: the legacy folder was committed before .gitignore listed it, as happens in real repositories.
    git(root, ['add', '-A', '-f']);
    git(root, ['commit', '-q', '-m', step.message], step.date);
    return { ...step, hash: git(root, ['rev-parse', 'HEAD']).trim() };
  });
}

/** Writes `changes` (repository-relative path -> text) into `repo` and commits them on `date`. */
export function commitFiles(repo: string, changes: Record<string, string>, message: string, date: string): void {
  for (const [rel, text] of Object.entries(changes)) {
    mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    writeFileSync(path.join(repo, rel), text);
  }
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', message], date);
}

/** A new git repository in a temporary folder, for a history scripted commit by commit. */
export function scriptedRepo(name: string): { repo: string; commit(changes: Record<string, string>, message: string, date: string): void; cleanup(): void } {
  const tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), `flagdebt-${name}-test-`)));
  const repo = path.join(tmp, 'repo');
  mkdirSync(repo);
  git(repo, ['init', '-q', '-b', 'main']);
  return { repo, commit: (changes, message, date) => commitFiles(repo, changes, message, date), cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}

/** Every commit of `repo` as a point, incrementally (with each point's mode) and scanned from scratch. */
export async function historyBothWays(repo: string): Promise<{ incremental: HistoryResult; full: HistoryResult; modes: string[] }> {
  const modes: string[] = [];
  const incremental = await history({ dir: repo, every: 1, onProgress: (_d, _t, _c, mode) => modes.push(mode) });
  const full = await history({ dir: repo, every: 1, incremental: false });
  return { incremental, full, modes };
}
