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

describe('skimFunctions: call statements, multi-line arrow parameters, class member bodies', () => {
  const source = [
    "import { flags } from './flags';",
    '',
    "describe('totals', () => {",
    "  test('adds', () => {",
    '    expect(1 + 1).toBe(2);',
    '  });',
    '});',
    '',
    "jest.mock('./store', () => ({",
    '  load: jest.fn(),',
    '}));',
    '',
    'export const Header: FC<Props> = ({',
    '  title,',
    '}) => {',
    '  return title;',
    '};',
    '',
    'export class Service {',
    '  private readonly cache = new Map();',
    '',
    '  constructor(',
    '    private readonly store: Store,',
    '  ) {',
    '    this.cache.clear();',
    '  }',
    '',
    '  async load(',
    '    id: string,',
    '  ): Promise<Item> {',
    '    return this.store.load(id);',
    '  }',
    '',
    '  isOn(): boolean {',
    "    return flags.isEnabled('on');",
    '  }',
    '',
    '  describe = (item: Item) => {',
    '    return item.name;',
    '  };',
    '}',
    '',
  ].join('\n');

  it('blanks whole call statements and arrows, and the insides of member bodies, keeping every offset', () => {
    const skim = skimFunctions(source, spells('isEnabled'))!;
    expect(skim.text).toHaveLength(source.length);
    expect(breaks(skim.text)).toEqual(breaks(source));
    expect(skim.regions.map((r) => [source.slice(r.start, r.end).split('\n')[0].trim(), r.member ?? false])).toEqual([
      ["describe('totals', () => {", false],
      ["jest.mock('./store', () => ({", false],
      ['export const Header: FC<Props> = ({', false],
      ['this.cache.clear();', true],
      ['return this.store.load(id);', true],
      ['return item.name;', true],
    ]);
    // Signatures and braces stay; the method that spells a word is kept whole.
    expect(skim.text).toContain('  async load(\n    id: string,\n  ): Promise<Item> {\n');
    expect(skim.text).toContain("  isOn(): boolean {\n    return flags.isEnabled('on');\n  }");
    expect(skim.text).toContain('  describe = (item: Item) => {\n');
    expect(skim.text).toContain('private readonly cache = new Map();');
  });

  it('leaves shapes whose layout does not prove where they end', () => {
    const cases = {
      'a call whose closing line holds more than closers': "describe('a', () => {\n  x();\n}).timeout(5);\n",
      'a call continued on the next line': "run(() => {\n  x();\n})\n.then(done);\n",
      'a keyword that takes parentheses': 'if (ready) {\n  start();\n}\n',
      'an arrow whose parameters close without a body': 'export const f = ({\n  a,\n}) =>\n  a;\n',
      'a member body closing at another indent': 'class A {\n  run() {\n    go();\n    }\n}\n',
      'a property holding an object': 'class B {\n  map = {\n    a: 1,\n  };\n}\n',
      'a class not closed at column 0': 'class C {\n  run() {\n    go();\n  }\n  }\n',
    };
    for (const [why, text] of Object.entries(cases)) expect(skimFunctions(text, () => false), why).toBeUndefined();
  });
});

describe('FlagProject skimming test files, classes and components', () => {
  const root = fixtureDir('skim-shapes');
  const files = ['src/billing/invoice-service.test.ts', 'src/billing/invoice-service.ts', 'src/flags/client.ts', 'src/flags/rules.ts', 'src/pages/settings-page.tsx'].map((f) => path.join(root, f));
  const keys = ['fast-invoices', 'tax-rules', 'legacy-invoices', 'dark-settings'];

  function index(project: FlagProject) {
    for (let names = ''; ; ) {
      project.discoverWrappers(files);
      const now = project.wrappers().map((w) => w.name).sort().join();
      if (project.reskim().length === 0 && now === names) break;
      names = now;
    }
    project.sealWrappers();
    return files.map((f) => summarize(project.readsIn(f)).map((r) => [r.key, r.via, r.line]));
  }

  it('finds the same reads as a full parse, through a wrapper found after the first skim', () => {
    const full = index(new FlagProject({ root, accessors: ACCESSORS }));
    const skimmed = new FlagProject({ root, accessors: ACCESSORS, skim: { keys } });
    const [test, service] = files;
    // Before discovery, the test calling `taxRulesEnabled` spells no word: blanked.
    expect(skimmed.sourceFile(test).text).not.toContain('taxRulesEnabled() ? 1 : 0');
    expect(skimmed.sourceFile(service).text).not.toContain('if (!taxRulesEnabled())');
    expect(index(skimmed)).toEqual(full);
    // The reads this fixture is about, each in a shape that is skimmed when it holds none.
    expect(full[0]).toEqual([
      ['fast-invoices', 'flags.isEnabled', 17],
      ['tax-rules', 'taxRulesEnabled', 38],
      ['legacy-invoices', 'flags.isEnabled', 44],
    ]);
    expect(full[1]).toEqual([
      ['fast-invoices', 'flags.isEnabled', 17],
      ['tax-rules', 'taxRulesEnabled', 44],
    ]);
    expect(full[4]).toEqual([['dark-settings', 'useFlag', 19]]);
    // Once the wrapper is known, what calls it is parsed; what spells no word stays blank.
    expect(skimmed.sourceFile(test).text).toContain('taxRulesEnabled() ? 1 : 0');
    expect(skimmed.sourceFile(test).text).not.toContain('adds up the lines');
    expect(skimmed.sourceFile(service).text).toContain('if (!taxRulesEnabled())');
    expect(skimmed.sourceFile(service).text).not.toContain('this.cache.set(id, invoice)');
    expect(skimmed.sourceFile(files[4]).text).not.toContain('<h1>');
  });

  it('keeps a member body that uses a property holding a word', () => {
    const project = new FlagProject({ root, accessors: ACCESSORS, skim: { keys: [] } });
    // `send` uses `this.fastPath`, a property that spells `isEnabled`: it is kept.
    expect(project.sourceFile(files[1]).text).toContain('if (this.fastPath) {');
    expect(project.sourceFile(files[1]).text).not.toContain('invoice.lines.reduce((sum, line)');
  });
});
