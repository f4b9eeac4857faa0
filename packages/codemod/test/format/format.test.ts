import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeFlags } from '../../src/index.js';
import { tempProject } from '../support/temp-project.js';
import { installFakeBiome, installFakePrettier } from './fake-formatters.js';

/**
 * A banner whose condition the fold shortens. The codemod joins `const showBanner =\n !dismissed`
 * itself (it fits in 80 columns); `title` is untouched code a formatter at printWidth 40 leaves too.
 */
const BANNER = `import { flags } from './flags';

export function bannerProps(dismissed: boolean, region: string) {
  const showBanner =
    !dismissed && flags.isEnabled('new-checkout', false);
  const title =
    region === 'eu' ? 'Zahlung' : 'Payment';
  return { showBanner, title };
}
`;
const FLAGS = `export const flags = {
  isEnabled(key: string, fallback: boolean): boolean {
    return (globalThis as { __flags?: Record<string, boolean> }).__flags?.[key] ?? fallback;
  },
};
`;
const UNFORMATTED_ON = `export function bannerProps(dismissed: boolean, region: string) {
  const showBanner = !dismissed;
  const title =
    region === 'eu' ? 'Zahlung' : 'Payment';
  return { showBanner, title };
}
`;

const files = (extra: Record<string, string> = {}) => ({ 'src/banner.ts': BANNER, 'src/flags.ts': FLAGS, ...extra });
const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');
const flags = [{ key: 'new-checkout', value: true }];

describe("the project's own formatter", () => {
  it("runs the project's Prettier with its resolved config on the changed files only, and the dry-run diff shows what is written", async () => {
    const dir = tempProject(files({ '.prettierrc': '{ "printWidth": 40 }\n' }));
    installFakePrettier(dir);
    const dry = await removeFlags({ dir, flags, dryRun: true, now: '2026-11-21' });
    const result = await removeFlags({ dir, flags, allowDirty: true, now: '2026-11-21' });
    // printWidth 40 from .prettierrc: the short line is joined, the 44-column one is not.
    const expected = `// @formatted-by fake-prettier semi
export function bannerProps(dismissed: boolean, region: string) {
  const showBanner = !dismissed;
  const title =
    region === 'eu' ? 'Zahlung' : 'Payment';
  return { showBanner, title };
}
`;
    expect(read(dir, 'src/banner.ts')).toBe(expected);
    expect(dry.changed.map((c) => c.after)).toEqual([expected]);
    expect(dry.diff).toBe(result.diff);
    expect(read(dir, 'src/flags.ts')).toBe(FLAGS);
    expect(result.warnings.filter((w) => w.code.startsWith('remove/format'))).toEqual([]);
    const again = await removeFlags({ dir, flags, allowDirty: true, now: '2026-11-21' });
    expect(again.changed).toEqual([]);
  });

  it('finds a `prettier` key in package.json and the options it resolves', async () => {
    const dir = tempProject(files({ 'package.json': '{ "name": "shop", "private": true, "prettier": {} }\n', '.prettierrc': '{ "semi": false }\n' }));
    installFakePrettier(dir);
    await removeFlags({ dir, flags, allowDirty: true, now: '2026-11-21' });
    expect(read(dir, 'src/banner.ts')).toMatch(/^\/\/ @formatted-by fake-prettier nosemi\n/);
    expect(read(dir, 'src/banner.ts')).toContain('  const showBanner = !dismissed;\n  const title = region');
  });

  it('--no-format (format: false) leaves the text as the codemod wrote it', async () => {
    const dir = tempProject(files({ '.prettierrc': '{}\n' }));
    installFakePrettier(dir);
    await removeFlags({ dir, flags, allowDirty: true, now: '2026-11-21', format: false });
    expect(read(dir, 'src/banner.ts')).toBe(UNFORMATTED_ON);
  });

  it('does nothing, and says nothing, without a formatter config or without an installed copy', async () => {
    const installedOnly = tempProject(files());
    installFakePrettier(installedOnly);
    const configuredOnly = tempProject(files({ '.prettierrc': '{}\n', 'biome.json': '{}\n' }));
    for (const dir of [installedOnly, configuredOnly]) {
      const result = await removeFlags({ dir, flags, allowDirty: true, now: '2026-11-21' });
      expect(read(dir, 'src/banner.ts')).toBe(UNFORMATTED_ON);
      expect(result.warnings).toEqual([]);
    }
  });

  it('leaves a file its .prettierignore names alone', async () => {
    const dir = tempProject(files({ '.prettierrc': '{}\n', '.prettierignore': 'src/banner.ts\n' }));
    installFakePrettier(dir);
    await removeFlags({ dir, flags, allowDirty: true, now: '2026-11-21' });
    expect(read(dir, 'src/banner.ts')).toBe(UNFORMATTED_ON);
  });

  it('a formatter error keeps the unformatted (correct) text and says so', async () => {
    const failing = BANNER.replace('export function', '// FORMAT_FAIL: a syntax this Prettier has no plugin for\nexport function');
    for (const install of [installFakePrettier, installFakeBiome]) {
      const dir = tempProject(files({ 'src/banner.ts': failing, '.prettierrc': '{}\n', ...(install === installFakeBiome ? { 'biome.json': '{}\n' } : {}) }));
      install(dir);
      const result = await removeFlags({ dir, flags, allowDirty: true, now: '2026-11-21' });
      expect(read(dir, 'src/banner.ts')).toBe(UNFORMATTED_ON.replace('export function', '// FORMAT_FAIL: a syntax this Prettier has no plugin for\nexport function'));
      const warning = result.warnings.find((w) => w.code === 'remove/format-failed');
      expect(warning?.file).toBe('src/banner.ts');
      expect(warning?.message).toMatch(/^(prettier|biome) could not format the rewritten file \(.*(Unexpected token|Expected an expression).*\); it is left as the codemod wrote it$/);
    }
  });

  it("runs the project's Biome on stdin, keeping the file's CRLF line endings", async () => {
    const dir = tempProject(files({ 'biome.json': '{ "formatter": { "enabled": true } }\n', 'src/banner.ts': BANNER.replace(/\n/g, '\r\n') }));
    installFakeBiome(dir);
    await removeFlags({ dir, flags, allowDirty: true, now: '2026-11-21' });
    expect(read(dir, 'src/banner.ts')).toBe(
      "// @formatted-by fake-biome\r\nexport function bannerProps(dismissed: boolean, region: string) {\r\n  const showBanner = !dismissed;\r\n  const title = region === 'eu' ? 'Zahlung' : 'Payment';\r\n  return { showBanner, title };\r\n}\r\n",
    );
  });
});
