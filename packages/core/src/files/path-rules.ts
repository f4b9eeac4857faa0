/**
 * The config's `include`, `exclude` and `tests` globs. They are written relative to the config
 * file's folder, which may sit above the scanned folder (the config is found by walking up).
 */
import path from 'node:path';
import type { FlagdebtConfig } from '../types.js';
import { globMatcher, relativeTo } from './scan-host.js';

type Matcher = (p: string) => boolean;

export class PathRules {
  private readonly include: Matcher;
  private readonly exclude: Matcher;
  private readonly tests: Matcher;
  private readonly relative: (file: string) => string;
  private readonly relativeToFallback: (file: string) => string;

  /**
   * `base`: the config folder. `fallbackBase`: the scanned folder, for files outside the config
   * folder (a config passed explicitly from elsewhere).
   */
  constructor(
    private readonly base: string,
    config: Pick<FlagdebtConfig, 'include' | 'exclude' | 'tests'>,
    private readonly fallbackBase: string = base,
  ) {
    this.include = globMatcher(config.include);
    this.exclude = globMatcher(config.exclude);
    this.tests = globMatcher(config.tests);
    this.relative = relativeTo(base);
    this.relativeToFallback = relativeTo(fallbackBase);
  }

  /** The path the globs are matched against: relative to the config folder when inside it. */
  private key(absFile: string): string {
    const rel = this.relative(absFile);
    if (!rel.startsWith('../') && !path.isAbsolute(rel)) return rel;
    const fallback = this.relativeToFallback(absFile);
    return fallback.startsWith('../') || path.isAbsolute(fallback) ? path.basename(absFile) : fallback;
  }

  isScanned(absFile: string): boolean {
    const rel = this.key(absFile);
    if (rel.startsWith('node_modules/') || rel.includes('/node_modules/')) return false;
    return this.include(rel) && !this.exclude(rel);
  }

  /**
   * The `include` globs that match none of `files` (the files the scan kept), each with why it
   * may be wrong. A config whose include matches nothing scans nothing and reports every flag
   * unused, which looks like a clean result.
   */
  unmatchedIncludes(include: readonly string[], files: readonly string[]): { glob: string; hint: string }[] {
    // Keys as needed: the first file usually matches (one include glob, every file under it).
    const keys: string[] = [];
    const keyAt = (i: number) => (keys[i] ??= this.key(files[i]));
    const out: { glob: string; hint: string }[] = [];
    for (const glob of include) {
      const matches = globMatcher([glob]);
      if (files.some((_, i) => matches(keyAt(i)))) continue;
      out.push({ glob, hint: globHint(glob) });
    }
    return out;
  }

  isTest(absFile: string): boolean {
    return this.tests(this.key(absFile));
  }
}

/** Why a glob may match nothing: a malformed pattern, or one written for another base. */
export function globHint(glob: string): string {
  for (const [open, close] of [['{', '}'], ['[', ']'], ['(', ')']] as const) {
    if (glob.split(open).length !== glob.split(close).length) return `it looks malformed: "${open}" and "${close}" do not pair up`;
  }
  if (glob.startsWith('./')) return 'globs are matched against paths without a leading "./": drop it';
  if (glob.startsWith('/') || /^[A-Za-z]:[\\/]/.test(glob)) return 'globs are relative to the config file\'s folder, not absolute paths';
  if (glob.includes('\\')) return 'globs use forward slashes';
  return 'no file under the config file\'s folder matches it (after exclude and .gitignore)';
}
