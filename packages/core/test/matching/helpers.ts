import fs from 'node:fs';
import path from 'node:path';
import type { Accessor, FlagRead, KeyDeclaration } from '../../src/index.js';
import { FlagProject } from '../../src/index.js';

/** The accessors from ARCHITECTURE.md's example config. */
export const ACCESSORS: Accessor[] = [
  { call: 'flags.isEnabled', keyArg: 0, defaultArg: 1 },
  { call: 'useFlag', keyArg: 0 },
  { call: 'client.getBooleanValue', keyArg: 0, defaultArg: 1, from: '@openfeature/server-sdk' },
  { member: 'config.featureToggles' },
];

export function fixtureDir(name: string): string {
  return path.join(import.meta.dirname, '..', 'fixtures', 'matching', name);
}

export function openFixture(name: string, accessors: Accessor[] = ACCESSORS): { project: FlagProject; file: (rel: string) => string } {
  const root = fixtureDir(name);
  return { project: new FlagProject({ root, accessors }), file: (rel) => path.join(root, rel) };
}

/**
 * 1-based line/column where `snippet` starts in the file; `nth` picks among repeats.
 * Lets tests state positions by content instead of by counting.
 */
export function at(file: string, snippet: string, nth = 0): { line: number; column: number } {
  const text = fs.readFileSync(file, 'utf8');
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(snippet, index + 1);
    if (index < 0) throw new Error(`snippet not found in ${file}: ${snippet}`);
  }
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

export interface ReadSummary {
  key: string | null;
  kind: FlagRead['kind'];
  via: string;
  line: number;
  column: number;
  inWrapper?: boolean;
}

export function summarize(reads: FlagRead[]): ReadSummary[] {
  return reads.map((r) => {
    const s: ReadSummary = { key: r.key, kind: r.kind, via: r.via, line: r.line, column: r.column };
    if (r.inWrapper) s.inWrapper = true;
    return s;
  });
}

export function read(key: string | null, via: string, pos: { line: number; column: number }, extra: Partial<ReadSummary> = {}): ReadSummary {
  return { key, kind: key === null ? 'dynamic' : 'evaluation', via, ...pos, ...extra };
}

export function declSummary(decls: KeyDeclaration[]): { key: string; declKind: string; container?: string; line: number; column: number }[] {
  return decls.map((d) => ({ key: d.key, declKind: d.declKind, container: d.container, line: d.line, column: d.column }));
}
