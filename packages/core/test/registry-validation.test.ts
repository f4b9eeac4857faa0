import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlagdebtError, loadRegistry, validateRegistry } from '../src/index.js';
import type { Diagnostic } from '../src/index.js';

const dir = join(import.meta.dirname, 'fixtures/registry/errors');

/** 1-based line and column of the only occurrence of `needle` (the `nth` one when given). */
function locate(file: string, needle: string, nth = 0): { line: number; column: number } {
  const text = readFileSync(file, 'utf8');
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`${needle} not in ${file}`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function check(name: string): { file: string; diagnostics: Diagnostic[]; errors: Diagnostic[] } {
  const file = join(dir, name);
  const diagnostics = validateRegistry(file);
  return { file, diagnostics, errors: diagnostics.filter((d) => d.severity === 'error') };
}

describe('registry validation: one error class per fixture', () => {
  it('reports a YAML syntax error at the parser position', () => {
    const { file, errors } = check('syntax.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'registry/syntax', file });
    // The unclosed flow sequence opened on line 5 is only detected on a later line.
    expect(errors[0].line).toBeGreaterThanOrEqual(5);
    expect(errors[0].message).not.toMatch(/\n/);
    expect(errors[0].fix).toBeTruthy();
  });

  it('reports a JSON syntax error (missing comma) at the next member', () => {
    const { file, errors } = check('syntax.json');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'registry/syntax', ...locate(file, '"search-v2"') });
    expect(errors[0].message).toMatch(/missing ,/i);
  });

  it('requires a mapping at the top level', () => {
    const { errors } = check('not-a-mapping.yaml');
    expect(errors).toEqual([expect.objectContaining({ code: 'registry/not-a-mapping', line: 2, column: 1 })]);
  });

  it('requires `flags` and suggests it for a misspelt top-level key', () => {
    const { errors } = check('missing-flags.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'registry/unknown-field', line: 2, column: 1, fix: 'rename it to `flags`' });
    const empty = validateRegistry('flags.yaml', '# nothing yet\n');
    expect(empty).toEqual([expect.objectContaining({ code: 'registry/missing-flags', severity: 'error' })]);
    const other = validateRegistry('flags.yaml', 'version: 1\n');
    expect(other.map((d) => [d.code, d.severity])).toEqual([
      ['registry/unknown-field', 'warning'],
      ['registry/missing-flags', 'error'],
    ]);
  });

  it('reports an unknown type with the closest valid one', () => {
    const { file, errors } = check('unknown-type.yaml');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'registry/unknown-type', flag: 'search-v2', ...locate(file, 'relase'), fix: 'set type to "release"' }),
    ]);
  });

  it('reports an unknown state, listing the valid ones', () => {
    const { file, errors } = check('unknown-state.yaml');
    expect(errors).toEqual([expect.objectContaining({ code: 'registry/unknown-state', flag: 'search-v2', ...locate(file, 'finished') })]);
    expect(errors[0].message).toContain('active, complete or archived');
  });

  it('warns about an unknown field and suggests the known one', () => {
    const { file, diagnostics } = check('unknown-field.yaml');
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'registry/unknown-field', flag: 'search-v2', ...locate(file, 'expire:'), fix: 'rename it to `expires`' }),
    ]);
    expect(() => loadRegistry(join(dir, 'unknown-field.yaml'))).not.toThrow();
  });

  it('requires an owner, reported at the flag key', () => {
    const { file, errors } = check('missing-owner.yaml');
    expect(errors).toEqual([expect.objectContaining({ code: 'registry/missing-field', flag: 'search-v2', ...locate(file, 'search-v2:') })]);
    expect(errors[0].message).toContain('`owner`');
  });

  it('requires a created date', () => {
    const { file, errors } = check('missing-created.yaml');
    expect(errors).toEqual([expect.objectContaining({ code: 'registry/missing-field', flag: 'admin-refunds', ...locate(file, 'admin-refunds:') })]);
    expect(errors[0].message).toContain('`created`');
  });

  it('rejects malformed and impossible dates, plain or quoted', () => {
    const { file, errors } = check('invalid-date.yaml');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'registry/invalid-date', flag: 'search-v2', ...locate(file, '2026-13-45') }),
      expect.objectContaining({ code: 'registry/invalid-date', flag: 'checkout-button-color', ...locate(file, '"2026-02-30"') }),
    ]);
  });

  it('accepts a date the parser hands over as a timestamp object', () => {
    const { registry } = loadRegistry(join(dir, 'timestamp-date.yaml'));
    expect(registry.flags.get('search-v2')?.created).toBe('2026-10-01');
  });

  it('requires expires on experiment and release flags', () => {
    const { file, errors } = check('missing-expires.yaml');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'registry/missing-expires', flag: 'checkout-button-color', ...locate(file, 'checkout-button-color:') }),
    ]);
  });

  it('rejects expires before created', () => {
    const { file, errors } = check('expires-before-created.yaml');
    expect(errors).toEqual([expect.objectContaining({ code: 'registry/expires-before-created', flag: 'search-v2', ...locate(file, '2026-09-15') })]);
  });

  it('requires value on a complete flag', () => {
    const { file, errors } = check('missing-value.yaml');
    expect(errors).toEqual([expect.objectContaining({ code: 'registry/missing-value', flag: 'checkout-button-color', ...locate(file, 'complete') })]);
  });

  it('rejects value and default that are not booleans, strings or numbers', () => {
    const { file, errors } = check('invalid-value.yaml');
    expect(errors.map((e) => [e.code, e.line, e.column])).toEqual([
      ['registry/invalid-value', locate(file, '[green').line, locate(file, '[green').column],
      // An empty `default:` has no value node of its own; it is reported on its line.
      ['registry/invalid-value', locate(file, 'default:', 1).line, expect.any(Number)],
    ]);
    const json = check('invalid-value.json');
    expect(json.errors).toEqual([expect.objectContaining({ code: 'registry/invalid-value', flag: 'checkout-button-color', ...locate(json.file, '{ "color"') })]);
    expect(json.errors[0].message).toContain('a mapping');
  });

  it('rejects value and default of different types', () => {
    const { file, errors } = check('value-type-mismatch.yaml');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'registry/value-type-mismatch', flag: 'checkout-button-color', ...locate(file, 'false', 1) }),
    ]);
    expect(errors[0].message).toBe('`value` is a string but `default` is a boolean');
  });

  it('detects duplicate flag keys that YAML parsers silently merge', () => {
    const { file, errors } = check('duplicate-key.yaml');
    expect(errors).toEqual([expect.objectContaining({ code: 'registry/duplicate-key', flag: 'new-checkout', ...locate(file, 'new-checkout:', 1) })]);
    expect(errors[0].message).toContain('first defined on line 3');
  });

  it('detects duplicate flag keys in JSON', () => {
    const { file, errors } = check('duplicate-key.json');
    expect(errors).toEqual([expect.objectContaining({ code: 'registry/duplicate-key', flag: 'new-checkout', ...locate(file, '"new-checkout"', 1) })]);
  });

  it('detects a field given twice in one flag', () => {
    const { file, errors } = check('duplicate-field.yaml');
    expect(errors).toEqual([expect.objectContaining({ code: 'registry/duplicate-field', flag: 'search-v2', ...locate(file, 'owner: search-infra') })]);
  });

  it('reports every placeholder left by an importer as a warning, and nothing else for those fields', () => {
    const { file, diagnostics, errors } = check('placeholder.yaml');
    expect(errors).toEqual([]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'registry/placeholder', flag: 'search-v2', ...locate(file, 'TODO-fill-in'), fix: 'fill in the team that owns the flag' }),
      expect.objectContaining({ severity: 'warning', code: 'registry/placeholder', flag: 'search-v2', ...locate(file, 'TODO-fill-in', 1) }),
    ]);
    // The file has no header saying which command wrote it.
    expect(diagnostics[0].message).toContain('left by `flagdebt init` or `flagdebt registry import`');
    // The flag still loads: its owner reads as the placeholder until someone fills it in.
    expect(loadRegistry(file).registry.flags.get('search-v2')).toMatchObject({ owner: 'TODO-fill-in', created: 'TODO-fill-in', expires: '2027-01-15' });
  });

  it('keeps a placeholder in a field no tool leaves one in an error', () => {
    const { file, errors } = check('placeholder-type.yaml');
    expect(errors).toEqual([expect.objectContaining({ code: 'registry/placeholder', flag: 'search-v2', ...locate(file, 'TODO-fill-in') })]);
  });

  it('reports a missing file as a diagnostic with a fix', () => {
    const file = join(dir, 'no-such-dir/flags.yaml');
    expect(validateRegistry(file)).toEqual([
      { severity: 'error', code: 'registry/not-found', file, line: 0, column: 0, message: `registry not found: ${file}`, fix: 'create it or set `registry` in flagdebt.config.json' },
    ]);
  });
});

