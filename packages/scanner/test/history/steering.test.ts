import { describe, expect, it } from 'vitest';
import { GitignoreRules } from '@flagdebt/core/files';
import { changedRules, gitignoreFlips, literalTest, packageJsonMatters, pnpmWorkspaceMatters, tsconfigMatters } from '../../src/history/package-json.js';

// Which edits of the files that steer every scan force history to scan a commit in full.
describe('steering files', () => {
  it('package.json: module fields count, dependency bumps do not', () => {
    const before = JSON.stringify({ name: '@acme/ui', main: 'src/index.ts', dependencies: { react: '19.0.0' } });
    expect(packageJsonMatters(before, before.replace('19.0.0', '19.1.0'))).toBe(false);
    expect(packageJsonMatters(before, before.replace('src/index.ts', 'dist/index.js'))).toBe(true);
    expect(packageJsonMatters(undefined, before)).toBe(true);
  });

  it('a text is judged by what it is: package.json, pnpm-workspace.yaml and tsconfig verdicts are kept apart', () => {
    // Verdicts are kept by text (each change is judged by the plan and the resolution memo, and a
    // file edited week after week brings its last text back): the same texts in another role
    // must not get the other role's verdict.
    const a = JSON.stringify({ name: '@acme/ui', main: 'src/index.ts' });
    const b = JSON.stringify({ name: '@acme/ui', main: 'dist/index.js' });
    expect(packageJsonMatters(a, b)).toBe(true);
    expect(pnpmWorkspaceMatters(a, b)).toBe(false);
    expect(tsconfigMatters('/repo/tsconfig.json', a, b)).toBe(true);
    expect(packageJsonMatters(b, a)).toBe(true);
    expect(packageJsonMatters(a, a)).toBe(false);
    const c = JSON.stringify({ compilerOptions: { strict: true } });
    const d = JSON.stringify({ compilerOptions: { strict: false } });
    expect(tsconfigMatters('/repo/tsconfig.json', c, d)).toBe(false);
    expect(packageJsonMatters(c, d)).toBe(false);
  });

  it('pnpm-workspace.yaml: the packages list counts, overrides and release-age rules do not', () => {
    const before = ['packages:', '  - frontend', '  - packages/*', '', 'overrides:', '  esbuild: "0.28.1"', 'minimumReleaseAge: 10080', ''].join('\n');
    expect(pnpmWorkspaceMatters(before, before.replace('0.28.1', '0.28.2'))).toBe(false);
    expect(pnpmWorkspaceMatters(before, before.replace('minimumReleaseAge: 10080', 'minimumReleaseAge: 1440\nminimumReleaseAgeExclude:\n  - js-yaml@4.3.1'))).toBe(false);
    expect(pnpmWorkspaceMatters(before, before.replace('  - packages/*', '  - packages/*\n  - tools/*'))).toBe(true);
    expect(pnpmWorkspaceMatters(before, undefined)).toBe(true);
  });

  it('tsconfig: resolution options count, checker-only ones do not (comments and trailing commas allowed)', () => {
    const before = `{
  "compilerOptions": {
    "baseUrl": "./src",
    "moduleResolution": "node",
    "noImplicitAny": false, // we might want to change this
    "paths": { "@server/*": ["./../../src/lib/*"] },
    "types": ["cypress"],
  },
  "include": ["./src"]
}`;
    const file = '/repo/frontend/tsconfig.json';
    expect(tsconfigMatters(file, before, before.replace('["cypress"]', '["cypress", "node"]'))).toBe(false);
    expect(tsconfigMatters(file, before, before.replace('"noImplicitAny": false', '"noImplicitAny": true'))).toBe(false);
    expect(tsconfigMatters(file, before, before.replace('"moduleResolution": "node"', '"moduleResolution": "bundler"'))).toBe(true);
    expect(tsconfigMatters(file, before, before.replace('"baseUrl": "./src",', ''))).toBe(true);
    expect(tsconfigMatters(file, before, before.replace('["./src"]', '["./src", "./cypress"]'))).toBe(true);
    // Unreadable at either commit: cannot tell, so it counts.
    expect(tsconfigMatters(file, before, '{ "compilerOptions": ')).toBe(true);
  });

  it('.gitignore: the tracked files that change from ignored to not or back', () => {
    const tree = ['src/app.ts', 'src/flags.ts', 'website/build/app.js', 'legacy/old.ts', 'legacy/older.ts', 'frontend/src/index.ts'];
    const before = ['node_modules', '/website/build', '.env', ''].join('\n');
    // Rules for folders the tree does not have, or that keep their verdicts: nothing changes.
    expect(gitignoreFlips('/repo', '.gitignore', before, before + '.profiles/\n', tree)).toEqual([]);
    expect(gitignoreFlips('/repo', '.gitignore', before, before.replace('/website/build\n', '/website/build\n/website/i18n/*\n'), tree)).toEqual([]);
    // Tracked files become ignored, or stop being ignored.
    expect(gitignoreFlips('/repo', '.gitignore', before, before + 'legacy/\n', tree)).toEqual(['legacy/old.ts', 'legacy/older.ts']);
    expect(gitignoreFlips('/repo', '.gitignore', before, before.replace('/website/build\n', ''), tree)).toEqual(['website/build/app.js']);
    // A nested .gitignore's patterns are relative to its folder; one that appears or goes compares with nothing.
    expect(gitignoreFlips('/repo', 'frontend/.gitignore', undefined, 'src/\n', tree)).toEqual(['frontend/src/index.ts']);
    expect(gitignoreFlips('/repo', 'frontend/.gitignore', 'legacy/\n', undefined, tree)).toEqual([]);
    // A re-include that goes, or comes; the same lines in another order (the last match wins).
    const negated = ['legacy/*', '!legacy/old.ts', ''].join('\n');
    expect(gitignoreFlips('/repo', '.gitignore', negated, 'legacy/*\n', tree)).toEqual(['legacy/old.ts']);
    expect(gitignoreFlips('/repo', '.gitignore', 'legacy/*\n', negated, tree)).toEqual(['legacy/old.ts']);
    expect(gitignoreFlips('/repo', '.gitignore', negated, ['!legacy/old.ts', 'legacy/*', ''].join('\n'), tree)).toEqual(['legacy/old.ts']);
  });

  it('.gitignore: only paths the added or removed lines match can flip, unless the kept lines moved', () => {
    expect(changedRules('node_modules\n/dist\n', 'node_modules\n/dist\n.profiles/\n')).toBe('.profiles/');
    // A removed re-include is tested as the rule it negates; `!#x` and `!!x` keep their escapes.
    expect(changedRules('build/\n!build/keep.ts\n', 'build/\n')).toBe('build/keep.ts');
    expect(changedRules('a\n', 'a\n!#notes\n!!bang\n').split('\n')).toEqual(['\\#notes', '\\!bang']);
    // Kept lines in another order: every path is tested.
    expect(changedRules('a\nb\n', 'b\na\n')).toBeUndefined();
  });

  it('.gitignore: paths are screened by the literal runs of the changed lines', () => {
    const yarn = literalTest(['.yarn/*', 'frontend/.yarn/*', 'src/**/*.GEN.ts', '# a comment', '', 'yarn.lock  '].join('\n'))!;
    expect(['.yarn/patches/x.patch', 'frontend/.yarn/sdks/a.js', 'src/api/client.gen.ts', 'frontend/yarn.lock'].every(yarn)).toBe(true);
    expect(['src/yarn.ts', 'frontend/src/index.ts', 'gen.ts'].some(yarn)).toBe(false);
    // Nothing literal, or an escape: no screening.
    expect(literalTest('*\n')).toBeUndefined();
    expect(literalTest('build/\n\\#notes\n')).toBeUndefined();
  });

  it('.gitignore: the same flips as testing every path under both versions', () => {
    // Edits of a realistic .gitignore (add, remove, reorder, negate, folders, globs) against a
    // tree of sources, builds and fixtures; 200 pseudo-random edits from a fixed seed.
    const lines = ['node_modules', '/dist', 'build/', '*.log', 'coverage/', '!coverage/keep.ts', 'legacy/*', '!legacy/old.ts', 'src/**/*.gen.ts', '# generated', '.env*', 'website/', '!website/src/'];
    const tree = [
      'src/app.ts', 'src/flags.ts', 'src/api/client.gen.ts', 'src/api/client.ts', 'dist/app.js', 'build/out.ts', 'packages/ui/build/x.ts',
      'coverage/keep.ts', 'coverage/report.ts', 'legacy/old.ts', 'legacy/older.ts', 'website/src/page.ts', 'website/build/page.js', 'debug.log', '.env.local',
    ];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const brute = (before: string, after: string) => {
      const old = new GitignoreRules([{ file: '/repo/.gitignore', text: before }]);
      const now = new GitignoreRules([{ file: '/repo/.gitignore', text: after }]);
      return tree.filter((p) => old.ignores(`/repo/${p}`) !== now.ignores(`/repo/${p}`));
    };
    let flipped = 0;
    for (let round = 0; round < 200; round++) {
      const before = lines.filter(() => next(3) !== 0);
      const after = [...before];
      for (let edit = 1 + next(3); edit > 0; edit--) {
        const kind = next(3);
        if (kind === 0) after.splice(next(after.length + 1), 0, lines[next(lines.length)]);
        else if (kind === 1 && after.length > 0) after.splice(next(after.length), 1);
        else if (after.length > 1) after.push(...after.splice(next(after.length), 1));
      }
      const [a, b] = [before.join('\n'), after.join('\n')];
      const expected = brute(a, b);
      expect(gitignoreFlips('/repo', '.gitignore', a, b, tree)).toEqual(expected);
      flipped += expected.length;
    }
    expect(flipped).toBeGreaterThan(50);
  });
});
