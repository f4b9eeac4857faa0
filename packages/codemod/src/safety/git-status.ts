import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Files among `files` with uncommitted changes (`git status --porcelain`). Outside a git
 * repository (or without git) nothing counts as dirty.
 */
export function dirtyFiles(dir: string, files: string[]): string[] {
  let top: string;
  let out: string;
  try {
    top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    out = execFileSync('git', ['status', '--porcelain', '-z', '--untracked-files=all'], { cwd: top, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return [];
  }
  const dirty = new Set<string>();
  const entries = out.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.length < 4) continue;
    dirty.add(path.resolve(top, e.slice(3)));
    // A rename entry is followed by its source path.
    if (e[0] === 'R' || e[0] === 'C') i++;
  }
  const real = (p: string) => path.resolve(p);
  return files.filter((f) => dirty.has(real(f)));
}
