/** Shared helpers for the importer tests: fixture loading and the YAML round trip. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { isFlagdebtError, type FlagdebtError } from '../../src/diagnostics.js';
import { importRegistry, type ImportedFlag, type ImportResult, type VendorFormat } from '../../src/importers/index.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/importers/', import.meta.url));

export const NOW = '2026-11-21';

export function fixturePath(vendor: VendorFormat, name: string): string {
  return `${FIXTURES}${vendor}/${name}`;
}

export function importFixture(vendor: VendorFormat, name: string, environment?: string): ImportResult {
  const file = fixturePath(vendor, name);
  return importRegistry(vendor, readFileSync(file, 'utf8'), { file, environment, now: NOW });
}

export function byKey(flags: ImportedFlag[]): Record<string, ImportedFlag> {
  return Object.fromEntries(flags.map((flag) => [flag.key, flag]));
}

/** The emitted YAML parses back to exactly the structured flags, in the same order. */
export function expectYamlRoundTrip(result: ImportResult): void {
  const parsed = parse(result.yaml) as { flags: Record<string, Omit<ImportedFlag, 'key'>> };
  expect(Object.keys(parsed.flags)).toEqual(result.flags.map((flag) => flag.key));
  expect(Object.entries(parsed.flags).map(([key, fields]) => ({ key, ...fields }))).toEqual(result.flags);
}

/** Runs `fn`, which must throw a FlagdebtError, and returns it. */
export function importError(fn: () => unknown): FlagdebtError {
  try {
    fn();
  } catch (error) {
    if (isFlagdebtError(error)) return error;
    throw error;
  }
  throw new Error('expected a FlagdebtError');
}

/** Notes as `code flag` strings, easy to compare as a set. */
export function noteCodes(result: ImportResult): string[] {
  return result.notes.map((note) => `${note.code} ${note.flag ?? '-'}`);
}
