/**
 * Flags defined once and read by calling the definition (Vercel's `flags` SDK, a `define`
 * accessor), on fixtures/matching/defined-flags: a miniature Next.js app with its flags in
 * flags.ts, pages and a route handler that await them (also through a renaming re-export, a
 * namespace re-export and the `@/` alias), middleware that precomputes an array of them, the
 * older `@vercel/flags/next` definer, and an unrelated `flag()` of the app's analytics.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlagProject, loadConfig } from '../../src/index.js';
import { at, fixtureDir } from './helpers.js';

const root = fixtureDir('defined-flags');
const config = loadConfig(path.join(root, 'flagdebt.config.json'));
const file = (rel: string) => path.join(root, rel);

function readsOf(project: FlagProject, rel: string): string[] {
  return project.readsIn(file(rel)).map((r) => {
    const pos = `${r.line}:${r.column}`;
    return `${r.key} ${r.kind} ${r.via} ${pos}${r.data ? ` ${r.data}` : ''}`;
  });
}

const pos = (rel: string, snippet: string, nth = 0) => {
  const p = at(file(rel), snippet, nth);
  return `${p.line}:${p.column}`;
};

describe('define accessors (flags defined once, read by calling them)', () => {
  it('reads each definition as the definition of its key, also with type arguments and a key in a const', () => {
    const project = new FlagProject({ root, accessors: config.accessors });
    expect(readsOf(project, 'flags.ts')).toEqual([
      `show-banner evaluation flag ${pos('flags.ts', 'flag({')} definition`,
      `checkout-variant evaluation flag ${pos('flags.ts', 'flag<string>')} definition`,
      `free-shipping evaluation flag ${pos('flags.ts', 'flag<boolean>')} definition`,
      // The array of defined flags: references to them, not evaluations.
      `show-banner evaluation showBanner ${pos('flags.ts', 'showBanner, checkoutVariant]')} flag-object`,
      `checkout-variant evaluation checkoutVariant ${pos('flags.ts', 'checkoutVariant] as const')} flag-object`,
    ]);
    const [definition] = project.readsIn(file('flags.ts'));
    // The key span is the key property's value: what the ESLint plugin checks against the registry.
    expect(project.sourceFile(file('flags.ts')).text.slice(definition.keySpan!.start, definition.keySpan!.end)).toBe("'show-banner'");
    expect(project.wrappers().map((w) => `${w.name}=${w.key}`)).toEqual(['showBanner=show-banner', 'checkoutVariant=checkout-variant', 'freeShipping=free-shipping']);
  });

  it('reads every call of a defined flag as an evaluation of its key, through imports, aliases and re-exports', () => {
    const project = new FlagProject({ root, accessors: config.accessors });
    expect(readsOf(project, 'app/page.tsx')).toEqual([`show-banner evaluation showBanner ${pos('app/page.tsx', 'showBanner()')}`]);
    expect(readsOf(project, 'app/[code]/page.tsx')).toEqual([
      `show-banner evaluation showBanner ${pos('app/[code]/page.tsx', 'showBanner(code')}`,
      `checkout-variant evaluation checkoutVariant ${pos('app/[code]/page.tsx', 'checkoutVariant(code')}`,
    ]);
    expect(readsOf(project, 'app/api/banner/route.ts')).toEqual([
      `free-shipping evaluation freeShipping ${pos('app/api/banner/route.ts', 'shippingFlag()')}`,
      `checkout-variant evaluation checkoutVariant ${pos('app/api/banner/route.ts', 'storefrontFlags.checkoutVariant()')}`,
    ]);
  });

  it('reads a defined flag passed in an array (precompute) as a reference, not an evaluation', () => {
    const project = new FlagProject({ root, accessors: config.accessors });
    expect(readsOf(project, 'middleware.ts')).toEqual([
      `show-banner evaluation showBanner ${pos('middleware.ts', 'showBanner, checkoutVariant')} flag-object`,
      `checkout-variant evaluation checkoutVariant ${pos('middleware.ts', 'checkoutVariant])')} flag-object`,
    ]);
  });

  it('matches the definer through its import only: the older @vercel/flags one renamed, never the app’s own flag()', () => {
    const project = new FlagProject({ root, accessors: config.accessors });
    expect(readsOf(project, 'legacy/sale.ts')).toEqual([
      `summer-sale evaluation flag ${pos('legacy/sale.ts', 'flag({')} definition`,
      `summer-sale evaluation summerSale ${pos('legacy/sale.ts', 'summerSale()')}`,
    ]);
    expect(readsOf(project, 'app/page.tsx')).not.toContainEqual(expect.stringContaining('home-view'));
    // Without `from`, the analytics call is a definition too: `from` is what tells them apart.
    const loose = new FlagProject({ root, accessors: [{ define: 'flag', keyProperty: 'key', keyArg: 0 }] });
    expect(readsOf(loose, 'app/page.tsx')).toContainEqual(expect.stringContaining('home-view evaluation flag'));
  });

  it('gives a definition whose key cannot be resolved as a dynamic read, and its calls read nothing', () => {
    const text = ["import { flag } from 'flags/next';", 'const key = process.env.FLAG_KEY ?? "x";', 'export const envFlag = flag({ key, decide: () => false });', 'export const on = await envFlag();', ''].join('\n');
    const project = new FlagProject({ root, accessors: config.accessors });
    const reads = project.readsIn(file('dynamic.ts'), text);
    expect(reads.map((r) => `${r.key} ${r.kind} ${r.via} ${r.data ?? ''}`)).toEqual(['null dynamic flag definition']);
  });
});
