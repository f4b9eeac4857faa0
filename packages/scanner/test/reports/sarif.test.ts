import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY, renderSarif } from '../../src/render/sarif.js';
import { shopResult } from './fixtures/shop-result.js';

// The complete official SARIF 2.1.0 schema (draft-04), as shipped by Microsoft's SARIF SDK.
const schemaFile = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
// unicodeRegExp: the schema's language-tag pattern is not valid under the u flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function render(options = {}): Json {
  return JSON.parse(renderSarif(shopResult(), options));
}

describe('sarif renderer', () => {
  it('produces a log that is valid against the SARIF 2.1.0 schema', () => {
    const log = render();
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('uses a schema strict enough to reject a broken log', () => {
    const log = render();
    log.runs[0].results[0].level = 'fatal';
    log.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0;
    log.runs[0].tool.driver.rules[0].surprise = true;
    expect(validate(log)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/runs/0/results/0/level', '/runs/0/results/1/locations/0/physicalLocation/region/startLine', '/runs/0/tool/driver/rules/0']),
    );
  });

  it('describes the tool and every rule', () => {
    const driver = render().runs[0].tool.driver;
    expect(driver.name).toBe('flagdebt');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.semanticVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.rules.map((r: Json) => r.id)).toEqual([
      'flagdebt/unregistered-key',
      'flagdebt/dynamic-key',
      'flagdebt/archived-flag-referenced',
      'flagdebt/stale-flag',
    ]);
    for (const rule of driver.rules) {
      expect(rule.name).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
      expect(rule.fullDescription.text.length).toBeGreaterThan(rule.shortDescription.text.length);
      expect(rule.help.text.length).toBeGreaterThan(10);
      expect(rule.help.markdown.length).toBeGreaterThan(10);
      expect(['note', 'warning', 'error']).toContain(rule.defaultConfiguration.level);
    }
  });

  it('reports unregistered keys, dynamic keys, archived reads and stale reads', () => {
    const run = render().runs[0];
    const byRule = (id: string) => run.results.filter((r: Json) => r.ruleId === id);
    const where = (r: Json) => {
      const loc = r.locations[0].physicalLocation;
      return `${loc.artifactLocation.uri}:${loc.region.startLine}:${loc.region.startColumn}`;
    };

    expect(byRule('flagdebt/unregistered-key').map(where)).toEqual(['src/cart/summary.ts:3:24', 'src/reports/index.ts:41:10']);
    expect(byRule('flagdebt/unregistered-key')[0].message.text).toContain('Did you mean "new-checkout"?');
    expect(byRule('flagdebt/dynamic-key').map(where)).toEqual(['src/experiments/runner.ts:27:12']);
    expect(byRule('flagdebt/archived-flag-referenced').map(where)).toEqual(['src/home/Banner.tsx:4:20']);
    // Evaluations of the stale flag only: its declaration in src/flags.ts is not a read, and
    // old-promo is stale but read nowhere.
    expect(byRule('flagdebt/stale-flag').map(where)).toEqual([
      'src/checkout/Cart.test.tsx:21:5',
      'src/checkout/Cart.tsx:14:9',
      'src/checkout/Cart.tsx:52:11',
      'src/checkout/api.ts:8:7',
    ]);
    expect(byRule('flagdebt/stale-flag')[0].message.text).toContain('flagdebt remove new-checkout');
    expect(run.results).toHaveLength(8);
  });

  it('points each result at its rule and a %SRCROOT%-relative file', () => {
    const run = render().runs[0];
    for (const result of run.results) {
      const rule = run.tool.driver.rules[result.ruleIndex];
      expect(rule.id).toBe(result.ruleId);
      expect(result.level).toBe(rule.defaultConfiguration.level);
      expect(result.message.text.length).toBeGreaterThan(0);
      const artifact = result.locations[0].physicalLocation.artifactLocation;
      expect(artifact.uriBaseId).toBe('%SRCROOT%');
      expect(artifact.uri).not.toMatch(/^(\/|file:)/);
    }
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///home/dev/shop/');
  });

  it('makes URIs relative to srcRoot when a sub-folder is scanned', () => {
    const run = render({ srcRoot: '/home/dev' }).runs[0];
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('shop/src/cart/summary.ts');
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///home/dev/');
  });

  it('percent-encodes paths that are not valid URI references as-is', () => {
    const result = shopResult();
    result.unregistered[0].file = 'src/my cart/100%.ts';
    const log = JSON.parse(renderSarif(result));
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('src/my%20cart/100%25.ts');
    expect(validate(log)).toBe(true);
  });

  it('gives every result a distinct fingerprint that survives moved lines', () => {
    const before = render().runs[0].results;
    const prints = before.map((r: Json) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(new Set(prints).size).toBe(before.length);

    const shifted = shopResult();
    for (const ref of shifted.references) ref.line += 10;
    for (const entry of shifted.unregistered) entry.line += 3;
    const after = JSON.parse(renderSarif(shifted)).runs[0].results;
    expect(after.map((r: Json) => r.partialFingerprints[FINGERPRINT_KEY])).toEqual(prints);

    const renamed = shopResult();
    renamed.unregistered[0].flag = 'new-chckout';
    const changed = JSON.parse(renderSarif(renamed)).runs[0].results;
    expect(changed[0].partialFingerprints[FINGERPRINT_KEY]).not.toBe(prints[0]);
  });

  it('lists unreadable and skipped files as tool notifications, not results', () => {
    const invocation = render().runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(true);
    expect(invocation.toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'note', message: { text: 'skipped: minified file' } }),
    ]);
  });

  it('emits an empty but valid log for a clean project', () => {
    const clean = shopResult();
    clean.references = clean.references.filter((r) => r.flag === 'search-v2');
    clean.unregistered = [];
    clean.problems = [];
    const log = JSON.parse(renderSarif(clean));
    expect(log.runs[0].results).toEqual([]);
    expect(validate(log)).toBe(true);
  });
});
