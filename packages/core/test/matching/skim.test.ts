import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlagProject, skimFunctions, TreeCache, type FileEntry, type SourceHost } from '../../src/index.js';
import { ACCESSORS, fixtureDir, summarize } from './helpers.js';

const spells = (...words: string[]) => (text: string) => words.some((w) => text.includes(w));

/** Offsets of every line break: skimming must not move any. */
const breaks = (text: string) => [...text.matchAll(/\r\n|[\n\r\u2028\u2029]/g)].map((m) => m.index);

describe('skimFunctions', () => {
  const source = [
    "import { useFlag } from './flags';",
    '',
    'export function total(items: number[]): number {',
    '  return items.reduce((a, b) => a + b, 0);',
    '}',
    '',
    'export const label = (name: string) => {',
    '  return name.toUpperCase();',
    '};',
    '',
    'export default async function Page() {',
    "  return useFlag('new-checkout');",
    '}',
    '',
  ].join('\n');

  it('blanks top-level functions and block arrows that spell no word, keeping every offset', () => {
    const skim = skimFunctions(source, spells('useFlag'))!;
    expect(skim.text).toHaveLength(source.length);
    expect(breaks(skim.text)).toEqual(breaks(source));
    expect(skim.text).not.toContain('total');
    expect(skim.text).not.toContain('label');
    expect(skim.text).toContain("export default async function Page() {\n  return useFlag('new-checkout');\n}");
    expect(skim.regions.map((r) => source.slice(r.start, r.end).split('\n')[0])).toEqual([
      'export function total(items: number[]): number {',
      'export const label = (name: string) => {',
    ]);
  });

  it('gives nothing to blank when every function spells a word', () => {
    expect(skimFunctions(source, () => true)).toBeUndefined();
  });

  it('leaves functions whose layout does not prove where they end', () => {
    const cases = {
      'a line at column 0 inside': 'function a() {\nif (x) {\n}\nreturn 1;\n}\n',
      'a template literal running past the brace': 'function b() {\n  return `\n}\n`;\n}\n',
      'code after it that could continue an expression': 'function c() {\n  return 1;\n}\n(c)();\n',
      'a template literal after it': 'function d() {\n  return 1;\n}\n`x`;\n',
      'an arrow without its semicolon': 'const e = () => {\n  return 1;\n}\n',
      'an arrow whose parameters hold calls': 'const f = (a = g()) => {\n  return a;\n};\n',
      'an object holding an arrow': 'const o = { f: () => {\n  return 1;\n}, key: "bogus" };\n',
    };
    for (const [why, text] of Object.entries(cases)) expect(skimFunctions(text, () => false), why).toBeUndefined();
  });

  it('keeps CRLF, lone CR and U+2028 line breaks where they were', () => {
    for (const text of ['function a() {\r\n  return 1;\r\n}\r\nexport const x = 1;\r\n', 'function a() {\n  return "\u2028";\n}\n', 'function a() {\n  x\r  y\n}\n']) {
      const skim = skimFunctions(text, () => false)!;
      expect(skim.text.trim()).toBe(text.includes('export') ? 'export const x = 1;' : '');
      expect(breaks(skim.text)).toEqual(breaks(text));
    }
  });
});

