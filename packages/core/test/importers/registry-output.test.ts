import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateRegistry } from '../../src/registry/registry-loader.js';
import { IMPORT_PLACEHOLDER } from '../../src/types.js';
import { importRegistry, VENDOR_FORMATS } from '../../src/importers/index.js';
import { placeholderFields } from '../../src/importers/flag-fields.js';
import { importError, importFixture } from './import-helpers.js';
import type { VendorFormat } from '../../src/importers/index.js';

const SAMPLES: [VendorFormat, string][] = [
  ['launchdarkly', 'flags-list.json'],
  ['launchdarkly', 'summary-list.json'],
  ['unleash', 'export-production.json'],
  ['flipt', 'features.yml'],
  ['flagd', 'flags.json'],
  ['openfeature', 'flags.json'],
  ['growthbook', 'features-v1.json'],
  ['posthog', 'feature-flags.json'],
];

describe('imported registries are valid native registries', () => {
  it.each(SAMPLES)('%s %s: `registry validate` reports exactly the placeholders, as warnings', (vendor, name) => {
    const result = importFixture(vendor, name);
    const diagnostics = validateRegistry('flags.yaml', result.yaml);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // One placeholder warning per placeholder field, on the right flag, naming the command.
    const placeholders = diagnostics.filter((d) => d.code === 'registry/placeholder');
    const expected = result.flags.flatMap((flag) => placeholderFields(flag).map(() => flag.key));
    expect(expected.length).toBeGreaterThan(0);
    expect(placeholders.map((d) => d.flag).sort()).toEqual(expected.sort());
    for (const d of placeholders) expect(d.message).toContain('left by `flagdebt registry import`');
  });

  it('writes an empty registry for an export without flags', () => {
    const result = importRegistry('openfeature', '{"flags": {}}', { file: 'flags.json', now: '2026-11-21' });
    expect(result.flags).toEqual([]);
    expect(parse(result.yaml)).toEqual({ flags: {} });
    expect(result.yaml).not.toContain(IMPORT_PLACEHOLDER);
    expect(validateRegistry('flags.yaml', result.yaml).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('importRegistry entry point', () => {
  it('rejects an unknown vendor format with the list of known ones', () => {
    const error = importError(() => importRegistry('split' as VendorFormat, '{}', { file: 'features.json' }));
    expect(error.diagnostics[0]).toMatchObject({ code: 'import/unknown-format', file: 'features.json' });
    expect(error.diagnostics[0].fix).toContain(VENDOR_FORMATS.join(', '));
  });

  it('names the vendor file by its base name only, so output does not depend on the machine', () => {
    const result = importFixture('unleash', 'export-two-environments.json', 'development');
    expect(result.yaml.split('\n')[0]).toBe(
      '# Imported from Unleash file export-two-environments.json (environment: development) on 2026-11-21 by `flagdebt registry import`.',
    );
  });
});
