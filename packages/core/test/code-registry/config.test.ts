import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlagdebtError, loadConfig } from '../../src/index.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flagdebt-coderegistry-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function errorsOf(run: () => unknown): FlagdebtError {
  try {
    run();
  } catch (error) {
    if (error instanceof FlagdebtError) return error;
    throw error;
  }
  throw new Error('expected a FlagdebtError');
}

const FLAGS_TS = "export type FlagKey = 'new-nav' | 'dark-mode';\n";

describe('registry as code in the config', () => {
  it('reads one string entry: the module, its export, and flags.yaml beside the config as metadata', () => {
    const dir = project({ 'flagdebt.config.json': '{ "registry": { "code": "src/flags.ts#FlagKey" } }\n', 'src/flags.ts': FLAGS_TS });
    const config = loadConfig(join(dir, 'flagdebt.config.json'));
    expect(config.registryCode).toEqual([{ spec: 'src/flags.ts#FlagKey', file: join(dir, 'src/flags.ts'), exportName: 'FlagKey' }]);
    // The metadata YAML need not exist.
    expect(config.registry).toBe(join(dir, 'flags.yaml'));
  });

  it('reads a list, a path without extension, a folder index and an explicit metadata file', () => {
    const dir = project({
      'flagdebt.config.yaml': 'registry:\n  code:\n    - src/flags#FlagKey\n    - src/settings#SETTINGS\n  metadata: config/flag-meta.yaml\n',
      'src/flags.ts': FLAGS_TS,
      'src/settings/index.ts': 'export const SETTINGS = { feature_polls: { isFeature: true, default: false } };\n',
    });
    const config = loadConfig(join(dir, 'flagdebt.config.yaml'));
    expect(config.registryCode.map((r) => [r.file, r.exportName])).toEqual([
      [join(dir, 'src/flags.ts'), 'FlagKey'],
      [join(dir, 'src/settings/index.ts'), 'SETTINGS'],
    ]);
    expect(config.registry).toBe(join(dir, 'config/flag-meta.yaml'));
  });

  it('resolves a workspace package specifier to the package sources', () => {
    const dir = project({
      'package.json': '{ "name": "acme", "private": true, "workspaces": ["packages/*"] }\n',
      'packages/flags/package.json': '{ "name": "@acme/flags", "main": "dist/index.js", "types": "dist/index.d.ts", "source": "src/index.ts" }\n',
      'packages/flags/src/index.ts': FLAGS_TS,
      'flagdebt.config.json': '{ "registry": { "code": ["@acme/flags#FlagKey"] } }\n',
    });
    const config = loadConfig(join(dir, 'flagdebt.config.json'));
    expect(config.registryCode[0]).toMatchObject({ spec: '@acme/flags#FlagKey', file: join(dir, 'packages/flags/src/index.ts'), exportName: 'FlagKey' });
  });

  it('keeps the file form: registryCode is empty', () => {
    const dir = project({ 'flagdebt.config.json': '{ "registry": "config/flags.json" }\n' });
    const config = loadConfig(join(dir, 'flagdebt.config.json'));
    expect(config.registryCode).toEqual([]);
    expect(config.registry).toBe(join(dir, 'config/flags.json'));
  });

  it('reports every bad entry with its position and a fix', () => {
    const dir = project({
      'src/flags.ts': FLAGS_TS,
      'flagdebt.config.json': [
        '{',
        '  "registry": {',
        '    "code": [',
        '      "src/flags.ts",',
        '      "src/flags.ts#",',
        '      "src/missing.ts#FlagKey",',
        '      "#FlagKey",',
        '      "src/flags.ts#Flag-Key"',
        '    ],',
        '    "metdata": "flags.yaml"',
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    const diagnostics = errorsOf(() => loadConfig(join(dir, 'flagdebt.config.json'))).diagnostics;
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([
      '4:7 config/invalid-registry',
      '5:7 config/invalid-registry',
      '6:7 config/invalid-registry',
      '7:7 config/invalid-registry',
      '8:7 config/invalid-registry',
      '10:5 config/unknown-key',
    ]);
    expect(diagnostics[0].message).toMatch(/missing `#ExportName`/);
    expect(diagnostics[0].fix).toMatch(/src\/flags.ts#FlagKey/);
    expect(diagnostics[1].message).toMatch(/empty export name/);
    expect(diagnostics[2].message).toMatch(/not found/);
    expect(diagnostics[3].message).toMatch(/no module/);
    expect(diagnostics[4].message).toMatch(/not an identifier/);
    expect(diagnostics[5].message).toMatch(/did you mean `metadata`/);
  });

  it('needs `code` in the object form', () => {
    const dir = project({ 'flagdebt.config.json': '{ "registry": { "metadata": "flags.yaml" } }\n' });
    const [diagnostic] = errorsOf(() => loadConfig(join(dir, 'flagdebt.config.json'))).diagnostics;
    expect(diagnostic).toMatchObject({ code: 'config/invalid-registry', line: 1, column: 3 });
    expect(diagnostic.fix).toMatch(/"code"/);
  });

  it('notices a code module deleted after the config was cached', () => {
    const dir = project({ 'flagdebt.config.json': '{ "registry": { "code": "src/flags.ts#FlagKey" } }\n', 'src/flags.ts': FLAGS_TS });
    expect(loadConfig(join(dir, 'flagdebt.config.json')).registryCode).toHaveLength(1);
    rmSync(join(dir, 'src/flags.ts'));
    expect(errorsOf(() => loadConfig(join(dir, 'flagdebt.config.json'))).diagnostics[0]).toMatchObject({ code: 'config/invalid-registry', line: 1 });
  });
});
