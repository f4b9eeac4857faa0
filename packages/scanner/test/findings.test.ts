/**
 * Adopting flagdebt on a codebase with debt: ignore comments, a baseline, PR mode and grouped
 * findings, on fixtures/findings/helpdesk (a support-desk app: a stale complete flag, an archived
 * flag still read behind an ignore comment, a dynamic read behind one without a reason, and two
 * unregistered keys).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { baselineFilter, createBaseline, findingsOf, groupFindings, narrowToFiles, parseBaseline, serializeBaseline, suppressFindings } from '../src/index.js';
import type { FlagdebtError } from '@flagdebt/core';
import { scanFixture } from './helpers.js';

const result = await scanFixture('findings', 'helpdesk');

describe('flagdebt-ignore-next-line', () => {
  it('takes the next line\'s finding out of the counts and lists it with its reason', () => {
    expect(result.summary).toMatchObject({ stale: 1, unregistered: 2, dynamic: 0, archivedReferenced: 0 });
    expect(result.suppressed).toEqual([
      { kind: 'dynamic', flag: null, file: 'src/admin/flagDebug.ts', line: 8, column: 20, via: 'flags.isEnabled', by: 'comment' },
      {
        kind: 'archived',
        flag: 'legacy-inbox',
        file: 'src/tickets/inbox.ts',
        line: 5,
        column: 7,
        by: 'comment',
        reason: 'the old layout stays selectable until the CSV export moves (HELP-212)',
      },
    ]);
    // The archived flag no longer counts as read, and its reads are gone from the references.
    expect(result.flags.find((f) => f.key === 'legacy-inbox')).toMatchObject({ references: 0, files: 0 });
    expect(result.references.some((r) => r.kind === 'dynamic' || r.flag === 'legacy-inbox')).toBe(false);
  });

  it('lists suppressed findings in JSON that the published schema accepts', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../schema/scan-result.v1.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    const baselined = suppressFindings(result, baselineFilter(createBaseline(result)));
    for (const report of [result, baselined]) expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...JSON.parse(JSON.stringify(result)), suppressed: [{ kind: 'stale', flag: 'x', by: 'reviewer' }] })).toBe(false);
  });

  it('warns about a comment without a reason (it still applies)', () => {
    expect(result.problems).toContainEqual({
      file: 'src/admin/flagDebug.ts',
      line: 7,
      message: expect.stringMatching(/flagdebt-ignore-next-line has no reason/),
      severity: 'warning',
    });
  });

  it('leaves findings on other lines alone', () => {
    expect(result.unregistered.map((u) => `${u.flag} ${u.file}:${u.line}`)).toEqual(['sla-timerz src/admin/flagDebug.ts:14', 'inbox-preview src/tickets/inbox.ts:8']);
  });
});

describe('baseline', () => {
  it('records the findings by kind, flag and file with a count', () => {
    const baseline = createBaseline(result);
    expect(baseline).toEqual({
      version: 1,
      created: '2026-11-21',
      findings: [
        { kind: 'stale', flag: 'ticket-merge' },
        { kind: 'unregistered', flag: 'sla-timerz', file: 'src/admin/flagDebug.ts', count: 1 },
        { kind: 'unregistered', flag: 'inbox-preview', file: 'src/tickets/inbox.ts', count: 1 },
      ],
    });
    expect(parseBaseline(serializeBaseline(baseline), 'b.json')).toEqual(baseline);
  });

  it('suppresses what it records, up to its count, and nothing else', () => {
    const baseline = createBaseline(result);
    const clean = suppressFindings(result, baselineFilter(baseline));
    expect(clean.summary).toMatchObject({ stale: 0, unregistered: 0, dynamic: 0, archivedReferenced: 0 });
    expect(findingsOf(clean)).toEqual([]);
    // The stale flag stays stale in the flag list; it is only not counted.
    expect(clean.flags.find((f) => f.key === 'ticket-merge')?.stale).toBe(true);

    // A second read of a baselined key in the same file is new.
    const more = { ...result, unregistered: [...result.unregistered, { flag: 'inbox-preview', file: 'src/tickets/inbox.ts', line: 9, column: 7 }] };
    const narrowed = suppressFindings(more, baselineFilter(baseline));
    expect(narrowed.unregistered).toEqual([{ flag: 'inbox-preview', file: 'src/tickets/inbox.ts', line: 9, column: 7 }]);
    expect(narrowed.summary.unregistered).toBe(1);
  });

  it('rejects a file that is not a baseline, naming the problem', () => {
    const fail = (text: string) => {
      try {
        parseBaseline(text, '/p/baseline.json');
      } catch (error) {
        return (error as FlagdebtError).diagnostics[0];
      }
      throw new Error('expected an error');
    };
    expect(fail('{ nope')).toMatchObject({ file: '/p/baseline.json', message: expect.stringMatching(/not JSON/) });
    expect(fail('{"version": 2, "findings": []}').message).toMatch(/not a flagdebt baseline/);
    expect(fail('{"version": 1, "findings": [{"kind": "stael", "flag": "x"}]}').message).toMatch(/findings\[0\]/);
  });
});

describe('PR mode (narrowToFiles)', () => {
  it('keeps only findings in the changed files, and the flags they read', () => {
    const pr = narrowToFiles(result, new Set(['src/tickets/TicketView.tsx']));
    expect(pr.flags.map((f) => f.key)).toEqual(['ticket-merge', 'sla-timers']);
    expect(pr.references.every((r) => r.file === 'src/tickets/TicketView.tsx')).toBe(true);
    expect(pr.summary).toMatchObject({ stale: 1, unregistered: 0, unused: 0, references: 2 });
    // The reason-less ignore comment is in another file: its warning is not this change's, and
    // neither are the two suppressed findings.
    expect(pr.problems).toEqual([]);
    expect(pr).not.toHaveProperty('suppressed');
    expect(narrowToFiles(result, new Set(['src/tickets/inbox.ts'])).suppressed?.map((s) => s.flag)).toEqual(['legacy-inbox']);

    const other = narrowToFiles(result, new Set(['src/admin/flagDebug.ts']));
    expect(other.flags).toEqual([]);
    expect(other.summary).toMatchObject({ stale: 0, unregistered: 1 });
    expect(other.unregistered[0].flag).toBe('sla-timerz');
  });
});

describe('grouped findings', () => {
  it('by flag: each flag with its reasons, remove command and reads', () => {
    const groups = groupFindings(result, 'flag');
    expect(groups.map((g) => g.title)).toEqual(['ticket-merge', 'inbox-preview', 'sla-timerz']);
    expect(groups[0].items[0]).toMatchObject({
      flag: 'ticket-merge',
      remove: 'flagdebt remove ticket-merge',
      reads: [
        { file: 'src/tickets/TicketView.tsx', line: 10, column: 20, test: false },
        { file: 'src/tickets/inbox.ts', line: 7, column: 7, test: false },
      ],
    });
    expect(groups[2].items[0].headline).toBe('sla-timerz: not in the registry (did you mean "sla-timers"?)');
  });

  it('by owner: the owning team, unregistered keys last under no owner', () => {
    const groups = groupFindings(result, 'owner');
    expect(groups.map((g) => [g.title, g.items.map((i) => i.flag)])).toEqual([
      ['agents', ['ticket-merge']],
      ['(no owner: unregistered and dynamic keys)', ['inbox-preview', 'sla-timerz']],
    ]);
  });
});
