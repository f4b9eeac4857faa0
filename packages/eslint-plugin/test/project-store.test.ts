/**
 * The store loads config and registry through core once per config and re-reads them only
 * when one of the two files changes, as an editor session needs.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectStore } from '../src/project-store.js';
import { FIXTURES } from './rule-tester.js';

let dir: string;
let file: string;

/** Writes `text` and moves the mtime forward, so the change is visible even within one clock tick. */
function touch(target: string, text: string, secondsLater: number): void {
  writeFileSync(target, text);
  const when = new Date(Date.now() + secondsLater * 1000);
  utimesSync(target, when, when);
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'flagdebt-store-'));
  cpSync(path.join(FIXTURES, 'storefront'), dir, { recursive: true });
  file = path.join(dir, 'src/checkout/Cart.tsx');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ProjectStore', () => {
  it('finds the config above the file and loads config, registry and matcher', () => {
    const state = new ProjectStore().stateFor(file, null);
    expect(state.problem).toBeNull();
    expect(state.config?.file).toBe(path.join(dir, 'flagdebt.config.json'));
    expect([...(state.registry?.flags.keys() ?? [])]).toContain('new-checkout');
    expect(state.matcher).not.toBeNull();
  });

  it('learns wrapper names declared in other files for the pre-filter', () => {
    const state = new ProjectStore().stateFor(file, null);
    // Accessor words, plus the two wrappers in src/flags/hooks.ts.
    expect([...state.candidateWords].sort()).toEqual(['featureToggles', 'getStringValue', 'isEnabled', 'isNewCheckoutEnabled', 'useDarkMode', 'useFlag']);
  });

  it('returns the cached state while neither file changes', () => {
    const store = new ProjectStore();
    const first = store.stateFor(file, null);
    expect(store.stateFor(path.join(dir, 'src/search/SearchPage.tsx'), null)).toBe(first);
  });

  it('re-reads the registry alone when only the registry changes, keeping the matcher', () => {
    const store = new ProjectStore(0);
    const first = store.stateFor(file, null);
    const registry = path.join(dir, 'flags.yaml');
    touch(registry, readFileSync(registry, 'utf8').replace('state: archived', 'state: active'), 5);
    const second = store.stateFor(file, null);
    expect(second).not.toBe(first);
    expect(second.registry?.flags.get('legacy-banner')?.state).toBe('active');
    expect(second.matcher).toBe(first.matcher);
  });

  it('stats the config and the registry at most once per interval, so a CLI run does not stat them per file', () => {
    let now = 0;
    const store = new ProjectStore(1000, () => now);
    const first = store.stateFor(file, null);
    const registry = path.join(dir, 'flags.yaml');
    touch(registry, readFileSync(registry, 'utf8').replace('state: archived', 'state: active'), 5);
    now = 999;
    expect(store.stateFor(file, null)).toBe(first);
    now = 1000;
    const second = store.stateFor(file, null);
    expect(second).not.toBe(first);
    expect(second.registry?.flags.get('legacy-banner')?.state).toBe('active');
    // and the reloaded state is kept again, not reloaded on every call
    expect(store.stateFor(file, null)).toBe(second);
  });

  it('reloads everything when the config changes', () => {
    const store = new ProjectStore(0);
    const first = store.stateFor(file, null);
    const config = path.join(dir, 'flagdebt.config.json');
    touch(config, readFileSync(config, 'utf8').replace('"naming"', '"budget": { "stale": 3 },\n  "naming"'), 5);
    const second = store.stateFor(file, null);
    expect(second.config?.budget).toEqual({ stale: 3 });
    expect(second.matcher).not.toBe(first.matcher);
  });

  it('reports a broken registry as a problem with its location, and recovers once it is fixed', () => {
    const store = new ProjectStore(0);
    const registry = path.join(dir, 'flags.yaml');
    const good = readFileSync(registry, 'utf8');
    touch(registry, good.replace('type: experiment', 'type: experimant'), 5);
    const broken = store.stateFor(file, null);
    expect(broken.problem).toMatchObject({ severity: 'error', file: registry });
    expect(broken.problem?.line).toBeGreaterThan(0);
    expect(broken.problem?.message).toContain('experimant');
    expect(broken.registry).toBeNull();
    // Key shape (static-key, naming) is still judged with a broken registry.
    expect(broken.matcher).not.toBeNull();

    touch(registry, good, 10);
    const fixed = store.stateFor(file, null);
    expect(fixed.problem).toBeNull();
    expect(fixed.registry?.flags.size).toBeGreaterThan(0);
  });

  it('reports a missing config, and finds one as soon as it is created', () => {
    const store = new ProjectStore(0);
    const config = path.join(dir, 'flagdebt.config.json');
    const text = readFileSync(config, 'utf8');
    rmSync(config);
    const missing = store.stateFor(file, null);
    expect(missing.problem?.code).toBe('eslint/no-config');
    expect(missing.problem?.fix).toContain('flagdebt init');
    writeFileSync(config, text);
    expect(store.stateFor(file, null).problem).toBeNull();
  });

  it('notices that a file the matcher read from disk changed (a key const edited in another tab)', () => {
    const store = new ProjectStore(0);
    const code = `import { flags } from '../flags/client';\nimport { NEW_CHECKOUT } from '../flags/keys';\nexport const on = () => flags.isEnabled(NEW_CHECKOUT, false);\n`;
    const keysOf = () => store.stateFor(file, null).matcher?.readsIn(file, code).map((r) => r.key);
    expect(keysOf()).toEqual(['new-checkout']);
    // Linted again with the same text: everything now comes from the matcher's cache.
    expect(keysOf()).toEqual(['new-checkout']);
    const keys = path.join(dir, 'src/flags/keys.ts');
    touch(keys, readFileSync(keys, 'utf8').replace("NEW_CHECKOUT = 'new-checkout'", "NEW_CHECKOUT = 'checkout-v3'"), 5);
    expect(keysOf()).toEqual(['checkout-v3']);
  });

  it('uses an explicit config path even when another config is nearer', () => {
    const other = path.join(FIXTURES, 'no-naming', 'flagdebt.config.json');
    const state = new ProjectStore().stateFor(file, other);
    expect(state.config?.file).toBe(other);
    expect([...(state.registry?.flags.keys() ?? [])]).toEqual(['Whatever_Key']);
  });

  it('finds the nearest config for every folder, whatever order the files come in', () => {
    const store = new ProjectStore();
    const root = path.join(dir, 'flagdebt.config.json');
    const nested = path.join(dir, 'src/admin/flagdebt.config.json');
    writeFileSync(nested, readFileSync(root, 'utf8'));
    const configOf = (rel: string) => store.configFor(path.join(dir, rel), null);
    // The first walk passes src/checkout and src; later files reuse what it learned.
    expect(configOf('src/checkout/deep/Cart.tsx')).toBe(root);
    expect(configOf('src/admin/reports/Monthly.ts')).toBe(nested);
    expect(configOf('src/admin/Summary.ts')).toBe(nested);
    expect(configOf('src/home/Home.tsx')).toBe(root);
    expect(configOf('src/checkout/Cart.tsx')).toBe(root);
    expect(configOf('src/admin/reports/Weekly.ts')).toBe(nested);
  });
});
