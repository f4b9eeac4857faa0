import { describe, expect, it } from 'vitest';
import { gitignoreMatters, packageJsonMatters, pnpmWorkspaceMatters, tsconfigMatters } from '../../src/history/package-json.js';

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

  it('.gitignore: counts only when a file of the tree changes from ignored to not or back', () => {
    const tree = ['src/app.ts', 'src/flags.ts', 'website/build/app.js', 'legacy/old.ts', 'frontend/src/index.ts'];
    const before = ['node_modules', '/website/build', '.env', ''].join('\n');
    // Rules for folders the tree does not have, or that keep their verdicts: nothing changes.
    expect(gitignoreMatters('/repo', '.gitignore', before, before + '.profiles/\n', tree)).toBe(false);
    expect(gitignoreMatters('/repo', '.gitignore', before, before.replace('/website/build\n', '/website/build\n/website/i18n/*\n'), tree)).toBe(false);
    // A tracked file becomes ignored, or stops being ignored.
    expect(gitignoreMatters('/repo', '.gitignore', before, before + 'legacy/\n', tree)).toBe(true);
    expect(gitignoreMatters('/repo', '.gitignore', before, before.replace('/website/build\n', ''), tree)).toBe(true);
    // A nested .gitignore's patterns are relative to its folder.
    expect(gitignoreMatters('/repo', 'frontend/.gitignore', '', 'src/\n', tree)).toBe(true);
    expect(gitignoreMatters('/repo', 'frontend/.gitignore', '', 'legacy/\n', tree)).toBe(false);
  });
});
