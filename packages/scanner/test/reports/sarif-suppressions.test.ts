/**
 * SARIF suppressions (2.1.0 §3.27.23, §3.34): findings an ignore comment or the baseline took out
 * of the counts stay in the log as suppressed results, so code scanning shows them as suppressed
 * alerts instead of closing them as fixed. On fixtures/findings/helpdesk: a dynamic read behind a
 * reason-less ignore comment, an archived read behind one with a reason, a stale flag and two
 * unregistered keys.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { baselineFilter, createBaseline, scan, suppressFindings } from '../../src/index.js';
import { FINGERPRINT_KEY, renderSarif } from '../../src/render/sarif.js';
import { NOW, fixture, scanFixture } from '../helpers.js';

const schemaFile = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const result = await scanFixture('findings', 'helpdesk');
const withoutComments = await scanWithoutIgnoreComments();

/** The same app with its ignore comments turned into plain ones (every line stays where it is). */
async function scanWithoutIgnoreComments() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'flagdebt-sarif-'));
  try {
    cpSync(fixture('findings', 'helpdesk'), dir, { recursive: true });
    for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!/\.tsx?$/.test(entry)) continue;
      const file = path.join(dir, entry);
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll('flagdebt-ignore-next-line', 'a plain comment'));
    }
    const scanned = await scan({ dir, now: NOW });
    return { ...scanned, root: result.root };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function results(log: Json): Json[] {
  return log.runs[0].results;
}

function where(r: Json): string {
  const loc = r.locations[0].physicalLocation;
  return `${r.ruleId} ${loc.artifactLocation.uri}:${loc.region.startLine}`;
}

describe('SARIF suppressions', () => {
  it('keeps findings silenced by an ignore comment as results suppressed inSource, with the reason', () => {
    const log = JSON.parse(renderSarif(result));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const suppressed = results(log).filter((r) => r.suppressions.length > 0);
    expect(suppressed.map(where)).toEqual(['flagdebt/dynamic-key src/admin/flagDebug.ts:8', 'flagdebt/archived-flag-referenced src/tickets/inbox.ts:5']);
    // A comment without a reason has no justification to give.
    expect(suppressed[0].suppressions).toEqual([{ kind: 'inSource', status: 'accepted' }]);
    expect(suppressed[0].message.text).toContain('flags.isEnabled');
    expect(suppressed[1].suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'the old layout stays selectable until the CSV export moves (HELP-212)' },
    ]);
    expect(suppressed[1].message.text).toContain('"legacy-inbox" is archived');
  });

  it('marks every other result as checked and not suppressed (an empty array, not an absent one)', () => {
    const open = results(JSON.parse(renderSarif(result))).filter((r) => r.suppressions.length === 0);
    expect(open.map(where)).toEqual([
      'flagdebt/unregistered-key src/admin/flagDebug.ts:14',
      'flagdebt/unregistered-key src/tickets/inbox.ts:8',
      'flagdebt/stale-flag src/tickets/TicketView.tsx:10',
      'flagdebt/stale-flag src/tickets/inbox.ts:7',
    ]);
  });

  it('gives a suppressed finding the fingerprint it had before it was suppressed', () => {
    const print = (log: Json) => new Map(results(log).map((r: Json) => [where(r), r.partialFingerprints[FINGERPRINT_KEY]]));
    const before = print(JSON.parse(renderSarif(withoutComments)));
    const after = print(JSON.parse(renderSarif(result)));
    expect(after.get('flagdebt/archived-flag-referenced src/tickets/inbox.ts:5')).toBeDefined();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [at, hash] of after) expect(hash, at).toBe(before.get(at));
  });

  it('keeps findings in the baseline as results suppressed externally, the stale flag\'s reads included', () => {
    const baselined = suppressFindings(result, baselineFilter(createBaseline(result)));
    expect(baselined.summary).toMatchObject({ stale: 0, unregistered: 0 });
    const log = JSON.parse(renderSarif(baselined));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const byKind = new Map<string, string[]>();
    for (const r of results(log)) {
      expect(r.suppressions).toHaveLength(1);
      byKind.set(r.suppressions[0].kind, [...(byKind.get(r.suppressions[0].kind) ?? []), where(r)]);
    }
    expect(byKind.get('external')).toEqual([
      'flagdebt/unregistered-key src/admin/flagDebug.ts:14',
      'flagdebt/unregistered-key src/tickets/inbox.ts:8',
      'flagdebt/stale-flag src/tickets/TicketView.tsx:10',
      'flagdebt/stale-flag src/tickets/inbox.ts:7',
    ]);
    expect(byKind.get('inSource')).toHaveLength(2);
    const external = results(log).find((r: Json) => r.suppressions[0].kind === 'external');
    expect(external.suppressions[0].justification).toMatch(/baseline/);
  });

  it('is rejected by the schema when a suppression has an unknown kind', () => {
    const log = JSON.parse(renderSarif(result));
    results(log).find((r: Json) => r.suppressions.length > 0).suppressions[0].kind = 'comment';
    expect(validate(log)).toBe(false);
  });
});
