import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ACCESSORS, DEFAULT_EXCLUDE, DEFAULT_INCLUDE, DEFAULT_STALENESS, DEFAULT_TESTS,
  FlagdebtError, findConfig, loadConfig, loadProjectModel,
} from '../src/index.js';

const fixtures = join(import.meta.dirname, 'fixtures/config');
const monorepo = join(fixtures, 'monorepo');

function errorsOf(run: () => unknown): FlagdebtError {
  try {
    run();
  } catch (error) {
    if (error instanceof FlagdebtError) return error;
    throw error;
  }
  throw new Error('expected a FlagdebtError');
}

describe('findConfig', () => {
  it('walks up from a source folder to the nearest config', () => {
    expect(findConfig(join(monorepo, 'packages/web/src/checkout'))).toBe(join(monorepo, 'flagdebt.config.json'));
    expect(findConfig(join(monorepo, 'packages/web/src/checkout/Cart.tsx'))).toBe(join(monorepo, 'flagdebt.config.json'));
  });

  it('stops at a nested package that has its own config', () => {
    expect(findConfig(join(monorepo, 'packages/legacy/src'))).toBe(join(monorepo, 'packages/legacy/flagdebt.config.yaml'));
  });

  it('finds .yml configs and returns null when there is none', () => {
    expect(findConfig(join(fixtures, 'yaml-config/src'))).toBe(join(fixtures, 'yaml-config/flagdebt.config.yml'));
    const empty = mkdtempSync(join(tmpdir(), 'flagdebt-noconfig-'));
    expect(findConfig(empty)).toBeNull();
  });
});

