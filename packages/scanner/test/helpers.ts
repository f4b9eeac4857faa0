import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan, type ScanOptions } from '../src/index.js';
import type { ScanResult } from '../src/types.js';

/** Fixed "today" for every fixture: staleness and ages never depend on the day the tests run. */
export const NOW = '2026-11-21';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function fixture(theme: string, name: string): string {
  return path.join(FIXTURES, theme, name);
}

export function scanFixture(theme: string, name: string, options: Partial<ScanOptions> = {}): Promise<ScanResult> {
  return scan({ dir: fixture(theme, name), now: NOW, ...options });
}

/** `file:line:column kind via` of every reference to `flag` (null: dynamic ones). */
export function referencesOf(result: ScanResult, flag: string | null): string[] {
  return result.references.filter((r) => r.flag === flag).map((r) => `${r.file}:${r.line}:${r.column} ${r.kind} ${r.via}`);
}

export function files(result: ScanResult): string[] {
  return [...new Set(result.references.map((r) => r.file))];
}
