/**
 * `.gitignore` rules the way git applies them: each file's patterns are relative to its own
 * folder, and a deeper file overrides a shallower one (including `!` re-includes).
 */
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { relativeTo } from './scan-host.js';

interface RuleSet {
  /** Folder of the .gitignore, absolute. */
  dir: string;
  /** A path relative to `dir`. */
  relative: (file: string) => string;
  /** Every pattern of the file, made on first use. */
  rules: () => Ignore;
  /** Matches every path that a pattern may match (see `patternScreen`); null: every path may match. */
  screen: RegExp | null;
  /** With a screen: each pattern with its own (the same literal runs), in the file's order. */
  patterns: { line: string; screen: RegExp }[];
  /** The patterns a path may match (their indexes) -> those patterns alone. */
  subsets: Map<string, Ignore>;
}

export class GitignoreRules {
  /** Shallowest first. */
  private readonly sets: RuleSet[];

  constructor(files: { file: string; text: string }[]) {
    this.sets = files
      .map(({ file, text }) => {
        let all: Ignore | undefined;
        const screen = patternScreen(text);
        const patterns = screen === null ? [] : patternLines(text).map((line) => ({ line, screen: new RegExp(literalRuns(line), 'i') }));
        const dir = path.dirname(file);
        return { dir, relative: relativeTo(dir), rules: () => (all ??= ignore().add(text)), screen, patterns, subsets: new Map<string, Ignore>() };
      })
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
      const rel = set.relative(absFile);
      if (set.screen !== null && !set.screen.test(rel)) continue;
      const verdict = rulesFor(set, rel).test(isDir ? `${rel}/` : rel);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }
}

/**
 * The patterns of `set` that may match `rel` or a folder above it, alone: a pattern that does not
 * match a path changes no verdict, and the path of a folder above `rel` is a prefix of it, so a
 * pattern whose literal runs `rel` lacks matches neither. Compiling the ~60 patterns of a typical
 * .gitignore for the few dozen paths that reach them cost more than the tests themselves.
 */
function rulesFor(set: RuleSet, rel: string): Ignore {
  if (set.screen === null) return set.rules();
  const picked: number[] = [];
  set.patterns.forEach((p, i) => {
    if (p.screen.test(rel)) picked.push(i);
  });
  const key = picked.join(',');
  let rules = set.subsets.get(key);
  if (rules === undefined) set.subsets.set(key, (rules = ignore().add(picked.map((i) => set.patterns[i].line))));
  return rules;
}

/** The lines of a .gitignore that are patterns (not blank, not comments), in order. */
function patternLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

/** A pattern's literal runs in order, as a regular expression source (see `patternScreen`). */
function literalRuns(line: string): string {
  return line
    .replace(/^!/, '')
    .split(/[/*\s]+/)
    .filter((l) => l.length > 0)
    .map((l) => l.toLowerCase().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[^]*');
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
  for (const line of patternLines(text)) {
    if (/[[\]?\\\u0080-\uffff]/.test(line)) return null;
    const run = literalRuns(line);
    if (run === '') return null;
    runs.add(run);
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
