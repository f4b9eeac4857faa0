/**
 * PR mode (`scan --changed-since <ref>`): the files a branch changed since it left `ref`, i.e.
 * since their merge base, plus uncommitted and untracked files: what a pull request would show.
 */
import { execFileSync } from 'node:child_process';
import { FlagdebtError } from '@flagdebt/core';

/** Paths relative to `dir` (forward slashes) of files changed since `ref`'s merge base with HEAD. */
export function changedFiles(dir: string, ref: string): Set<string> {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  let base: string;
  try {
    base = git('merge-base', ref, 'HEAD').trim();
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0];
    throw new FlagdebtError({
      severity: 'error',
      code: 'scan/bad-git-ref',
      file: '--changed-since',
      line: 0,
      column: 0,
      message: `cannot compare with "${ref}" in ${dir}${stderr ? `: ${stderr}` : ''}`,
      fix: 'pass a branch, tag or commit of this repository (in CI, fetch it first: e.g. `git fetch origin main` and `--changed-since origin/main`)',
    });
  }
  const changed = git('diff', '--name-only', '--relative', '--no-renames', '-z', base, '--').split('\0');
  const untracked = git('ls-files', '--others', '--exclude-standard', '-z').split('\0');
  return new Set([...changed, ...untracked].filter((file) => file !== ''));
}