describe('loadConfig', () => {
  it('resolves a full config: paths against its folder, user accessors replace the defaults', () => {
    const config = loadConfig(join(monorepo, 'flagdebt.config.json'));
    expect(config).toMatchObject({
      file: join(monorepo, 'flagdebt.config.json'),
      root: monorepo,
      registry: join(monorepo, 'config/flags.yaml'),
      include: ['packages/*/src/**/*.{ts,tsx}'],
      exclude: ['**/generated/**'],
      tests: DEFAULT_TESTS,
      naming: { pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', types: { ops: '^ops-' } },
      budget: { stale: 10, unregistered: 0 },
    });
    expect(config.accessors).toEqual([
      { call: 'flags.isEnabled', keyArg: 0, defaultArg: 1 },
      { call: 'useFlag', keyArg: 0 },
      { call: 'client.getBooleanValue', keyArg: 0, defaultArg: 1, from: '@openfeature/server-sdk' },
      { member: 'config.featureToggles' },
    ]);
  });

  it('merges staleness per type and per field', () => {
    const { staleness } = loadConfig(join(monorepo, 'flagdebt.config.json'));
    expect(staleness).toEqual({
      release: { completeForDays: 7, maxAgeDays: 60, expires: true },
      experiment: { completeForDays: 0, maxAgeDays: 45, expires: true },
      ops: { expires: false },
      permission: { expires: true },
    });
    // The shared defaults are not mutated by a merge.
    expect(DEFAULT_STALENESS.release.completeForDays).toBe(14);
    expect(DEFAULT_STALENESS.experiment.maxAgeDays).toBeUndefined();
  });

  it('reads YAML configs; `maxAgeDays: null` switches the default age limit off', () => {
    const config = loadConfig(join(monorepo, 'packages/legacy/flagdebt.config.yaml'));
    expect(config.registry).toBe(join(monorepo, 'packages/legacy/flags.json'));
    expect(config.accessors).toEqual([{ member: 'window.config.featureToggles' }]);
    expect(config.staleness.release).toEqual({ completeForDays: 14, expires: true });
  });

  it('falls back to flags.yml, then flags.json, next to the config', () => {
    expect(loadConfig(join(fixtures, 'yaml-config/flagdebt.config.yml'))).toMatchObject({
      registry: join(fixtures, 'yaml-config/flags.yml'), tests: ['**/*.test.ts'], budget: { stale: 3 }, include: DEFAULT_INCLUDE,
    });
    expect(loadConfig(join(fixtures, 'json-registry/flagdebt.config.json')).registry).toBe(join(fixtures, 'json-registry/flags.json'));
  });

  it('gives the documented defaults without a config file', () => {
    const config = loadConfig(null, join(fixtures, 'json-registry'));
    expect(config).toEqual({
      file: null,
      root: join(fixtures, 'json-registry'),
      registry: join(fixtures, 'json-registry/flags.json'),
      registryCode: [],
      include: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
      exclude: ['**/dist/**', '**/build/**', '**/coverage/**', '**/*.d.ts', '**/.yarn/**', '**/.pnp.cjs', '**/.pnp.loader.mjs'],
      tests: ['**/*.{test,spec,e2e,cy}.*', '**/*.{test,spec,e2e}-*.*', '**/*.{clienttest,servertest,unittest,integrationtest}.*', '**/{__tests__,__mocks__,test,tests,e2e,cypress,testing}/**'],
      accessors: DEFAULT_ACCESSORS,
      naming: {},
      staleness: DEFAULT_STALENESS,
      budget: {},
    });
    expect(config.exclude).not.toBe(DEFAULT_EXCLUDE);
    expect(loadConfig(null, '/nowhere').registry).toBe('/nowhere/flags.yaml');
  });

  it('treats an empty config file as all defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flagdebt-emptyconfig-'));
    writeFileSync(join(dir, 'flagdebt.config.yaml'), '# nothing configured yet\n');
    expect(loadConfig(join(dir, 'flagdebt.config.yaml'))).toMatchObject({ root: dir, accessors: DEFAULT_ACCESSORS });
  });

  it('reports every problem of an invalid config with its position', () => {
    const file = join(fixtures, 'invalid/flagdebt.config.json');
    const summary = errorsOf(() => loadConfig(file)).diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);
    expect(summary).toEqual([
      '2:3 config/unknown-key',
      '3:14 config/invalid-type',
      '5:5 config/invalid-accessor',
      '6:36 config/negative-number',
      '7:36 config/invalid-type',
      '8:42 config/invalid-accessor',
      '9:5 config/invalid-accessor',
      '11:26 config/invalid-regex',
      '11:49 config/unknown-flag-type',
      '12:18 config/unknown-flag-type',
      '12:81 config/invalid-type',
      '13:24 config/negative-number',
      '13:28 config/unknown-key',
    ]);
  });

  it('reads the JSX gate, data key, wildcard member and member-from forms', () => {
    const config = loadConfig(join(fixtures, 'read-shapes/flagdebt.config.json'));
    expect(config.accessors).toEqual([
      { call: 'useFlag', keyArg: 1 },
      { component: 'FeatureToggle', keyProp: 'featureFlag', fallbackProp: 'fallback', invertProp: 'showOnlyWhenDisabled' },
      { component: 'Flags.Gate', keyProp: 'flag', from: '@acme/flags-react' },
      { property: 'flag' },
      { export: 'featureFlag' },
      { member: 'featureFlags.flags.*' },
      { member: 'flags', from: 'launchdarkly-react-client-sdk' },
    ]);
  });

  it('reports misused read-shape forms where they are written', () => {
    const diagnostics = errorsOf(() => loadConfig(join(fixtures, 'invalid-read-shapes/flagdebt.config.json'))).diagnostics;
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '3:7 `accessors[0]` needs `keyProp`: the attribute that holds the key',
      '4:47 `accessors[1].keyArg` only applies to `call` and `define` accessors',
      '5:19 `accessors[2].property` must be a single identifier, not "route.flag"',
      '6:5 `accessors[3]` must have exactly one of `call`, `member`, `component`, `property`, `export`, `define`',
      '7:39 `accessors[4].keyProp` must be a JSX attribute name, not "data flag"',
      '8:15 `accessors[5].call` must be a dotted path of identifiers, not "flags.*"',
    ]);
    expect(diagnostics[3].fix).toBe('split it into 2 accessors, one each for `call`, `export`');
  });

  it('reads `returns` and `valueProperty` of accessors, and reports invalid ones with their position', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flagdebt-returns-'));
    const file = join(dir, 'flagdebt.config.json');
    writeFileSync(file, JSON.stringify({ accessors: [
      { call: 'useFeature', valueProperty: 'on' },
      { call: 'exp.inExperiment', returns: 'promise' },
      { member: 'config.flags', returns: 'boolean' },
    ] }, null, 2));
    expect(loadConfig(file).accessors).toEqual([
      { call: 'useFeature', keyArg: 0, returns: 'object', valueProperty: 'on' },
      { call: 'exp.inExperiment', keyArg: 0, returns: 'promise' },
      { member: 'config.flags', returns: 'boolean' },
    ]);
    writeFileSync(file, '{\n  "accessors": [\n    { "call": "a", "returns": "promis" },\n    { "call": "b", "returns": "promise", "valueProperty": "on" },\n    { "member": "c", "valueProperty": "x.y" }\n  ]\n}\n');
    const diagnostics = errorsOf(() => loadConfig(file)).diagnostics;
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['3:31 config/invalid-accessor', '4:42 config/invalid-accessor', '5:39 config/invalid-accessor']);
    expect(diagnostics[0]).toMatchObject({ message: expect.stringContaining('(did you mean "promise"?)'), fix: 'write "returns": "promise"' });
    expect(diagnostics[1].fix).toContain('"returns": "object"');
  });

  it('reads `observableProperty` and `unwrap`, and reports each misuse with its position and a fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flagdebt-unwrap-'));
    const file = join(dir, 'flagdebt.config.json');
    writeFileSync(file, JSON.stringify({ accessors: [
      { member: 'featureFlagService.flags', valueProperty: 'value', observableProperty: '$', unwrap: ['useLiveData', 'get'] },
      { call: 'flags.observe', returns: 'observable', unwrap: ['useObservable'] },
    ] }, null, 2));
    expect(loadConfig(file).accessors).toEqual([
      { member: 'featureFlagService.flags', returns: 'object', valueProperty: 'value', observableProperty: '$', unwrap: ['useLiveData', 'get'] },
      { call: 'flags.observe', keyArg: 0, returns: 'observable', unwrap: ['useObservable'] },
    ]);
    writeFileSync(file, [
      '{',
      '  "accessors": [',
      '    { "call": "a", "returns": "observable", "unwrap": "useObservable" },',
      '    { "call": "b", "unwrap": ["useObservable"] },',
      '    { "member": "c", "observableProperty": "$", "unwrap": ["use-live"] },',
      '    { "call": "d", "returns": "promise", "observableProperty": "$" }',
      '  ]',
      '}',
      '',
    ].join('\n'));
    const diagnostics = errorsOf(() => loadConfig(file)).diagnostics;
    expect(diagnostics.map((d) => `${d.line}:${d.code}`)).toEqual(['3:config/invalid-accessor', '4:config/invalid-accessor', '5:config/invalid-accessor', '6:config/invalid-accessor']);
    expect(diagnostics[0].message).toContain('must be a list of function names');
    expect(diagnostics[1]).toMatchObject({ message: expect.stringContaining('needs an observable to unwrap'), fix: expect.stringContaining('"returns": "observable"') });
    expect(diagnostics[2].message).toContain('not "use-live"');
    expect(diagnostics[3].fix).toBe('set "returns": "object", or remove `observableProperty`');
  });

  it('reads `keyProperty` of call accessors, and rejects it where it cannot apply with its position', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flagdebt-keyproperty-'));
    const good = join(dir, 'flagdebt.config.json');
    writeFileSync(good, JSON.stringify({ accessors: [{ call: 'featureFlags', keyArg: 0, keyProperty: 'flag_key' }, { call: 'withWorkspace', keyArg: 1, keyProperty: 'featureFlag' }] }));
    expect(loadConfig(good).accessors).toEqual([
      { call: 'featureFlags', keyArg: 0, keyProperty: 'flag_key' },
      { call: 'withWorkspace', keyArg: 1, keyProperty: 'featureFlag' },
    ]);
    const bad = join(dir, 'bad.config.json');
    writeFileSync(
      bad,
      ['{', '  "accessors": [', '    { "call": "featureFlags", "keyProperty": "" },', '    { "member": "config.flags", "keyProperty": "key" },', '    { "call": "getFlag", "keyProperty": 3 }', '  ]', '}', ''].join('\n'),
    );
    const diagnostics = errorsOf(() => loadConfig(bad)).diagnostics;
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['3:46 config/invalid-type', '4:33 config/invalid-accessor', '5:41 config/invalid-type']);
    expect(diagnostics[0].message).toContain('accessors[0].keyProperty');
    expect(diagnostics[1].message).toContain('only applies to `call` and `define` accessors');
  });

  it('reads `define` accessors (key property `key` and options argument 0 by default), and rejects bad fields with their position', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flagdebt-define-'));
    const good = join(dir, 'flagdebt.config.json');
    writeFileSync(good, JSON.stringify({ accessors: [{ define: 'flag', from: 'flags' }, { define: 'flags.define', keyProperty: 'name', keyArg: 1 }] }));
    expect(loadConfig(good).accessors).toEqual([
      { define: 'flag', keyProperty: 'key', keyArg: 0, from: 'flags' },
      { define: 'flags.define', keyProperty: 'name', keyArg: 1 },
    ]);
    const bad = join(dir, 'bad.config.json');
    writeFileSync(
      bad,
      [
        '{',
        '  "accessors": [',
        '    { "define": "flag()", "keyProperty": "key" },',
        '    { "define": "flag", "keyProperty": "flag-key" },',
        '    { "define": "flag", "defaultArg": 1 },',
        '    { "define": "flag", "call": "flag" }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    const diagnostics = errorsOf(() => loadConfig(bad)).diagnostics;
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([
      '3:17 config/invalid-accessor',
      '4:40 config/invalid-accessor',
      '5:25 config/invalid-accessor',
      '6:5 config/invalid-accessor',
    ]);
    expect(diagnostics[0].message).toContain('`accessors[0].define` must be a dotted path');
    expect(diagnostics[1]).toMatchObject({ message: expect.stringContaining('must be a property name, not "flag-key"'), fix: expect.stringContaining('"keyProperty": "key"') });
    expect(diagnostics[2].message).toContain('`accessors[2].defaultArg` only applies to `call` accessors');
    expect(diagnostics[3].message).toContain('exactly one of');
  });

  it('suggests the key the user meant', () => {
    const diagnostics = errorsOf(() => loadConfig(join(fixtures, 'invalid/flagdebt.config.json'))).diagnostics;
    const byLine = (line: number, column: number) => diagnostics.find((d) => d.line === line && d.column === column);
    expect(byLine(2, 3)).toMatchObject({ message: 'unknown key `registy` (did you mean `registry`?)', fix: 'rename it to `registry`' });
    expect(byLine(13, 28)?.fix).toBe('rename it to `unregistered`');
    expect(byLine(12, 18)?.fix).toBe('rename it to `release`');
    expect(byLine(11, 49)?.fix).toBe('rename it to `ops`');
  });

  it('reads the budget for archived, dynamic and unused flags, and rejects a bad count', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flagdebt-budget-'));
    writeFileSync(join(dir, 'flagdebt.config.json'), '{\n  "budget": { "stale": 3, "archivedReferenced": 1, "dynamic": 0, "unused": 2 }\n}\n');
    expect(loadConfig(join(dir, 'flagdebt.config.json')).budget).toEqual({ stale: 3, archivedReferenced: 1, dynamic: 0, unused: 2 });
    writeFileSync(join(dir, 'flagdebt.config.json'), '{\n  "budget": {\n    "dynamic": -2,\n    "unused": "none",\n    "archived": 0\n  }\n}\n');
    const diagnostics = errorsOf(() => loadConfig(join(dir, 'flagdebt.config.json'))).diagnostics;
    expect(diagnostics.map((d) => d.line)).toEqual([3, 4, 5]);
    expect(diagnostics[0].message).toMatch(/budget\.dynamic/);
    expect(diagnostics[1].message).toMatch(/budget\.unused/);
    // The unknown key's fix lists the keys there are.
    expect(`${diagnostics[2].message} ${diagnostics[2].fix}`).toMatch(/archivedReferenced/);
  });

  it('reports a syntax error and a missing file as diagnostics', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flagdebt-badconfig-'));
    writeFileSync(join(dir, 'flagdebt.config.json'), '{\n  "registry": "flags.yaml"\n  "budget": {}\n}\n');
    expect(errorsOf(() => loadConfig(join(dir, 'flagdebt.config.json'))).diagnostics).toEqual([
      expect.objectContaining({ code: 'config/syntax', line: 3, column: 3 }),
    ]);
    expect(errorsOf(() => loadConfig(join(dir, 'missing.json'))).diagnostics[0]).toMatchObject({ code: 'config/not-found', line: 0 });
  });
});

