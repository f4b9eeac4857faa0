import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
