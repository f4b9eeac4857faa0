import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCodeRegistry, FlagdebtError, loadConfig, loadConfigRegistry, validateConfigRegistry } from '../../src/index.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flagdebt-coderegistry-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function keysOf(files: Record<string, string>, code: string[]): string[] {
  const dir = project({ ...files, 'flagdebt.config.json': JSON.stringify({ registry: { code } }) });
  const { registry, diagnostics } = analyseCodeRegistry(loadConfig(join(dir, 'flagdebt.config.json')), { git: false });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return [...registry.flags.keys()];
}

describe('code registry shapes', () => {
  it('follows aliases and unions of aliases across modules, and re-exports', () => {
    const files = {
      'src/backend.ts': "export type BackendFlag = 'audit-log' | 'rate-limit';\n",
      'src/ui.ts': "import type { BackendFlag } from './backend';\nexport type UiFlag = 'new-nav' | 'dark-mode';\nexport type Shared = BackendFlag;\n",
      'src/index.ts': "export * from './ui';\nexport { FlagKey } from './keys';\n",
      'src/keys.ts': "import { Shared, UiFlag } from './ui';\nexport type FlagKey = Shared | UiFlag | 'search-v2';\n",
    };
    expect(keysOf(files, ['src/index.ts#FlagKey'])).toEqual(['audit-log', 'rate-limit', 'new-nav', 'dark-mode', 'search-v2']);
    // Reports name the module that declares the export, not the barrel.
    const dir = project({ ...files, 'flagdebt.config.json': '{ "registry": { "code": "src/index.ts#FlagKey" } }' });
    expect(analyseCodeRegistry(loadConfig(join(dir, 'flagdebt.config.json')), { git: false }).registry.file).toBe(join(dir, 'src/keys.ts'));
  });

  it('reads interfaces with extends, Omit, mapped types over a union, keyof typeof, typed defaults', () => {
    const files = {
      'src/flags.ts': [
        "export type FlagKey = 'newNav' | 'bulkEdit' | 'legacyExport';",
        'interface BaseFlags { newNav?: boolean }',
        'export interface UiFlags extends BaseFlags { bulkEdit?: boolean; "quoted-flag"?: boolean }',
        "export type LiveFlags = Omit<Partial<{ [k in FlagKey]: boolean }>, 'legacyExport'>;",
        'const DEFAULTS = { alpha: false, beta: true };',
        'export type DefaultKey = keyof typeof DEFAULTS;',
        'export const flags: Partial<Record<FlagKey, boolean>> = buildFlags();',
        "export const IDS = ['one', 'two'] as const;",
        'export type Id = (typeof IDS)[number];',
        "const PREVIEW = ['modern-session', 'compact-timeline'] as const;",
        "export const AVAILABLE = [...PREVIEW, 'search-bar'] as const;",
        "const BASE = { A: 'a-key' };",
        "export const ALL = Object.freeze({ ...BASE, B: 'b-key' });",
        'export const defaults = { newNav: false, beta: true, isOn(key: string) { return key; }, get all() { return 1; } };',
        'declare function buildFlags(): Record<string, boolean>;',
      ].join('\n'),
    };
    expect(keysOf(files, ['src/flags.ts#UiFlags'])).toEqual(['newNav', 'bulkEdit', 'quoted-flag']);
    expect(keysOf(files, ['src/flags.ts#LiveFlags'])).toEqual(['newNav', 'bulkEdit']);
    expect(keysOf(files, ['src/flags.ts#DefaultKey'])).toEqual(['alpha', 'beta']);
    expect(keysOf(files, ['src/flags.ts#flags'])).toEqual(['newNav', 'bulkEdit', 'legacyExport']);
    expect(keysOf(files, ['src/flags.ts#Id'])).toEqual(['one', 'two']);
    // A spread of another array const: its elements too.
    expect(keysOf(files, ['src/flags.ts#AVAILABLE'])).toEqual(['modern-session', 'compact-timeline', 'search-bar']);
    expect(keysOf(files, ['src/flags.ts#ALL'])).toEqual(['a-key', 'b-key']);
    expect(keysOf(files, ['src/flags.ts#defaults'])).toEqual(['newNav', 'beta']);
  });

  it('prefers the declaration that lists keys when a const and a type share a name', () => {
    const files = {
      'src/flags.ts': "export const Flag = { NewNav: 'new-nav', Search: 'search' } as const;\nexport type Flag = (typeof Flag)[keyof typeof Flag];\n",
    };
    expect(keysOf(files, ['src/flags.ts#Flag'])).toEqual(['new-nav', 'search']);
  });
});

