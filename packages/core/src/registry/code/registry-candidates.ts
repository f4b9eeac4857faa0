/**
 * For `flagdebt init`: the exports of a project that already list its flag keys (an enum, a
 * union, an `as const` object, a settings map), so the config can point at them instead of a
 * YAML copy that drifts. An export qualifies when most of its keys are keys the code reads,
 * or when it is named for flags and lists most of the keys the code reads.
 */
import path from 'node:path';
import ts from '../../typescript.cjs';
import { nodeSourceHost, type SourceHost } from '../../matching/source-host.js';
import { hasExportModifier } from '../../matching/syntax.js';
import { CodeModules } from './code-modules.js';
import { KeyReader } from './code-keys.js';

export interface RegistryCandidate {
  /** `module#ExportName`, the module relative to `root` with forward slashes. */
  spec: string;
  file: string;
  exportName: string;
  /** Every key the export lists. */
  keys: string[];
  /** How many of them code reads. */
  read: number;
}

/** At least this many read keys, and at least this share of the export's keys read. */
const MIN_READ = 2;
const MIN_SHARE = 0.5;
/**
 * Or: an export named for flags (`AppFeatures`, `FeatureFlag`, `TOGGLES`) that lists at least
 * this share of every key the code reads. A registry full of keys nobody reads any more is the
 * debt itself (GrowthBook's generated `AppFeatures` type: some 100 keys, 21 of them read).
 */
const MIN_SHARE_OF_READS = 0.5;
const NAMED_FOR_FLAGS = /flag|feature|toggle|experiment/i;

/**
 * The exports that together list most of `readKeys`, best first: each chosen export adds keys
 * the ones before it did not list. Files that spell fewer than two read keys are not parsed.
 */
export function findRegistryCandidates(root: string, files: readonly string[], readKeys: ReadonlySet<string>, host: SourceHost = nodeSourceHost): RegistryCandidate[] {
  const modules = new CodeModules(root, host);
  const reader = new KeyReader(modules);
  const all: RegistryCandidate[] = [];
  for (const file of files) {
    const text = host.readFile(file);
    if (text === undefined || !spellsAtLeast(text, readKeys, MIN_READ)) continue;
    const mod = modules.module(file);
    if (!mod) continue;
    for (const name of exportedNames(mod.sf)) {
      const found = modules.local(file, name);
      if (!found || found.file !== file) continue;
      const keys = [...new Set(reader.ofFound(found).map((k) => k.key))];
      const read = keys.filter((k) => readKeys.has(k)).length;
      const namedForFlags = NAMED_FOR_FLAGS.test(name) && read / readKeys.size >= MIN_SHARE_OF_READS;
      if (read >= MIN_READ && (read / keys.length >= MIN_SHARE || namedForFlags)) {
        all.push({ spec: `${path.relative(root, file).split(path.sep).join('/')}#${name}`, file, exportName: name, keys, read });
      }
    }
  }
  // Greedy cover: the export listing the most read keys first, then those that add new ones.
  all.sort((a, b) => b.read - a.read || a.keys.length - b.keys.length || a.spec.localeCompare(b.spec));
  const covered = new Set<string>();
  const chosen: RegistryCandidate[] = [];
  for (const candidate of all) {
    const adds = candidate.keys.filter((k) => readKeys.has(k) && !covered.has(k)).length;
    if (adds < MIN_READ) continue;
    chosen.push(candidate);
    for (const k of candidate.keys) covered.add(k);
  }
  return chosen;
}

function spellsAtLeast(text: string, keys: ReadonlySet<string>, n: number): boolean {
  let count = 0;
  for (const key of keys) if (text.includes(key) && ++count >= n) return true;
  return false;
}

function exportedNames(sf: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const stmt of sf.statements) {
    if (!hasExportModifier(stmt)) continue;
    if (ts.isEnumDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt) || ts.isInterfaceDeclaration(stmt)) names.push(stmt.name.text);
    else if (ts.isVariableStatement(stmt)) for (const d of stmt.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
  }
  return names;
}
