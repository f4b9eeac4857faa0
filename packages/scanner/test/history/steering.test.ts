import { describe, expect, it } from 'vitest';
import { gitignoreFlips, packageJsonMatters, pnpmWorkspaceMatters, tsconfigMatters } from '../../src/history/package-json.js';

// Which edits of the files that steer every scan force history to scan a commit in full.
describe('steering files', () => {
  it('package.json: module fields count, dependency bumps do not', () => {
    const before = JSON.stringify({ name: '@acme/ui', main: 'src/index.ts', dependencies: { react: '19.0.0' } });
    expect(packageJsonMatters(before, before.replace('19.0.0', '19.1.0'))).toBe(false);
    expect(packageJsonMatters(before, before.replace('src/index.ts', 'dist/index.js'))).toBe(true);
    expect(packageJsonMatters(undefined, before)).toBe(true);
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
  });
});
