import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlagdebtError, isFlagdebtError } from '@flagdebt/core';
import { removeFlags } from '../src/index.js';
import { tempProject } from './support/temp-project.js';

const project = (files: Record<string, string>): string => tempProject(files, 'flagdebt-remove-');

const CART = `import { flags } from './flags';

export function label(): string {
  // new-checkout ships the one-page flow
  if (flags.isEnabled('new-checkout', false)) {
    return 'Pay';
  }
  return 'Continue';
}
`;

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (error) {
    if (isFlagdebtError(error)) return error.diagnostics;
    throw error;
  }
  throw new Error('expected a FlagdebtError');
}

describe('removeFlags', () => {
  it('takes the value of a complete flag from the registry and archives the entry, keeping comments', async () => {
    const dir = project({ 'src/cart.ts': CART });
    const result = await removeFlags({ dir, flags: [{ key: 'new-checkout' }], now: '2026-11-21', allowDirty: true });
    expect(result.flags).toEqual([{ key: 'new-checkout', value: true, evaluations: 1 }]);
    expect(fs.readFileSync(path.join(dir, 'src/cart.ts'), 'utf8')).toBe(
      "export function label(): string {\n  // new-checkout ships the one-page flow\n  return 'Pay';\n}\n",
    );
    const registry = fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8');
    expect(registry.startsWith('# Flags used by the codemod fixtures.\n')).toBe(true);
    expect(registry).toContain('    state: archived\n    value: true\n    since: 2026-11-21\n    default: false\n  checkout-variant:\n');
    expect(result.stats).toEqual({ filesChanged: 1, linesRemoved: 5, declarationsDeleted: 0, filesDeleted: 0 });
    expect(result.written).toBe(true);
  });

  it('reports the key where it survives: comments, strings and non-code files', async () => {
    const dir = project({ 'src/cart.ts': CART, 'src/events.ts': "export const EVENT = 'new-checkout-viewed';\n", 'docs/rollout.md': '# Rollout\n\nnew-checkout goes to 100% on Monday.\n' });
    const result = await removeFlags({ dir, flags: [{ key: 'new-checkout' }], dryRun: true });
    expect(result.remaining.map((m) => `${m.file}:${m.line}:${m.column} ${m.kind}`)).toEqual([
      'src/cart.ts:2:6 comment',
      'src/events.ts:1:23 string',
      'docs/rollout.md:3:1 non-ts',
    ]);
  });

  it('dry run and check compute the diff and write nothing', async () => {
    const dir = project({ 'src/cart.ts': CART });
    const result = await removeFlags({ dir, flags: [{ key: 'new-checkout' }], dryRun: true, now: '2026-11-21' });
    expect(result.written).toBe(false);
    expect(result.wouldChange).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'src/cart.ts'), 'utf8')).toBe(CART);
    expect(result.diff).toContain('--- a/src/cart.ts\n+++ b/src/cart.ts\n');
    expect(result.diff).toContain("-  if (flags.isEnabled('new-checkout', false)) {\n");
    expect(result.diff).toContain('+++ b/flags.yaml');
    const check = await removeFlags({ dir, flags: [{ key: 'new-checkout' }], check: true });
    expect(check.written).toBe(false);
    expect(check.wouldChange).toBe(true);
  });

  it('check reports nothing to do once the flag is gone', async () => {
    const dir = project({ 'src/cart.ts': CART });
    await removeFlags({ dir, flags: [{ key: 'new-checkout' }], allowDirty: true, now: '2026-11-21' });
    const check = await removeFlags({ dir, flags: [{ key: 'new-checkout' }], check: true });
    expect(check.wouldChange).toBe(false);
    expect(check.diff).toBe('');
  });

  it('refuses an unregistered flag without --value, suggesting the close key', async () => {
    const dir = project({ 'src/cart.ts': CART });
    const diags = await failure(removeFlags({ dir, flags: [{ key: 'new-chekout' }] }));
    expect(diags).toMatchObject([{ code: 'remove/unknown-flag', flag: 'new-chekout', message: expect.stringContaining('did you mean "new-checkout"') }]);
  });

  it('refuses an active flag without --value, pointing at its registry entry', async () => {
    const dir = project({ 'src/search.ts': "import { useFlag } from './flags';\nexport const on = () => useFlag('search-v2');\n" });
    const diags = await failure(removeFlags({ dir, flags: [{ key: 'search-v2' }] }));
    expect(diags).toMatchObject([{ code: 'remove/not-complete', flag: 'search-v2', line: 22, fix: expect.stringContaining('--value') }]);
    const result = await removeFlags({ dir, flags: [{ key: 'search-v2', value: false }], dryRun: true });
    expect(result.flags[0]).toEqual({ key: 'search-v2', value: false, evaluations: 1 });
  });

  it('checks --value against the flag kind, and records the kept value when archiving an active flag', async () => {
    const search = "import { useFlag } from './flags';\nexport const on = () => (useFlag('search-v2') ? 'new' : 'old');\n";
    const dir = project({ 'src/search.ts': search });
    // "flase" would fold to a truthy string and keep the ON branch.
    const diags = await failure(removeFlags({ dir, flags: [{ key: 'search-v2', value: 'flase' }], allowDirty: true }));
    expect(diags).toMatchObject([{ code: 'remove/value-kind', flag: 'search-v2', line: 22, message: expect.stringContaining('boolean flag'), fix: expect.stringContaining('--value false') }]);
    // A typo gets the two values only; a word that may be an experiment's variant also the registry route.
    expect(diags[0].fix).not.toContain('variant');
    const variant = await failure(removeFlags({ dir, flags: [{ key: 'search-v2', value: 'test' }], allowDirty: true }));
    expect(variant[0].fix).toMatch(/--value true or --value false.*if "test" is a variant of an experiment, make the flag's registry `default` its control variant/);
    // A string flag takes a number-looking value as the string.
    expect((await removeFlags({ dir, flags: [{ key: 'checkout-variant', value: 3 }], dryRun: true })).flags[0].value).toBe('3');
    expect(fs.readFileSync(path.join(dir, 'src/search.ts'), 'utf8')).toBe(search);
    await removeFlags({ dir, flags: [{ key: 'search-v2', value: false }], allowDirty: true, now: '2026-11-21' });
    expect(fs.readFileSync(path.join(dir, 'src/search.ts'), 'utf8')).toBe("export const on = () => 'old';\n");
    const entry = /search-v2:\n(?: {4}.*\n)+/.exec(fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8'))![0];
    expect(entry).toContain('state: archived');
    expect(entry).toContain('value: false');
  });

  it('refuses to edit files with uncommitted changes unless allowed', async () => {
    const dir = project({ 'src/cart.ts': CART, 'src/other.ts': 'export const x = 1;\n' });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init');
    fs.appendFileSync(path.join(dir, 'src/other.ts'), 'export const y = 2;\n');
    // A dirty file the removal does not touch is fine.
    const clean = await removeFlags({ dir, flags: [{ key: 'new-checkout' }], dryRun: true });
    expect(clean.changed.map((c) => c.relative)).toEqual(['src/cart.ts']);
    fs.appendFileSync(path.join(dir, 'src/cart.ts'), '// wip\n');
    const diags = await failure(removeFlags({ dir, flags: [{ key: 'new-checkout' }] }));
    expect(diags).toMatchObject([{ code: 'remove/dirty-worktree', file: 'src/cart.ts' }]);
    expect(fs.readFileSync(path.join(dir, 'src/cart.ts'), 'utf8')).toBe(`${CART}// wip\n`);
    const forced = await removeFlags({ dir, flags: [{ key: 'new-checkout' }], allowDirty: true });
    expect(forced.written).toBe(true);
  });

  it('keeps BOM, CRLF line endings, a missing final newline and file permissions', async () => {
    const crlf = `\ufeff${CART.replace(/\n/g, '\r\n').replace(/\r\n$/, '')}`;
    const dir = project({ 'src/cart.ts': crlf });
    fs.chmodSync(path.join(dir, 'src/cart.ts'), 0o640);
    await removeFlags({ dir, flags: [{ key: 'new-checkout' }], allowDirty: true });
    const after = fs.readFileSync(path.join(dir, 'src/cart.ts'), 'utf8');
    expect(after).toBe("\ufeffexport function label(): string {\r\n  // new-checkout ships the one-page flow\r\n  return 'Pay';\r\n}");
    expect(fs.statSync(path.join(dir, 'src/cart.ts')).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(path.join(dir, 'src'))).toEqual(['cart.ts']);
  });

  it('keeps what a package exports from its entry point, even when nothing uses it any more', async () => {
    const dir = project({
      'package.json': '{ "name": "lib", "main": "dist/index.js" }',
      'src/index.ts': "import { flags } from './flags';\n\nexport function legacyLabel(): string {\n  return 'Continue';\n}\n\nexport function label(): string {\n  return flags.isEnabled('new-checkout', false) ? 'Pay' : legacyLabel();\n}\n",
    });
    await removeFlags({ dir, flags: [{ key: 'new-checkout' }], allowDirty: true });
    expect(fs.readFileSync(path.join(dir, 'src/index.ts'), 'utf8')).toBe(
      "export function legacyLabel(): string {\n  return 'Continue';\n}\n\nexport function label(): string {\n  return 'Pay';\n}\n",
    );
  });

  it('the type-check gate refuses a removal that adds a type error: nothing written, each error listed, same verdict in a dry run', async () => {
    const dir = project({
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "noEmit": true, "types": [] }, "include": ["src"] }',
      'src/flags.ts': 'export const flags = { isEnabled: (key: string, fallback: boolean): boolean => fallback };\n',
      'src/cart.ts': CART,
    });
    const result = await removeFlags({ dir, flags: [{ key: 'new-checkout' }], allowDirty: true });
    expect(result.written).toBe(true);
    expect(result.verify).toMatchObject({ newErrors: [], errorsBefore: 0, errorsAfter: 0 });
    // The SDK stays although its last read went.
    expect(fs.readFileSync(path.join(dir, "src/flags.ts"), "utf8")).toContain("export const flags");
    // A string kept where a boolean is expected is a new type error (an unregistered flag has no kind to check --value against).
    const send = "import { flags } from './flags';\n\nexport const take = (on: boolean) => on;\ntake(flags.isEnabled('beta-send', false));\n";
    fs.writeFileSync(path.join(dir, 'src/send.ts'), send);
    const dry = await removeFlags({ dir, flags: [{ key: 'beta-send', value: 'yes' }], allowDirty: true, dryRun: true });
    expect(dry.verify?.newErrors).toEqual([expect.stringMatching(/^src\/send\.ts:2: TS2345: Argument of type '.*' is not assignable to parameter of type 'boolean'/)]);
    const refused = await removeFlags({ dir, flags: [{ key: 'beta-send', value: 'yes' }], allowDirty: true }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FlagdebtError);
    expect((refused as FlagdebtError).diagnostics).toEqual([expect.objectContaining({ code: 'remove/would-break-types', file: 'src/send.ts', line: 2 })]);
    expect(fs.readFileSync(path.join(dir, 'src/send.ts'), 'utf8')).toBe(send);
    // --no-verify writes it anyway.
    const forced = await removeFlags({ dir, flags: [{ key: 'beta-send', value: 'yes' }], allowDirty: true, verify: false });
    expect(forced.written).toBe(true);
    expect(forced.verify).toBeUndefined();
    expect(fs.readFileSync(path.join(dir, 'src/send.ts'), 'utf8')).toContain("take('yes')");
  });

  it('the gate type-checks the importers of a rewritten file with their own tsconfig', async () => {
    const dir = project({
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "noEmit": true, "types": [] }, "include": ["src"] }',
      'web/tsconfig.json': '{ "compilerOptions": { "strict": true, "noEmit": true, "types": [], "jsx": "preserve" }, "include": ["."] }',
      'src/flags.ts': 'export const flags = { isEnabled: (key: string, fallback: boolean): boolean => fallback };\n',
      'src/mode.ts': "import { flags } from './flags';\n\nexport const mode = flags.isEnabled('beta-mode', false) ? 1 : 'one';\n",
      'web/use.ts': "import { mode } from '../src/mode';\n\nexport const n: number = typeof mode === 'number' ? mode : 0;\nexport const s: string = mode as string;\n",
    });
    const refused = await removeFlags({ dir, flags: [{ key: 'beta-mode', value: true }], allowDirty: true }).catch((e: unknown) => e);
    expect((refused as FlagdebtError).diagnostics).toEqual([expect.objectContaining({ code: 'remove/would-break-types', file: 'web/use.ts', line: 4 })]);
    expect(fs.readFileSync(path.join(dir, 'src/mode.ts'), 'utf8')).toContain("isEnabled('beta-mode'");
  });

  it('removes several flags in one run, each with its own value', async () => {
    const dir = project({
      'src/page.tsx': "import { flags, useFlag } from './flags';\n\nexport function Page() {\n  const search = useFlag('search-v2');\n  const color = flags.getVariant('checkout-variant') === 'green' ? 'green' : 'blue';\n  return <div className={color}>{search && <input />}{flags.isEnabled('new-checkout', false) && <button />}</div>;\n}\n",
    });
    const result = await removeFlags({ dir, flags: [{ key: 'new-checkout' }, { key: 'checkout-variant' }, { key: 'search-v2', value: false }], allowDirty: true, now: '2026-11-21' });
    expect(result.flags.map((f) => [f.key, f.value, f.evaluations])).toEqual([['new-checkout', true, 1], ['checkout-variant', 'green', 1], ['search-v2', false, 1]]);
    expect(fs.readFileSync(path.join(dir, 'src/page.tsx'), 'utf8')).toBe(
      "export function Page() {\n  const color = 'green';\n  return <div className={color}><button /></div>;\n}\n",
    );
    expect(fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8').match(/state: archived/g)).toHaveLength(3);
  });
});
