import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlagdebtError, archiveFlagInText, loadRegistry } from '../src/index.js';

const dir = join(import.meta.dirname, 'fixtures/registry/archive');
const yamlText = readFileSync(join(dir, 'flags.yaml'), 'utf8');
const jsonText = readFileSync(join(dir, 'flags.json'), 'utf8');

/** Lines of `after` that are not in `before`, and vice versa: what an edit really changed. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
}

describe('archiveFlagInText: YAML', () => {
  it('replaces state and since in place, keeping comments, quotes and the value', () => {
    const out = archiveFlagInText(yamlText, 'yaml', 'new-checkout', '2026-11-21');
    expect(changedLines(yamlText, out)).toEqual({
      removed: ['    state: complete          # rollout finished', "    since: '2026-09-20'"],
      added: ['    state: archived          # rollout finished', "    since: '2026-11-21'"],
    });
    const flag = loadRegistry('flags.yaml', out).registry.flags.get('new-checkout');
    expect(flag).toMatchObject({ state: 'archived', since: '2026-11-21', value: true });
  });

  it('adds missing fields after the last one, indented like the others, past a nested list and its comment', () => {
    const out = archiveFlagInText(yamlText, 'yaml', 'search-v2', '2026-11-21');
    expect(out).toContain('      - q4   # planning tag\n    state: archived\n    since: 2026-11-21\n\n  max-cart-items');
    expect(out.replace('    state: archived\n    since: 2026-11-21\n', '')).toBe(yamlText);
  });

  it('records the value the code kept: added when missing, replaced when different', () => {
    const out = archiveFlagInText(yamlText, 'yaml', 'search-v2', '2026-11-21', undefined, false);
    expect(loadRegistry('flags.yaml', out).registry.flags.get('search-v2')).toMatchObject({ state: 'archived', value: false });
    const replaced = archiveFlagInText(yamlText, 'yaml', 'new-checkout', '2026-11-21', undefined, false);
    expect(loadRegistry('flags.yaml', replaced).registry.flags.get('new-checkout')).toMatchObject({ value: false });
    const flow = archiveFlagInText(yamlText, 'yaml', 'max-cart-items', '2026-11-21', undefined, 75);
    expect(flow).toContain('default: 50, value: 75, state: archived, since: 2026-11-21 }');
    const json = archiveFlagInText(jsonText, 'json', 'search-v2', '2026-11-21', undefined, 40);
    expect(loadRegistry('flags.json', json).registry.flags.get('search-v2')).toMatchObject({ state: 'archived', value: 40 });
  });

  it('edits a flow mapping inside YAML', () => {
    const out = archiveFlagInText(yamlText, 'yaml', 'max-cart-items', '2026-11-21');
    expect(out).toContain('max-cart-items: { type: ops, owner: payments, created: 2025-06-12, default: 50, state: archived, since: 2026-11-21 }');
    expect(loadRegistry('flags.yaml', out).registry.flags.get('max-cart-items')?.state).toBe('archived');
  });

  it('is idempotent, even on a later day', () => {
    const once = archiveFlagInText(yamlText, 'yaml', 'search-v2', '2026-11-21');
    expect(archiveFlagInText(once, 'yaml', 'search-v2', '2026-11-21')).toBe(once);
    expect(archiveFlagInText(once, 'yaml', 'search-v2', '2026-12-01')).toBe(once);
  });

  it('appends at the end of a file without a trailing newline', () => {
    const text = 'flags:\n  a:\n    type: ops\n    owner: sre\n    created: 2025-01-01';
    expect(archiveFlagInText(text, 'yaml', 'a', '2026-11-21')).toBe(`${text}\n    state: archived\n    since: 2026-11-21`);
  });

  it('fills an empty `state:` and an empty flow mapping', () => {
    const empty = 'flags:\n  a:\n    type: ops\n    state:\n    owner: sre\n';
    expect(archiveFlagInText(empty, 'yaml', 'a', '2026-11-21')).toBe('flags:\n  a:\n    type: ops\n    state: archived\n    owner: sre\n    since: 2026-11-21\n');
    expect(archiveFlagInText('flags:\n  a: {}\n', 'yaml', 'a', '2026-11-21')).toBe('flags:\n  a: { state: archived, since: 2026-11-21 }\n');
  });

  it('keeps Windows line endings', () => {
    const crlf = yamlText.replace(/\n/g, '\r\n');
    const out = archiveFlagInText(crlf, 'yaml', 'search-v2', '2026-11-21');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(out.replace(/\r\n/g, '\n')).toBe(archiveFlagInText(yamlText, 'yaml', 'search-v2', '2026-11-21'));
  });

  it('fails with a diagnostic for an unknown flag or a broken file', () => {
    expect(() => archiveFlagInText(yamlText, 'yaml', 'no-such-flag', '2026-11-21')).toThrow(FlagdebtError);
    expect(() => archiveFlagInText('flags: [\n', 'yaml', 'a', '2026-11-21')).toThrow(/syntax error/);
  });
});

describe('archiveFlagInText: JSON', () => {
  it('changes only the edited values; the rest stays byte-identical', () => {
    const out = archiveFlagInText(jsonText, 'json', 'new-checkout', '2026-11-21');
    expect(out).toBe(jsonText.replace('"state": "complete"', '"state": "archived"').replace('"since": "2026-09-20"', '"since": "2026-11-21"'));
    expect(JSON.parse(out).flags['new-checkout']).toMatchObject({ state: 'archived', value: true });
  });

  it('adds members on new lines with the members\' indentation', () => {
    const out = archiveFlagInText(jsonText, 'json', 'search-v2', '2026-11-21');
    expect(out).toContain('"expires": "2027-01-15",\n      "state": "archived",\n      "since": "2026-11-21"\n    },');
    expect(JSON.parse(out).flags['search-v2'].state).toBe('archived');
  });

  it('adds members inline to a one-line object and stays valid JSON', () => {
    const out = archiveFlagInText(jsonText, 'json', 'max-cart-items', '2026-11-21');
    expect(out).toContain('"default": 50, "state": "archived", "since": "2026-11-21" }');
    expect(JSON.parse(out).flags['max-cart-items']).toEqual({ type: 'ops', owner: 'payments', created: '2025-06-12', default: 50, state: 'archived', since: '2026-11-21' });
  });

  it('is idempotent', () => {
    const once = archiveFlagInText(jsonText, 'json', 'max-cart-items', '2026-11-21');
    expect(archiveFlagInText(once, 'json', 'max-cart-items', '2026-11-22')).toBe(once);
  });
});