describe('FlagProject with skim', () => {
  const root = fixtureDir('skim');
  const files = ['src/cart/cart-page.tsx', 'src/flags/hooks.ts', 'src/flags/express.ts', 'src/flags/keys.ts', 'src/flags/client.ts', 'src/account/profile.ts', 'src/flags/dark-mode.ts', 'src/cart/theme.ts'].map((f) =>
    path.join(root, f),
  );
  const keys = ['new-checkout', 'express-shipping', 'legacy-cart', 'profile-badges'];

  /** Reads and declarations of every file, after the scanner's wrapper fixed point. */
  function index(project: FlagProject) {
    // As the scanner does: discover, re-parse what names a new wrapper, until nothing changes.
    for (let names = ''; ; ) {
      project.discoverWrappers(files);
      const now = project.wrappers().map((w) => w.name).sort().join();
      if (project.reskim().length === 0 && now === names) break;
      names = now;
    }
    project.sealWrappers();
    const reads = files.map((f) => summarize(project.readsIn(f)));
    return { reads, declarations: files.map((f) => project.declarationsIn(f).map((d) => [d.key, d.line])) };
  }

  it('finds the same reads and declarations as a full parse', () => {
    const full = index(new FlagProject({ root, accessors: ACCESSORS }));
    const skimmed = new FlagProject({ root, accessors: ACCESSORS, skim: { keys } });
    expect(index(skimmed)).toEqual(full);
    // and it did skim: the helpers of hooks.ts were not parsed
    expect(skimmed.sourceFile(files[1]).text).not.toContain('formatLabel');
    // Reads through a renamed import and a default import spell no wrapper name at the call:
    // the skimmed walk must still visit them.
    expect(full.reads[0].map((r) => [r.key, r.via])).toEqual([
      ['new-checkout', 'useNewCheckout'],
      ['new-checkout', 'useExpressCheckout'],
      ['dark-mode', 'useDarkMode'],
      ['express-shipping', 'flags.isEnabled'],
      ['legacy-cart', 'flags.isEnabled'],
    ]);
  });

  it('parses a file in full once a blanked function turns out to use an alias of a wrapper', () => {
    const project = new FlagProject({ root, accessors: ACCESSORS, skim: { keys } });
    const page = files[0];
    // `useLegacyBanner` spells no accessor or wrapper: it calls `useCheckoutV2`, a renamed import.
    expect(project.sourceFile(page).text).not.toContain('function useLegacyBanner()');
    // Once `useNewCheckout` is known to be a wrapper, its alias counts too.
    project.discoverWrappers([files[1]]);
    expect(project.reskim()).toContain(page);
    expect(project.sourceFile(page).text).toContain('function useLegacyBanner()');
    expect(summarize(project.readsIn(page)).map((r) => [r.key, r.via, r.line])).toContainEqual(['new-checkout', 'useNewCheckout', 29]);
  });

  it('parses again the functions that call a wrapper found later', () => {
    const project = new FlagProject({ root, accessors: ACCESSORS, skim: { keys } });
    // Before `useNewCheckout` is known, `useExpressCheckout` spells no word and is not parsed.
    expect(project.sourceFile(files[2]).text).not.toContain('useExpressCheckout');
    project.discoverWrappers([files[1]]);
    expect(project.reskim()).toEqual([files[2]]);
    expect(project.sourceFile(files[2]).text).toContain('export function useExpressCheckout()');
    expect(project.discoverWrappers([files[2]]).map((w) => w.name)).toEqual(['useExpressCheckout']);
  });

  it('does not see a syntax error inside a function that cannot read a flag, and still reads the file', () => {
    const profile = files[5];
    const full = new FlagProject({ root, accessors: ACCESSORS });
    const skimmed = new FlagProject({ root, accessors: ACCESSORS, skim: { keys } });
    const diagnostics = (p: FlagProject) => (p.sourceFile(profile) as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length;
    expect(diagnostics(full)).toBeGreaterThan(0);
    expect(diagnostics(skimmed)).toBe(0);
    expect(summarize(skimmed.readsIn(profile)).map((r) => r.key)).toEqual(['profile-badges']);
  });
});

describe('skimming and default or namespace imports', () => {
  const page = (helper: string) =>
    [
      "import React from 'react';",
      "import * as api from './api';",
      "import { useFlag } from './flags';",
      '',
      'export function CheckoutPage() {',
      "  return useFlag('new-checkout') ? <NewCheckout /> : <OldCheckout />;",
      '}',
      '',
      'function OldCheckout() {',
      `  return ${helper};`,
      '}',
      '',
    ].join('\n');

  /** Which parses a project made of `/p/src/page.tsx`: true for a skimmed one, false for a full one. */
  function parses(text: string): { kinds: boolean[]; keys: Array<string | null> } {
    const kinds: boolean[] = [];
    class Recording extends TreeCache {
      override set(file: string, t: string, skimmed: string | undefined, entry: FileEntry | null): void {
        kinds.push(skimmed !== undefined);
        super.set(file, t, skimmed, entry);
      }
    }
    const host: SourceHost = { readFile: (f) => (f === '/p/src/page.tsx' ? text : undefined), fileExists: (f) => f === '/p/src/page.tsx' };
    const project = new FlagProject({ root: '/p', accessors: ACCESSORS, host, tsconfig: false, skim: { keys: [] }, trees: new Recording() });
    return { kinds, keys: project.readsIn('/p/src/page.tsx').map((r) => r.key) };
  }

  it('parses once, in full, when a function to blank uses a default or namespace import', () => {
    expect(parses(page("React.createElement('div', null, 'old')"))).toEqual({ kinds: [false], keys: ['new-checkout'] });
    expect(parses(page('api.legacyCheckout()'))).toEqual({ kinds: [false], keys: ['new-checkout'] });
  });

  it('still skims when the blanked function uses neither', () => {
    expect(parses(page("'old checkout'"))).toEqual({ kinds: [true], keys: ['new-checkout'] });
  });
});
