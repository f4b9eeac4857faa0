/**
 * The warm-up's answer (every wrapper's name) is kept between ESLint runs in core's model cache,
 * keyed by the project's source texts; a later run over the same files searches none of them.
 */
import fs, { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FlagProject } from '@flagdebt/core';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DiskHost } from '../src/disk-host.js';
import { ProjectStore } from '../src/project-store.js';
import { FIXTURES } from './rule-tester.js';
import { walkFiles } from '@flagdebt/core';

// Its own cache folder, so that no entry from another test or run is found. Set before any
// test runs: core looks the folder up once per process.
const cache = mkdtempSync(path.join(os.tmpdir(), 'flagdebt-discovery-cache-'));
const savedSetting = process.env.FLAGDEBT_COMPILE_CACHE;
process.env.FLAGDEBT_COMPILE_CACHE = cache;

let dir: string;
let cart: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'flagdebt-discovery-'));
  cpSync(path.join(FIXTURES, 'storefront'), dir, { recursive: true });
  cart = path.join(dir, 'src/checkout/Cart.tsx');
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

afterAll(() => {
  rmSync(cache, { recursive: true, force: true });
  if (savedSetting === undefined) delete process.env.FLAGDEBT_COMPILE_CACHE;
  else process.env.FLAGDEBT_COMPILE_CACHE = savedSetting;
});

/** A fresh store (a new ESLint process) and how many distinct files its warm-up searched for wrappers. */
function warmUp(): { words: string[]; searched: number; matcher: FlagProject } {
  const discover = vi.spyOn(FlagProject.prototype, 'discoverWrappers');
  const state = new ProjectStore().stateFor(cart, null);
  const searched = new Set(discover.mock.calls.flatMap(([files]) => [...files])).size;
  discover.mockRestore();
  return { words: [...state.candidateWords].sort(), searched, matcher: state.matcher! };
}

const CART_CODE = `import { isNewCheckoutEnabled } from '../flags/hooks';\nexport const label = () => (isNewCheckoutEnabled() ? 'New' : 'Classic');\n`;

