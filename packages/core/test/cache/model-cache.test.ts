import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FlagProject, FlagdebtError, clearCaches, loadConfig, loadRegistry, validateRegistry } from '../../src/index.js';
import { MAX_ENTRIES, resetModelCache } from '../../src/cache/model-cache.js';

const CORE_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/index.js');

const REGISTRY = `flags:
  new-checkout:
    type: release
    owner: team-checkout
    created: 2026-08-01
    expires: 2026-12-01
    state: complete
    value: true
    since: 2026-10-01
  dark-mode:
    type: experiment
    owner: team-web
    created: 2026-09-01
    expires: 2027-01-01
    state: active
    colour: blue
`;

const temporary: string[] = [];
let project: string;
let cache: string;
const saved = process.env.FLAGDEBT_CACHE;

beforeEach(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-model-'));
  cache = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-model-cache-'));
  temporary.push(project, cache);
  process.env.FLAGDEBT_CACHE = cache;
  resetModelCache();
});
afterEach(() => {
  if (saved === undefined) delete process.env.FLAGDEBT_CACHE;
  else process.env.FLAGDEBT_CACHE = saved;
  resetModelCache();
});
afterAll(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

const entries = () => (fs.existsSync(path.join(cache, 'models')) ? fs.readdirSync(path.join(cache, 'models')).sort() : []);
function write(rel: string, text: string): string {
  const file = path.join(project, rel);
  fs.writeFileSync(file, text);
  return file;
}

describe('the model cache', () => {
  it('stores a parsed registry, warnings included, and gives the same registry back', () => {
    const file = write('flags.yaml', REGISTRY);
    const first = loadRegistry(file);
    expect(entries()).toEqual([expect.stringMatching(/^registry-[0-9a-f]{40}\.json$/)]);
    const second = loadRegistry(file);
    expect(second).toEqual(first);
    expect([...second.registry.flags.keys()]).toEqual(['new-checkout', 'dark-mode']);
    expect(second.registry.flags).toBeInstanceOf(Map);
    // The unknown field is a warning, and it survives the round trip.
    expect(second.warnings.map((w) => w.code)).toEqual(['registry/unknown-field']);
    expect(validateRegistry(file)).toEqual(first.warnings);
  });

  it('parses again when the text changed, even with the same size and modification time', () => {
    const file = write('flags.yaml', REGISTRY);
    const { mtime } = fs.statSync(file);
    expect(loadRegistry(file).registry.flags.get('new-checkout')?.owner).toBe('team-checkout');
    fs.writeFileSync(file, REGISTRY.replace('team-checkout', 'team-payment'));
    fs.utimesSync(file, mtime, mtime);
    expect(loadRegistry(file).registry.flags.get('new-checkout')?.owner).toBe('team-payment');
  });

  it('never stores a registry or config with errors, so every load reports them', () => {
    const registry = write('flags.yaml', 'flags:\n  new-checkout:\n    type: nonsense\n');
    expect(() => loadRegistry(registry)).toThrow(FlagdebtError);
    expect(() => loadRegistry(registry)).toThrow(/nonsense/);
    const config = write('flagdebt.config.json', '{ "registry": 42 }');
    expect(() => loadConfig(config)).toThrow(FlagdebtError);
    expect(entries()).toEqual([]);
  });

  it('treats a damaged entry as missing and replaces it', () => {
    const file = write('flags.yaml', REGISTRY);
    const expected = loadRegistry(file);
    const [entry] = entries();
    fs.writeFileSync(path.join(cache, 'models', entry), '{"format": 1, "text": ');
    expect(loadRegistry(file)).toEqual(expected);
    expect(JSON.parse(fs.readFileSync(path.join(cache, 'models', entry), 'utf8')).text).toBe(REGISTRY);
  });

  it('keeps a config, and answers for the file argument as given', () => {
    const file = write('flagdebt.config.json', '{ "registry": "flags.yaml", "naming": { "pattern": "^[a-z-]+$" } }');
    const first = loadConfig(file);
    expect(loadConfig(file)).toEqual(first);
    expect(first.registry).toBe(path.join(project, 'flags.yaml'));
    // The same file through another spelling of its path is not served the first one's answer.
    const relative = path.relative(process.cwd(), file);
    expect(loadConfig(relative)).toEqual(first);
    expect(entries()).toHaveLength(1);
  });

  it('drops the oldest half once it holds more than MAX_ENTRIES entries', () => {
    const models = path.join(cache, 'models');
    fs.mkdirSync(models, { recursive: true });
    const old = new Date('2026-01-01T00:00:00Z');
    for (let i = 0; i < MAX_ENTRIES; i++) {
      const stale = path.join(models, `registry-${String(i).padStart(40, '0')}.json`);
      fs.writeFileSync(stale, '{}');
      fs.utimesSync(stale, old, new Date(old.getTime() + i * 1000));
    }
    const file = write('flags.yaml', REGISTRY);
    loadRegistry(file);
    const left = entries();
    expect(left).toHaveLength(MAX_ENTRIES / 2);
    // The new entry stays, with the most recent of the old ones.
    expect(left).toContain(`registry-${String(MAX_ENTRIES - 1).padStart(40, '0')}.json`);
    expect(left).not.toContain(`registry-${'0'.repeat(40)}.json`);
    expect(loadRegistry(file).registry.flags.size).toBe(2);
    expect(entries()).toHaveLength(MAX_ENTRIES / 2);
  });

  it('finds the registry next to a config without `registry` again when that file changes', () => {
    const file = write('flagdebt.config.json', '{ "accessors": [{ "call": "useFlag", "keyArg": 0 }] }');
    write('flags.yaml', REGISTRY);
    expect(loadConfig(file).registry).toBe(path.join(project, 'flags.yaml'));
    fs.renameSync(path.join(project, 'flags.yaml'), path.join(project, 'flags.json'));
    expect(loadConfig(file).registry).toBe(path.join(project, 'flags.json'));
  });

  it("keeps a tsconfig's compiler options, and reads them again when a file it extends changes", () => {
    fs.mkdirSync(path.join(project, 'src'));
    write('src/flags-a.ts', 'export const A = 1;\n');
    write('src/flags-b.ts', 'export const B = 1;\n');
    write('tsconfig.base.json', '{ "compilerOptions": { "paths": { "@flags": ["./src/flags-a.ts"] } } }\n');
    write('tsconfig.json', '// the app\n{ "extends": "./tsconfig.base.json", "compilerOptions": { "strict": true } }\n');
    const from = path.join(project, 'src/app.ts');
    const resolved = () => new FlagProject({ root: project, accessors: [{ call: 'useFlag', keyArg: 0 }] }).resolveModule('@flags', from);
    expect(resolved()).toBe(path.join(project, 'src/flags-a.ts'));
    const stored = entries().filter((name) => name.startsWith('tsconfig-'));
    expect(stored).toHaveLength(1);
    // The next project takes the options from the entry: altered there, they show.
    const entryFile = path.join(cache, 'models', stored[0]);
    const entry = JSON.parse(fs.readFileSync(entryFile, 'utf8'));
    expect(entry.result.options.paths).toEqual({ '@flags': ['./src/flags-a.ts'] });
    entry.result.options.paths = { '@flags': ['./src/flags-b.ts'] };
    fs.writeFileSync(entryFile, JSON.stringify(entry));
    expect(resolved()).toBe(path.join(project, 'src/flags-b.ts'));
    // A change in the extended file is noticed although tsconfig.json itself is unchanged.
    write('tsconfig.base.json', '{ "compilerOptions": { "paths": { "@flags": ["./src/flags-a.ts"] }, "baseUrl": "." } }\n');
    expect(resolved()).toBe(path.join(project, 'src/flags-a.ts'));
  });

  it('is off with FLAGDEBT_CACHE=0', () => {
    process.env.FLAGDEBT_CACHE = '0';
    resetModelCache();
    const file = write('flags.yaml', REGISTRY);
    loadRegistry(file);
    loadRegistry(file);
    expect(fs.existsSync(path.join(cache, 'models'))).toBe(false);
  });

  it('is also off with FLAGDEBT_COMPILE_CACHE=0, the earlier name of the switch', () => {
    delete process.env.FLAGDEBT_CACHE;
    const earlier = process.env.FLAGDEBT_COMPILE_CACHE;
    process.env.FLAGDEBT_COMPILE_CACHE = '0';
    try {
      resetModelCache();
      const file = write('flags.yaml', REGISTRY);
      loadRegistry(file);
      expect(fs.existsSync(path.join(cache, 'models'))).toBe(false);
    } finally {
      if (earlier === undefined) delete process.env.FLAGDEBT_COMPILE_CACHE;
      else process.env.FLAGDEBT_COMPILE_CACHE = earlier;
    }
  });

  it('is emptied by clearCaches, and the next load gives the same registry', () => {
    const file = write('flags.yaml', REGISTRY);
    const first = loadRegistry(file);
    expect(entries().length).toBeGreaterThan(0);
    clearCaches();
    expect(fs.existsSync(cache)).toBe(false);
    expect(loadRegistry(file)).toEqual(first);
    expect(entries().length).toBeGreaterThan(0);
  });

  it('spares a later process the yaml package when nothing changed', () => {
    const file = write('flags.yaml', REGISTRY);
    const script = `import { loadRegistry } from ${JSON.stringify(new URL(`file://${CORE_DIST}`).href)};
import { createRequire } from 'node:module';
const { registry } = loadRegistry(${JSON.stringify(file)});
const loaded = Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/yaml/'));
console.log(JSON.stringify({ flags: registry.flags.size, yaml: loaded }));`;
    const run = () => {
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, FLAGDEBT_CACHE: cache } });
      expect(result.stderr).toBe('');
      return JSON.parse(result.stdout) as { flags: number; yaml: boolean };
    };
    expect(run()).toEqual({ flags: 2, yaml: true });
    expect(run()).toEqual({ flags: 2, yaml: false });
  });
});