describe('registry validation: whole files', () => {
  const multi = join(import.meta.dirname, 'fixtures/registry/multi-error/flags.yaml');

  it('reports every problem of a file, in file order', () => {
    const summary = validateRegistry(multi).map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.flag}`);
    expect(summary).toEqual([
      '8:12 error registry/missing-value new-checkout',
      '12:11 error registry/unknown-type search-v2',
      '21:14 error registry/invalid-date checkout-button-color',
      '24:5 warning registry/unknown-field checkout-button-color',
      '26:3 error registry/missing-field ops-disable-recommendations',
      '30:14 warning registry/kill-switch-default ops-disable-recommendations',
      '32:3 error registry/duplicate-key search-v2',
    ]);
  });

  it('loadRegistry throws one FlagdebtError carrying all errors and no stack in its message', () => {
    let thrown: unknown;
    try {
      loadRegistry(multi);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FlagdebtError);
    const error = thrown as FlagdebtError;
    expect(error.diagnostics).toHaveLength(5);
    expect(error.diagnostics.every((d) => d.severity === 'error')).toBe(true);
    expect(error.message).toContain(`${multi}:12:11: error: [search-v2] unknown type "feature"`);
    expect(error.message).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('warns about unsafe defaults without failing', () => {
    const file = join(import.meta.dirname, 'fixtures/registry/warnings/flags.yaml');
    const { registry, warnings } = loadRegistry(file);
    // ops-enable-caching and skill-matching default to true too, but are not kill switches.
    expect(registry.flags.size).toBe(7);
    expect(warnings.map((w) => [w.code, w.flag, w.line])).toEqual([
      ['registry/unsafe-default', 'new-checkout', 7],
      ['registry/kill-switch-default', 'ops-kill-search', 20],
      ['registry/unknown-field', 'admin-refunds', 33],
      ['registry/kill-switch-default', 'killRecommendations', 39],
    ]);
    expect(warnings.every((w) => w.severity === 'warning')).toBe(true);
  });
});
