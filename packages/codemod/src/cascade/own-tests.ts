import path from 'node:path';
import ts from '../ts-morph-ts.cjs';
import type { SourceSet } from '../removal/source-set.js';
import { collectDeclarations } from './declarations.js';

type ParseFn = (file: string, text: string) => ts.SourceFile;

export interface OwnTestContext {
  sources: SourceSet;
  /** Test files by module stem (see moduleStem). */
  testsByStem: Map<string, string[]>;
  isTest(file: string): boolean;
  resolveModule(specifier: string, fromFile: string): string | null;
  parseText: ParseFn;
  parseOriginal: ParseFn;
}

/**
 * The test files of `file` that keep its exports alive after the run, when nothing else does:
 * `LegacyMenu.tsx` whose only importer left is `LegacyMenu.test.tsx` (or `__tests__/LegacyMenu.tsx`,
 * `LegacyMenu.spec.ts`). Such a test tests code nobody runs any more; deleting it lets the cascade
 * delete the component. A test file goes only when
 *
 * - it is named after the module (its own test, not a test of something that uses it);
 * - every name it imports from the module was imported by some non-test file before the run and
 *   is imported by no other file now (other own tests aside), and can be deleted (see declarations);
 * - it imports nothing else from the module: a test that also covers what stays is left whole.
 *
 * A test file that also tests other modules' code is not told apart here (it is named after this
 * one, so it is taken to be about it).
 */
export function ownTestsKeepingAlive(file: string, ctx: OwnTestContext): string[] {
  const text = ctx.sources.text(file);
  if (typeof text !== 'string' || ctx.isTest(file)) return [];
  const stem = moduleStem(file);
  const importers = new Map<string, Map<string, number>>();
  const importersNow = (name: string) => importersOf(file, name, 'current', ctx);
  const tests: string[] = [];
  for (const candidate of ctx.testsByStem.get(stem) ?? []) {
    if (candidate === file) continue;
    const ctext = ctx.sources.text(candidate);
    if (typeof ctext !== 'string') continue;
    const names = namesImportedFrom(ctx.parseText(candidate, ctext), candidate, file, ctx.resolveModule);
    if (names === null || names.length === 0) continue;
    tests.push(candidate);
    importers.set(candidate, new Map(names.map((n) => [n, 1])));
  }
  if (tests.length === 0) return [];
  const own = new Set(tests);
  const declared = collectDeclarations(ctx.parseText(file, text), undefined);
  const names = new Set([...importers.values()].flatMap((m) => [...m.keys()]));
  for (const name of names) {
    const now = importersNow(name);
    if (now.some((f) => !own.has(f))) return [];
    const before = importersOf(file, name, 'original', ctx);
    if (!before.some((f) => !ctx.isTest(f))) return [];
    const records = declared.filter((d) => d.name === name && d.kind !== 'import' && d.exported);
    if (records.length !== 1 || !records[0].removable || records[0].ambiguous) return [];
  }
  return tests;
}

/** `LegacyMenu` for `LegacyMenu.tsx`, `LegacyMenu.test.tsx`, `__tests__/LegacyMenu.tsx`; the folder for an index. */
export function moduleStem(file: string): string {
  const base = path.basename(file).replace(/\.[cm]?[jt]sx?$/, '').replace(/\.(test|spec)$/, '');
  return base === 'index' ? path.basename(path.dirname(file)) : base;
}

/** Files importing `name` from `target` (by a named or default import; `export *` and namespaces count as every name). */
function importersOf(target: string, name: string, version: 'original' | 'current', ctx: OwnTestContext): string[] {
  const out: string[] = [];
  for (const f of ctx.sources.filesMentioning(name, version)) {
    if (f === target) continue;
    const text = version === 'original' ? ctx.sources.originalText(f) : ctx.sources.text(f);
    if (typeof text !== 'string') continue;
    const sf = version === 'original' ? ctx.parseOriginal(f, text) : ctx.parseText(f, text);
    const names = namesImportedFrom(sf, f, target, ctx.resolveModule);
    if (names === null || names.includes(name)) out.push(f);
  }
  return out;
}

/** The exported names `sf` imports from `target`; null when it takes them all (namespace, `export *`). */
function namesImportedFrom(sf: ts.SourceFile, from: string, target: string, resolve: OwnTestContext['resolveModule']): string[] | null {
  const names: string[] = [];
  for (const s of sf.statements) {
    if (!(ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) || !s.moduleSpecifier || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    if (resolve(s.moduleSpecifier.text, from) !== target) continue;
    if (ts.isExportDeclaration(s)) {
      if (!s.exportClause || ts.isNamespaceExport(s.exportClause)) return null;
      names.push(...s.exportClause.elements.map((e) => (e.propertyName ?? e.name).text));
      continue;
    }
    const clause = s.importClause;
    if (clause?.name) names.push('default');
    const nb = clause?.namedBindings;
    if (nb && ts.isNamespaceImport(nb)) return null;
    if (nb) names.push(...nb.elements.map((e) => (e.propertyName ?? e.name).text));
  }
  return names;
}
