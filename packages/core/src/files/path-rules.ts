/**
 * The config's `include`, `exclude` and `tests` globs. They are written relative to the config
 * file's folder, which may sit above the scanned folder (the config is found by walking up).
 */
import path from 'node:path';
import type { FlagdebtConfig } from '../types.js';
import { globMatcher, relativePath } from './scan-host.js';

type Matcher = (p: string) => boolean;

export class PathRules {
  private readonly include: Matcher;
  private readonly exclude: Matcher;
  private readonly tests: Matcher;

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
  }

  /** The path the globs are matched against: relative to the config folder when inside it. */
  private key(absFile: string): string {
    const rel = relativePath(this.base, absFile);
    if (!rel.startsWith('../') && !path.isAbsolute(rel)) return rel;
    const fallback = relativePath(this.fallbackBase, absFile);
    return fallback.startsWith('../') || path.isAbsolute(fallback) ? path.basename(absFile) : fallback;
  }

  isScanned(absFile: string): boolean {
    const rel = this.key(absFile);
    if (rel.startsWith('node_modules/') || rel.includes('/node_modules/')) return false;
    return this.include(rel) && !this.exclude(rel);
  }

  isTest(absFile: string): boolean {
    return this.tests(this.key(absFile));
  }
}