describe('wrapper discovery between runs', () => {
  it('finds the same words on the next run without searching any file, and the same reads', () => {
    const first = warmUp();
    expect(first.searched).toBeGreaterThan(0);
    expect(first.words).toEqual(['featureToggles', 'getStringValue', 'isEnabled', 'isNewCheckoutEnabled', 'useDarkMode', 'useFlag']);
    const firstReads = first.matcher.readsIn(cart, CART_CODE);

    const second = warmUp();
    expect(second.searched).toBe(0);
    expect(second.words).toEqual(first.words);
    // The wrapper is analysed when the read calls it, with the same answer.
    expect(second.matcher.readsIn(cart, CART_CODE)).toEqual(firstReads);
    expect(firstReads.map((r) => [r.key, r.via])).toEqual([['new-checkout', 'isNewCheckoutEnabled']]);
  });

  it('searches only a changed file, and finds a wrapper added there', () => {
    const first = warmUp();
    const hooks = path.join(dir, 'src/flags/hooks.ts');
    writeFileSync(hooks, `${readFileSync(hooks, 'utf8')}\nexport const useBetaSearch = (): boolean => useFlag('beta-search');\n`);
    const after = warmUp();
    // hooks.ts, and the files that name its new wrapper (none).
    expect(after.searched).toBe(1);
    expect(after.searched).toBeLessThan(first.searched);
    expect(after.words).toEqual([...first.words, 'useBetaSearch'].sort());
  });

  it('searches a new source file', () => {
    warmUp();
    writeFileSync(path.join(dir, 'src/home/promo.ts'), `import { useFlag } from '../flags/client';\nexport function usePromo(): boolean {\n  return useFlag('promo');\n}\n`);
    const after = warmUp();
    expect(after.searched).toBe(1);
    expect(after.words).toContain('usePromo');
  });

  it('finds a wrapper in an unchanged file that calls a wrapper new in a changed file', () => {
    const gate = path.join(dir, 'src/home/gate.ts');
    const outer = path.join(dir, 'src/home/outer.ts');
    writeFileSync(gate, 'export function useGate(): boolean {\n  return false;\n}\n');
    writeFileSync(outer, "import { useGate } from './gate';\nexport const useOuter = (): boolean => useGate();\n");
    expect(warmUp().words).not.toContain('useOuter');
    // Only gate.ts changes: useGate becomes a wrapper, so useOuter in outer.ts is one now too.
    writeFileSync(gate, "import { useFlag } from '../flags/client';\nexport function useGate(): boolean {\n  return useFlag('gate');\n}\n");
    const after = warmUp();
    expect(after.words).toEqual(expect.arrayContaining(['useGate', 'useOuter']));
    const page = path.join(dir, 'src/home/Page.tsx');
    const code = "import { useOuter } from './outer';\nexport const Page = () => (useOuter() ? 'a' : 'b');\n";
    writeFileSync(page, code);
    expect(after.matcher.readsIn(page, code).map((r) => [r.key, r.via])).toEqual([['gate', 'useOuter']]);
  });

  it('drops the name of a wrapper deleted from a changed file, and of every wrapper in a deleted file', () => {
    warmUp();
    const hooks = path.join(dir, 'src/flags/hooks.ts');
    writeFileSync(hooks, readFileSync(hooks, 'utf8').replace(/\/\*\* Wrappers[\s\S]*?\n}\n/, ''));
    expect(warmUp().words).not.toContain('useDarkMode');
    expect(warmUp().words).toContain('isNewCheckoutEnabled');
    rmSync(hooks);
    expect(warmUp().words).not.toContain('isNewCheckoutEnabled');
  });

  it('searches everything again when a file it read besides the sources changed (tsconfig.json)', () => {
    const first = warmUp();
    expect(warmUp().searched).toBe(0);
    const tsconfig = path.join(dir, 'tsconfig.json');
    writeFileSync(tsconfig, readFileSync(tsconfig, 'utf8').replace('"strict": true', '"strict": true,\n    "baseUrl": "."'));
    // Everything: paths in tsconfig.json can change what any file resolves to.
    expect(warmUp().searched).toBe(first.searched);
  });

  it('searches everything again when the accessors change', () => {
    const first = warmUp();
    const config = path.join(dir, 'flagdebt.config.json');
    writeFileSync(config, readFileSync(config, 'utf8').replace('{ "call": "useFlag", "keyArg": 0 },', '{ "call": "useFlag", "keyArg": 0 },\n    { "call": "useToggle", "keyArg": 0 },'));
    const after = warmUp();
    expect(after.searched).toBe(first.searched);
    expect(after.words).toContain('useToggle');
  });
});

describe('wrapper discovery between runs, trusting file stats', () => {
  const HOUR_AGO = (Date.now() - 3_600_000) / 1000;
  const sources = (): string[] => walkFiles(path.join(dir, 'src'));
  /** Sets every source file's mtime an hour back, as on a checkout nobody is editing. */
  const age = (): void => {
    for (const file of sources()) utimesSync(file, HOUR_AGO, HOUR_AGO);
  };
  /** The source files a warm-up read from disk. */
  const filesRead = (): { read: string[]; words: string[] } => {
    const readFileSync = vi.spyOn(fs, 'readFileSync');
    const { words } = warmUp();
    const src = path.join(dir, 'src');
    const read = readFileSync.mock.calls.map(([file]) => String(file)).filter((file) => file.startsWith(src));
    readFileSync.mockRestore();
    return { read, words };
  };

  it('reads no source file whose mtime and size are what the last run saw', () => {
    age();
    // The first run reads everything; the second, seeing the same stats, reads nothing.
    expect(new Set(filesRead().read).size).toBe(sources().length);
    const again = filesRead();
    expect(again.read).toEqual([]);
    expect(again.words).toContain('useDarkMode');
  });

  it('reads and searches a file whose mtime changed, even when its size did not', () => {
    age();
    filesRead();
    const hooks = path.join(dir, 'src/flags/hooks.ts');
    const before = readFileSync(hooks, 'utf8');
    const edited = before.replace('useDarkMode', 'useDarkMods');
    expect(edited.length).toBe(before.length);
    writeFileSync(hooks, edited);
    // Restored with another old mtime (`cp -p`, `rsync -t`): only the mtime tells it changed.
    utimesSync(hooks, HOUR_AGO + 60, HOUR_AGO + 60);
    const after = filesRead();
    expect(after.read).toContain(hooks);
    expect(after.words).toContain('useDarkMods');
    expect(after.words).not.toContain('useDarkMode');
  });

  it('reads a file modified just before the last run again, even with the same mtime and size (racy edit)', () => {
    // Written a moment ago, as in an editor; a whole second, which any file system can store.
    const hooks = path.join(dir, 'src/flags/hooks.ts');
    const justNow = Math.floor(Date.now() / 1000);
    utimesSync(hooks, justNow, justNow);
    filesRead();
    // Edited again within the file system's mtime resolution: same size, same mtime.
    writeFileSync(hooks, readFileSync(hooks, 'utf8').replace('useDarkMode', 'useDarkMods'));
    utimesSync(hooks, justNow, justNow);
    const after = filesRead();
    expect(after.read).toContain(hooks);
    expect(after.words).toContain('useDarkMods');
  });
});

