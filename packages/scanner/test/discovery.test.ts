import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../src/index.js';
import { diskScanHost, type ScanHost } from '@flagdebt/core/files';
import { files, fixture, NOW, scanFixture } from './helpers.js';

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of a fixture in a temp folder, for what git cannot store (node_modules, symlinks). */
function copyFixture(theme: string, name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `flagdebt-${name}-`));
  temporary.push(dir);
  fs.cpSync(fixture(theme, name), dir, { recursive: true });
  return dir;
}

/**
 * Files the fixtures' own .gitignore rules hide from git as well, so a checkout lacks them:
 * the test writes them, and checks they are there, before asserting that the scan skips them.
 */
const IGNORED: Record<string, string[]> = {
  'root-gitignore': ['generated/theme.ts', 'src/theme.gen.ts', 'out/theme.ts'],
  'nested-gitignore': ['packages/web/src/__generated__/theme.ts', 'packages/web/src/snapshots/theme.ts'],
};

beforeAll(() => {
  for (const [name, rels] of Object.entries(IGNORED)) {
    for (const rel of rels) {
      const file = path.join(fixture('discovery', name), rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, "import { useFlag } from '@acme/flags';\n\nexport const ignored = useFlag('dark-mode');\n");
    }
  }
});

describe('discovery', () => {
  it('honours the root .gitignore: folders, globs and bare names', async () => {
    for (const rel of IGNORED['root-gitignore']) expect(fs.existsSync(path.join(fixture('discovery', 'root-gitignore'), rel))).toBe(true);
    const result = await scanFixture('discovery', 'root-gitignore');
    expect(files(result)).toEqual(['src/theme.ts']);
    expect(result.summary.files).toBe(1);
  });

  it('honours nested .gitignore files relative to their folder, with re-includes', async () => {
    for (const rel of IGNORED['nested-gitignore']) expect(fs.existsSync(path.join(fixture('discovery', 'nested-gitignore'), rel))).toBe(true);
    const result = await scanFixture('discovery', 'nested-gitignore');
    expect(files(result)).toEqual([
      // packages/web/.gitignore ignores src/__generated__/* of web only, and re-includes keep.ts
      'packages/api/src/__generated__/theme.ts',
      'packages/web/src/__generated__/keep.ts',
      'packages/web/src/theme.ts',
    ]);
  });

  it('scanning a sub-folder uses the config above it and the .gitignore files of its parents', async () => {
    // The config and the `snapshots/` rule live in nested-gitignore/, above packages/web.
    const result = await scan({ dir: path.join(fixture('discovery', 'nested-gitignore'), 'packages', 'web'), now: NOW });
    expect(result.root).toBe(path.join(fixture('discovery', 'nested-gitignore'), 'packages', 'web'));
    expect(files(result)).toEqual(['src/__generated__/keep.ts', 'src/theme.ts']);
    expect(result.summary.files).toBe(2);
  });

  it('applies the config include and exclude globs', async () => {
    const result = await scanFixture('discovery', 'exclude-include');
    expect(files(result)).toEqual(['scripts/theme.mjs', 'src/theme.ts']);
  });

  it('never scans node_modules, even when no .gitignore mentions it', async () => {
    const dir = copyFixture('discovery', 'node-modules');
    const vendored = path.join(dir, 'node_modules', '@acme', 'flags');
    fs.mkdirSync(vendored, { recursive: true });
    fs.writeFileSync(path.join(vendored, 'index.ts'), "export const on = useFlag('dark-mode');\n");
    fs.mkdirSync(path.join(dir, 'src', 'node_modules'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src', 'node_modules', 'local.ts'), "export const on = useFlag('dark-mode');\n");
    const result = await scan({ dir, now: NOW });
    expect(files(result)).toEqual(['src/theme.ts']);
  });

  it('does not hang on a symlink loop', async () => {
    const dir = copyFixture('discovery', 'node-modules');
    fs.symlinkSync('..', path.join(dir, 'src', 'loop'), 'dir');
    fs.symlinkSync(path.join(dir, 'src'), path.join(dir, 'src', 'self'), 'dir');
    const result = await scan({ dir, now: NOW });
    expect(files(result)).toEqual(['src/theme.ts']);
  });

  it('matches include and exclude itself unless the host listed exactly those globs', async () => {
    const dir = fixture('discovery', 'exclude-include');
    // A host that lists one file the config excludes (build/ is excluded by default).
    const extra = path.join(dir, 'build', 'theme.ts');
    const lister = (exactListing: boolean): ScanHost => ({
      ...diskScanHost,
      exactListing,
      readFile: (file) => (file === extra ? "export const on = useFlag('dark-mode');\n" : diskScanHost.readFile(file)),
      readSource: undefined,
      listFiles: async (root, options) => [...(await diskScanHost.listFiles(root, options)), extra],
    });
    expect(files(await scan({ dir, now: NOW, host: lister(false) }))).toEqual(['scripts/theme.mjs', 'src/theme.ts']);
    // Trusted: whatever an exact host lists is scanned without a second match.
    expect(files(await scan({ dir, now: NOW, host: lister(true) }))).toContain('build/theme.ts');
  });

  it('reports progress up to the total', async () => {
    const calls: [number, number][] = [];
    await scan({ dir: fixture('discovery', 'exclude-include'), now: NOW, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeGreaterThan(0);
    const last = calls[calls.length - 1];
    expect(last[0]).toBe(last[1]);
    for (const [done, total] of calls) expect(done).toBeLessThanOrEqual(total);
  });
});
