/**
 * Discovery's shortcuts (scan-host.ts `globMatcher`, gitignore.ts `patternScreen`) look for a
 * pattern's literal text before running picomatch or the `ignore` package. They must never
 * change a verdict: every answer is compared with the library's own over a project's paths.
 */
import path from 'node:path';
import ignore from 'ignore';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { GitignoreRules, patternScreen } from '../../src/files/gitignore.js';
import { globMatcher, requiredLiterals } from '../../src/files/scan-host.js';

/** Paths of a small web monorepo, with the odd names that trip literal shortcuts. */
const PATHS = [
  'package.json',
  '.gitignore',
  '.env',
  '.ENV.local',
  '.env.example',
  'Dockerfile',
  'docker/.yarn/releases/yarn.cjs',
  'apps/web/src/main.tsx',
  'apps/web/src/App.tsx',
  'apps/web/src/features/checkout/Checkout.tsx',
  'apps/web/src/features/checkout/Checkout.test.tsx',
  'apps/web/dist/assets/index.js',
  'apps/web/Dist/old.js',
  'apps/web/build/Release/addon.node',
  'apps/web/coverage/lcov-report/index.html',
  'apps/web/coverage',
  'apps/api/src/server.ts',
  'apps/api/src/types/global.d.ts',
  'apps/api/src/distribution/plan.ts',
  'apps/api/logs/today.log',
  'apps/api/LOGS/today.LOG',
  'apps/api/src/logsink.ts',
  'apps/api/tmp/x.pid',
  'packages/ui/.yarn/patches/a.patch',
  'packages/ui/.yarn/cache/b.zip',
  'packages/ui/src/Button.tsx',
  'packages/ui/src/.pnp.cjs',
  'src/Makefile',
  'node_modules/react/index.js',
  'a/b/c/d/e/f.ts',
];

describe('globMatcher', () => {
  const GLOBS = [
    '**/dist/**',
    '**/build/**',
    '**/coverage/**',
    '**/*.d.ts',
    '**/.yarn/**',
    '**/.pnp.cjs',
    'apps/*/src/**',
    'apps/web/src/**/*.tsx',
    '**/*.test.*',
    '*.json',
    '**',
    '*',
    './src/**',
    'src/./Makefile',
    '**/*.{ts,tsx}',
    '!**/*.ts',
    'apps/api/src/dist*/**',
    '**/[Dd]ist/**',
  ];

  it('answers as picomatch (with dot) for each glob and for the list', () => {
    for (const glob of GLOBS) {
      const ours = globMatcher([glob]);
      const theirs = picomatch(glob, { dot: true });
      for (const p of PATHS) expect(ours(p), `${glob} on ${p}`).toBe(theirs(p));
    }
    const ours = globMatcher(GLOBS.slice(0, 6));
    const theirs = picomatch(GLOBS.slice(0, 6), { dot: true });
    for (const p of PATHS) expect(ours(p), p).toBe(theirs(p));
  });

  it('looks for literals only in globs made of names, / and *', () => {
    expect(requiredLiterals('**/coverage/**')).toEqual(['coverage']);
    expect(requiredLiterals('apps/web/src/**/*.tsx')).toEqual(['apps', 'web', 'src', '.tsx']);
    expect(requiredLiterals('**/*.{ts,tsx}')).toEqual([]);
    expect(requiredLiterals('./src/**')).toEqual([]);
    expect(requiredLiterals('**/[Dd]ist/**')).toEqual([]);
  });
});

describe('gitignore screen', () => {
  const ROOT = path.resolve('/repo');
  const TEXTS = [
    'node_modules\n/dist\n*.log\nlogs\n.env*\n!.env.example\ncoverage/lcov-report\nbuild/Release\ndocker/.yarn/\n.yarn/*\n!.yarn/patches\n*.pid\n',
    '# comments only\n\n',
    'Dist\r\napps/api/src/distribution/\r\n',
  ];

  it('clears only paths no pattern can match, and every verdict is the ignore package\'s', () => {
    for (const text of TEXTS) {
      const screen = patternScreen(text);
      const rules = ignore().add(text);
      for (const p of PATHS) {
        const verdict = rules.test(p);
        if (verdict.ignored || verdict.unignored) expect(screen === null || screen.test(p), `${JSON.stringify(text)} on ${p}`).toBe(true);
      }
      const ours = new GitignoreRules([{ file: path.join(ROOT, '.gitignore'), text }]);
      for (const p of PATHS) expect(ours.ignores(path.join(ROOT, p)), p).toBe(rules.ignores(p));
    }
  });

  it('gives up on patterns whose literals do not bound what they match', () => {
    expect(patternScreen('*.log\n[Dd]ist\n')).toBeNull();
    expect(patternScreen('*.log\nfoo?.txt\n')).toBeNull();
    expect(patternScreen('\\#notes\n')).toBeNull();
    expect(patternScreen('*\n!keep.ts\n')).toBeNull();
    expect(patternScreen('caf\u00e9/\n')).toBeNull();
    expect(patternScreen('*.log\nlogs/\n')?.test('src/logsink.ts')).toBe(true);
    expect(patternScreen('*.log\nlogs/\n')?.test('src/App.tsx')).toBe(false);
  });

  it('lets a deeper .gitignore re-include what a shallower one ignores, as before', () => {
    const rules = new GitignoreRules([
      { file: path.join(ROOT, '.gitignore'), text: '*.log\n' },
      { file: path.join(ROOT, 'apps/api/.gitignore'), text: '!today.log\n' },
    ]);
    expect(rules.ignores(path.join(ROOT, 'apps/api/logs/today.log'))).toBe(false);
    expect(rules.ignores(path.join(ROOT, 'apps/web/today.log'))).toBe(true);
    expect(rules.ignores(path.join(ROOT, 'apps/web/src/App.tsx'))).toBe(false);
  });
});