describe('loadProjectModel', () => {
  it('finds the config from a source folder and loads the registry it names', () => {
    const model = loadProjectModel(join(monorepo, 'packages/web/src'));
    expect(model.config.file).toBe(join(monorepo, 'flagdebt.config.json'));
    expect([...model.registry.flags.keys()]).toEqual(['new-checkout', 'ops-disable-recommendations']);
    expect(model.warnings).toEqual([]);
  });

  it('uses an explicit config path', () => {
    const model = loadProjectModel(monorepo, { config: join(monorepo, 'packages/legacy/flagdebt.config.yaml') });
    expect([...model.registry.flags.keys()]).toEqual(['searchV2']);
  });

  it('works without any config when a registry sits in the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flagdebt-noconfig-'));
    writeFileSync(join(dir, 'flags.yaml'), 'flags:\n  dark-mode:\n    type: ops\n    owner: design\n    created: 2026-01-05\n');
    const model = loadProjectModel(dir);
    expect(model.config.file).toBeNull();
    expect(model.registry.flags.get('dark-mode')?.owner).toBe('design');
  });

  it('reports a registry the config names but that does not exist', () => {
    const error = errorsOf(() => loadProjectModel(join(fixtures, 'no-registry')));
    expect(error.diagnostics).toEqual([
      expect.objectContaining({ code: 'registry/not-found', file: join(fixtures, 'no-registry/registry/flags.yaml'), fix: 'create it or set `registry` in flagdebt.config.json' }),
    ]);
  });
});
