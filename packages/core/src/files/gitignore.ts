/**
 * `.gitignore` rules the way git applies them: each file's patterns are relative to its own
 * folder, and a deeper file overrides a shallower one (including `!` re-includes).
 */
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { relativePath } from './scan-host.js';

interface RuleSet {
  /** Folder of the .gitignore, absolute. */
  dir: string;
  rules: Ignore;
  /** Matches every path that a pattern may match (see `patternScreen`); null: every path may match. */
  screen: RegExp | null;
}

export class GitignoreRules {
  /** Shallowest first. */
  private readonly sets: RuleSet[];

  constructor(files: { file: string; text: string }[]) {
    this.sets = files
      .map(({ file, text }) => ({ dir: path.dirname(file), rules: ignore().add(text), screen: patternScreen(text) }))
      .sort((a, b) => a.dir.length - b.dir.length);
  }

  get size(): number {
    return this.sets.length;
  }

  /** Verdicts by path (a trailing `/` for a folder): rules are kept across scans (discover-files.ts). */
  private readonly verdicts = new Map<string, boolean>();

  ignores(absFile: string, isDir = false): boolean {
    const key = isDir ? `${absFile}/` : absFile;
    let verdict = this.verdicts.get(key);
    if (verdict === undefined) this.verdicts.set(key, (verdict = this.test(absFile, isDir)));
    return verdict;
  }

  private test(absFile: string, isDir: boolean): boolean {
    let ignored = false;
    for (const set of this.sets) {
      if (!isInside(set.dir, absFile)) continue;
      const rel = relativePath(set.dir, absFile);
      if (set.screen !== null && !set.screen.test(rel)) continue;
      const verdict = set.rules.test(isDir ? `${rel}/` : rel);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }
}

/**
 * A regular expression that finds, case-insensitively as `ignore` matches, each pattern's literal
 * runs in their order: a pattern matches a path, or a folder above it, only if the path holds
 * them so, and a path that holds no pattern's is cleared without running the rules. Testing 6,000
 * paths against the `ignore` package costs ~70-120 ms, mostly its caches. Null (always run the
 * rules) when some pattern has syntax beyond names, `/`, `*` and `!` (classes, `?`, escapes),
 * non-ASCII text (whose case folding differs), or no literal at all.
 */
export function patternScreen(text: string): RegExp | null {
  const runs = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (/[[\]?\\\u0080-\uffff]/.test(line)) return null;
    const literals = line
      .replace(/^!/, '')
      .split(/[/*\s]+/)
      .filter((l) => l.length > 0);
    if (literals.length === 0) return null;
    runs.add(literals.map((l) => l.toLowerCase().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('[^]*'));
  }
  // Nothing but comments: no path can match; an empty alternation would match every one.
  if (runs.size === 0) return /(?!)/;
  return new RegExp([...runs].join('|'), 'i');
}

function isInside(dir: string, file: string): boolean {
  return file.length > dir.length && file.startsWith(dir) && (file[dir.length] === path.sep || dir.endsWith(path.sep));
}

/**
 * `.gitignore` files above `dir` up to the repository root (the folder holding `.git`), so that
 * scanning a sub-folder of a repository honours the rules of its parents.
 */
export function ancestorGitignores(dir: string, exists: (file: string) => boolean): string[] {
  const found: string[] = [];
  let current = path.dirname(dir);
  let child = dir;
  // A scanned folder that is itself the repository root has no ancestors to consult.
  if (isGitDir(dir, exists)) return found;
  while (current !== child) {
    const candidate = path.join(current, '.gitignore');
    if (exists(candidate)) found.push(candidate);
    if (isGitDir(current, exists)) return found;
    child = current;
    current = path.dirname(current);
  }
  // No repository above: the parents' .gitignore files do not govern this folder.
  return [];
}

function isGitDir(dir: string, exists: (file: string) => boolean): boolean {
  return exists(path.join(dir, '.git', 'HEAD')) || exists(path.join(dir, '.git'));
}
