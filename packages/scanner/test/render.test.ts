import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { renderers, renderScan } from '../src/index.js';
import type { ScanResult } from '../src/types.js';
import { scanFixture } from './helpers.js';

const schemaFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'scan-result.v1.json');
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));

/** A result built by hand for the quoting rules: values a real scan rarely produces. */
function tricky(): ScanResult {
  return {
    version: 1,
    root: '/repo',
    now: '2026-11-21',
    summary: { files: 2, flags: 1, references: 2, stale: 0, unused: 0, unregistered: 0, dynamic: 1, archivedReferenced: 0 },
    flags: [],
    references: [
      { flag: 'new,checkout', file: 'src/a "quoted".ts', line: 3, column: 5, kind: 'evaluation', test: false, via: 'useFlag' },
      { flag: null, file: 'src/multi\nline.ts', line: 1, column: 1, kind: 'dynamic', test: true, via: 'flags.isEnabled' },
    ],
    unused: [],
    unregistered: [],
    problems: [],
  };
}

describe('renderers', async () => {
  const categories = await scanFixture('reconciliation', 'categories');
  const staleness = await scanFixture('reconciliation', 'staleness');
  const storefront = await scanFixture('references', 'storefront');
  const damaged = await scanFixture('problems', 'damaged');

  it('registers the four base formats', () => {
    expect(Object.keys(renderers)).toEqual(expect.arrayContaining(['text', 'json', 'markdown', 'csv']));
    expect(() => renderScan(categories, 'yaml')).toThrow(/unknown report format "yaml"/);
  });

  it('json: real output validates against the published schema and round-trips', () => {
    for (const result of [categories, staleness, storefront, damaged]) {
      const json = renderScan(result, 'json');
      const parsed = JSON.parse(json);
      expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
      expect(parsed).toEqual(result);
      expect(json).toMatch(/^\{\n {2}"version": 1,\n {2}"root": /);
    }
  });

  it('json: the schema rejects what the contract forbids', () => {
    const extra = { ...JSON.parse(renderScan(categories, 'json')), extra: true };
    expect(validate(extra)).toBe(false);
    const dynamicWithKey = JSON.parse(renderScan(storefront, 'json'));
    dynamicWithKey.references.find((r: { kind: string }) => r.kind === 'dynamic').flag = 'x';
    expect(validate(dynamicWithKey)).toBe(false);
  });

  it('csv: one row per reference, RFC 4180 quoting, CRLF', () => {
    expect(renderScan(tricky(), 'csv')).toBe(
      'flag,file,line,column,kind,test,via\r\n' +
        '"new,checkout","src/a ""quoted"".ts",3,5,evaluation,false,useFlag\r\n' +
        ',"src/multi\nline.ts",1,1,dynamic,true,flags.isEnabled\r\n',
    );
    const rows = renderScan(categories, 'csv').trimEnd().split('\r\n');
    expect(rows).toHaveLength(categories.references.length + 1);
    expect(rows).toContain('checkout-v2,src/checkout/Checkout.spec.ts,5,12,evaluation,true,flags.isEnabled');
  });

  it('markdown: summary, stale flags with the remove command, unregistered, unused, archived, folded references', () => {
    const md = renderScan(staleness, 'markdown');
    expect(md).toContain('| 2 | 6 | 6 | 4 | 0 | 0 | 0 | 0 |');
    expect(md).toContain(
      '| `expired-experiment` | experiment | growth | 67 days | 1 in 1 file | expired on 2026-11-01 (20 days ago) | `flagdebt remove expired-experiment --value <value>` |',
    );
    const cat = renderScan(categories, 'markdown');
    expect(cat).toContain('| `checkout-v3` | `src/checkout/Checkout.tsx:5:14` | `checkout-v2` |');
    expect(cat).toContain('- `old-banner`');
    expect(cat).toContain('> - `legacy-search`: 1 reference in 1 file');
    expect(cat).toMatch(/<details>\n<summary><code>checkout-v2<\/code>: 3 references<\/summary>/);
    expect(cat).not.toContain('**Budget:**');
    expect(renderScan(categories, 'markdown', { budget: { stale: 0, unregistered: 1 } })).toContain(
      '**Budget:** :white_check_mark: stale 0 of 0 · :x: unregistered 3 of 1 · :x: archived in use 1 of 0',
    );
  });

  it('text: sections with their rows, no colour unless asked', () => {
    const text = renderScan(categories, 'text');
    expect(text).not.toContain('\x1b[');
    expect(text).toMatch(/ARCHIVED FLAGS STILL REFERENCED \(1\)\n {2}legacy-search: archived on 2025-07-01/);
    expect(text).toMatch(/checkout-v3 +src\/checkout\/Checkout\.tsx:5:14 +did you mean "checkout-v2"\?/);
    expect(text).toMatch(/Unused flags \(registered, never read\) \(2\)\n {2}old-banner\n {2}holiday-theme/);
    expect(renderScan(staleness, 'text')).toMatch(/expired-experiment \(experiment, growth\): 1 reference in 1 file\n {4}- expired on 2026-11-01/);
    expect(renderScan(storefront, 'text')).toMatch(/Dynamic keys .*\n {2}src\/admin\/toggles\.ts:5:33 +via flags\.isEnabled/);
    expect(renderScan(damaged, 'text')).toMatch(/src\/broken\.ts:4 +error +could not parse/);
    expect(renderScan(categories, 'text', { color: true })).toContain('\x1b[1;31mlegacy-search\x1b[0m');
    expect(renderScan(categories, 'text', { budget: { unregistered: 1 } })).toContain('budget: unregistered 3/1 EXCEEDED');
  });
});

describe('markdown size', () => {
  it('stays under the size of a GitHub comment however many references there are', () => {
    const references = Array.from({ length: 400 }, (_, f) =>
      Array.from({ length: 80 }, (_, i) => ({
        flag: `flag-${String(f).padStart(3, '0')}`,
        file: `packages/app/src/feature-${f}/component-${i}.tsx`,
        line: i + 1,
        column: 5,
        kind: 'evaluation' as const,
        test: false,
        via: 'useFlag',
      })),
    ).flat();
    const big: ScanResult = {
      version: 1,
      root: '/repo',
      now: '2026-11-21',
      summary: { files: 32000, flags: 400, references: references.length, stale: 0, unused: 0, unregistered: 0, dynamic: 0, archivedReferenced: 0 },
      flags: [],
      references,
      unused: [],
      unregistered: [],
      problems: [],
    };
    const md = renderScan(big, 'markdown');
    expect(md.length).toBeLessThan(65_536);
    expect(md).toContain('<summary><code>flag-000</code>: 80 references</summary>');
    expect(md).toMatch(/References of \d+ more flags left out to fit a comment/);
  });
});