describe('code registry metadata and problems', () => {
  it('metadata YAML wins over JSDoc field by field; JSDoc tag errors are located', () => {
    const dir = project({
      'flagdebt.config.json': '{ "registry": { "code": "src/flags.ts#Flag" } }',
      'src/flags.ts': [
        'export enum Flag {',
        '  /** @owner web @type release @created 2026-01-01 @expires 2026-03-01 */',
        "  NewNav = 'new-nav',",
        '  /** @owner search @type relase @created 2026-13-01 */',
        "  Search = 'search',",
        '}',
      ].join('\n'),
      'flags.yaml': 'flags:\n  new-nav:\n    owner: platform\n',
    });
    const config = loadConfig(join(dir, 'flagdebt.config.json'));
    const diagnostics = validateConfigRegistry(config, { git: false });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.flag}`)).toEqual(['4:21 registry/invalid-tag search', '4:34 registry/invalid-tag search']);
    expect(diagnostics[0].message).toMatch(/unknown @type "relase" \(did you mean "release"\?\)/);
    expect(diagnostics[1].fix).toMatch(/YYYY-MM-DD/);
    const error = (() => {
      try {
        loadConfigRegistry(config, { git: false });
      } catch (e) {
        return e as FlagdebtError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(FlagdebtError);
    const { registry } = analyseCodeRegistry(config, { git: false });
    expect(registry.source).toBe('code');
    expect(registry.file).toBe(join(dir, 'src/flags.ts'));
    expect(registry.flags.get('new-nav')).toMatchObject({ owner: 'platform', type: 'release', created: '2026-01-01', expires: '2026-03-01', location: { line: 3, column: 3 }, declaredIn: join(dir, 'src/flags.ts') });
  });

  it('reports a metadata file without a `flags` mapping; an empty `flags:` is fine', () => {
    const files = { 'flagdebt.config.json': '{ "registry": { "code": "src/flags.ts#K", "metadata": "meta.yaml" } }', 'src/flags.ts': "export type K = 'a' | 'b';\n" };
    const bad = project({ ...files, 'meta.yaml': 'flag:\n  a:\n    owner: web\n' });
    expect(validateConfigRegistry(loadConfig(join(bad, 'flagdebt.config.json')), { git: false })).toEqual([
      expect.objectContaining({ code: 'registry/missing-flags', file: join(bad, 'meta.yaml'), line: 1 }),
    ]);
    const empty = project({ ...files, 'meta.yaml': '# owners go here\nflags:\n' });
    expect(validateConfigRegistry(loadConfig(join(empty, 'flagdebt.config.json')), { git: false })).toEqual([]);
  });

  it('says which export is missing or lists no keys', () => {
    const dir = project({
      'flagdebt.config.json': '{ "registry": { "code": ["src/flags.ts#Missing", "src/flags.ts#helper"] } }',
      'src/flags.ts': 'export function helper(): void {}\nexport const nothing = 1;\n',
    });
    const diagnostics = validateConfigRegistry(loadConfig(join(dir, 'flagdebt.config.json')), { git: false });
    expect(diagnostics.map((d) => d.code)).toEqual(['registry/export-not-found', 'registry/no-keys']);
    const dir2 = project({ 'flagdebt.config.json': '{ "registry": { "code": "src/flags.ts#nothing" } }', 'src/flags.ts': 'export const nothing = 1;\n' });
    const [noKeys] = validateConfigRegistry(loadConfig(join(dir2, 'flagdebt.config.json')), { git: false });
    expect(noKeys).toMatchObject({ code: 'registry/no-keys', file: join(dir2, 'src/flags.ts'), line: 1, column: 14 });
  });

  it('warns about a key listed twice in one export', () => {
    const dir = project({ 'flagdebt.config.json': '{ "registry": { "code": "src/flags.ts#K" } }', 'src/flags.ts': "export type K =\n  | 'a'\n  | 'b'\n  | 'a';\n" });
    const diagnostics = validateConfigRegistry(loadConfig(join(dir, 'flagdebt.config.json')), { git: false });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'registry/duplicate-key', severity: 'warning', line: 4, flag: 'a' })]);
  });
});

describe('created dates from git', () => {
  const git = (dir: string, date: string, ...args: string[]) =>
    execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z`, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' }, stdio: 'ignore' });

  it('dates each key by the commit that introduced it; JSDoc dates win', () => {
    const dir = project({ 'flagdebt.config.json': '{ "registry": { "code": "src/flags.ts#FlagKey" } }', 'src/flags.ts': "export type FlagKey = 'new-nav';\n" });
    git(dir, '2025-01-01', 'init', '-q');
    git(dir, '2025-01-01', 'add', '.');
    git(dir, '2025-01-01', 'commit', '-qm', 'first');
    writeFileSync(join(dir, 'src/flags.ts'), "export type FlagKey =\n  | 'new-nav'\n  | 'new-nav-v2';\n");
    git(dir, '2025-06-15', 'commit', '-qam', 'second');
    writeFileSync(join(dir, 'src/flags.ts'), "export type FlagKey =\n  | 'new-nav'\n  | 'new-nav-v2'\n  /** @created 2020-02-02 */\n  | 'search';\n");
    git(dir, '2025-09-30', 'commit', '-qam', 'third');
    const { registry, diagnostics } = analyseCodeRegistry(loadConfig(join(dir, 'flagdebt.config.json')));
    expect(diagnostics).toEqual([]);
    expect([...registry.flags.values()].map((f) => `${f.key} ${f.created}`)).toEqual(['new-nav 2025-01-01', 'new-nav-v2 2025-06-15', 'search 2020-02-02']);
  });

  it('warns once when the project is not a git repository', () => {
    const dir = project({ 'flagdebt.config.json': '{ "registry": { "code": "src/flags.ts#FlagKey" } }', 'src/flags.ts': "export type FlagKey = 'a' | 'b';\n" });
    const { registry, diagnostics } = analyseCodeRegistry(loadConfig(join(dir, 'flagdebt.config.json')));
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'registry/no-created-date', severity: 'warning', file: join(dir, 'src/flags.ts') })]);
    expect(diagnostics[0].message).toMatch(/2 flags .*\(not a git repository\)/);
    expect(registry.flags.get('a')?.created).toBe('');
  });
});