describe('linted texts against what the warm-up saw', () => {
  it('keeps the seal for a text the warm-up saw, without reading the file again', () => {
    warmUp();
    const { matcher } = warmUp();
    const hooks = path.join(dir, 'src/flags/hooks.ts');
    const read = vi.spyOn(DiskHost.prototype, 'readFile');
    matcher.readsIn(hooks, readFileSync(hooks, 'utf8'));
    expect(read.mock.calls.map(([file]) => file)).not.toContain(hooks);
    // Still sealed: the pre-filter words are the warm-up's.
    expect(matcher.candidateWords().sort()).toEqual(['featureToggles', 'getStringValue', 'isEnabled', 'isNewCheckoutEnabled', 'useDarkMode', 'useFlag']);
  });

  it('lifts the seal for a text the warm-up did not see, even when the file on disk now holds it', () => {
    warmUp();
    // From the cache: the warm-up parsed no file, so only the texts it hashed tell it saw another Banner.ts.
    const { matcher, searched } = warmUp();
    expect(searched).toBe(0);
    const banner = path.join(dir, 'src/home/Banner.ts');
    // Saved after the warm-up: Banner.ts now declares a wrapper, and Home.tsx calls it.
    const wrapper = `import { useFlag } from '../flags/client';\nexport function useHolidayBanner(): boolean {\n  return useFlag('holiday-banner');\n}\n`;
    writeFileSync(banner, wrapper);
    matcher.readsIn(banner, wrapper);
    const home = path.join(dir, 'src/home/Home.tsx');
    const caller = `import { useHolidayBanner } from './Banner';\nexport const Home = () => (useHolidayBanner() ? 'holiday' : 'plain');\n`;
    writeFileSync(home, caller);
    expect(matcher.readsIn(home, caller).map((r) => [r.key, r.via])).toEqual([['holiday-banner', 'useHolidayBanner']]);
  });
});

describe('wrapper discovery between runs, names declared twice', () => {
  it('searches the callers of a wrapper whose name another file already declared', () => {
    const a = path.join(dir, 'src/home/a.ts');
    const b = path.join(dir, 'src/admin/b.ts');
    const outer = path.join(dir, 'src/admin/outer.ts');
    writeFileSync(a, "import { useFlag } from '../flags/client';\nexport const useGate = (): boolean => useFlag('gate-a');\n");
    writeFileSync(b, 'export function useGate(): boolean {\n  return false;\n}\n');
    writeFileSync(outer, "import { useGate } from './b';\nexport const useAdminGate = (): boolean => useGate();\n");
    expect(warmUp().words).not.toContain('useAdminGate');
    // b.ts's useGate becomes a wrapper: the name was known (a.ts), but not from b.ts.
    writeFileSync(b, "import { useFlag } from '../flags/client';\nexport function useGate(): boolean {\n  return useFlag('gate-b');\n}\n");
    expect(warmUp().words).toContain('useAdminGate');
  });
});
