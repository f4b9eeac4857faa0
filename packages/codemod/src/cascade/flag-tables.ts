import ts from '../ts-morph-ts.cjs';
import { PathRules } from '@flagdebt/core/files';
import type { FlagdebtConfig } from '@flagdebt/core';
import { applyEdits, type Edit } from '../edit/text-edits.js';
import { isPure } from '../fold/fold-context.js';
import { parse } from '../fold/fold-engine.js';
import { isDeclarationName } from '../fold/scope.js';
import type { SourceSet } from '../removal/source-set.js';
import { removeListMember, usesOf } from './key-declarations.js';

/**
 * Objects that list flags by key: local defaults used when the flag service is off
 * (`LOCAL_FEATURE_FLAGS = { app_billing: ..., app_passkey: ... }`), bootstrap values, labels of
 * an admin page. Typed `Record<string, ...>`, nothing ties them to the key's reads, so neither
 * the type-check nor the cascade sees them go dead; the engineer deletes the removed key's
 * entry with its reads. A table is an object literal at least two of whose property names are
 * registry keys, and at least half of them: not an object that happens to have a property of
 * that name. No entry goes while code still reads the key as a property (`legacyFlags.newNav`).
 * The entry goes only when its value has no effect (a call stays, for a human) and
 * names nothing that only it uses (an import left unused would be a new lint or type error).
 * Test files are left to the tests sweep (a test's flag overrides are settings, dead-tests.ts).
 * Runs with the key declarations, after the cascade: when the type-check says an entry was
 * needed (a `Record<FlagKey, ...>` whose key stays), settle.ts puts it back with them.
 * Returns the number of entries deleted.
 */
export function deleteFlagTableEntries(config: Pick<FlagdebtConfig, 'root' | 'include' | 'exclude' | 'tests' | 'registryCode'>, sources: SourceSet, removed: ReadonlySet<string>, registryKeys: ReadonlySet<string>): number {
  // A key still read as a property (`legacyFlags.newNav`, in code no accessor names) keeps its entries.
  const gone = new Set([...removed].filter((k) => usesOf(sources, k, 'current') === 0));
  if (gone.size === 0 || registryKeys.size < 2) return 0;
  const rules = new PathRules(config.root, config);
  // A code registry's own object is retired by retire-key.ts (with its tombstone), not here.
  const registries = new Set(config.registryCode.map((r) => `${r.file}\0${r.exportName}`));
  let deleted = 0;
  for (const file of sources.files()) {
    const text = sources.text(file);
    if (typeof text !== 'string' || ![...gone].some((k) => text.includes(k)) || rules.isTest(file)) continue;
    const edits: Edit[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isObjectLiteralExpression(n) && !registries.has(`${file}\0${declaredName(n)}`)) edits.push(...entriesToDelete(text, n, gone, registryKeys));
      ts.forEachChild(n, visit);
    };
    visit(parse(file, text));
    if (edits.length === 0) continue;
    sources.set(file, applyEdits(text, edits, { constants: [], touched: [] }).text);
    deleted += edits.length;
  }
  return deleted;
}

function entriesToDelete(text: string, object: ts.ObjectLiteralExpression, removed: ReadonlySet<string>, registryKeys: ReadonlySet<string>): Edit[] {
  const names = object.properties.map(keyName);
  const listed = names.filter((name) => name !== null && registryKeys.has(name)).length;
  if (listed < 2 || listed * 2 < names.length) return [];
  const edits: Edit[] = [];
  object.properties.forEach((p, i) => {
    const name = names[i];
    if (name === null || !removed.has(name)) return;
    const value = ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : null;
    if (value === null || !isPure(value) || namesOnlyUsedBy(object.getSourceFile(), value)) return;
    edits.push(removeListMember(text, p));
  });
  return edits;
}

/**
 * Whether an identifier in `value` is referenced nowhere else in the file (declarations and
 * imports do not count): its import or const would be left unused.
 */
function namesOnlyUsedBy(sf: ts.SourceFile, value: ts.Node): boolean {
  const names = new Set<string>();
  const collect = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) names.add(n.text);
    ts.forEachChild(n, collect);
  };
  collect(value);
  const elsewhere = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (n === value || ts.isImportDeclaration(n)) return;
    if (ts.isIdentifier(n) && names.has(n.text) && !isDeclarationName(n)) elsewhere.add(n.text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return [...names].some((name) => !elsewhere.has(name));
}

/** The const an object literal initialises (`export const SETTINGS = { ... } as const`), if any. */
function declaredName(object: ts.ObjectLiteralExpression): string | undefined {
  let n: ts.Node = object.parent;
  while (ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isParenthesizedExpression(n)) n = n.parent;
  return ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) ? n.name.text : undefined;
}

/** The key a property spells out (`a: 1`, `'a-b': 1`, `a`), null for spreads, methods and computed keys. */
function keyName(p: ts.ObjectLiteralElementLike): string | null {
  if (ts.isShorthandPropertyAssignment(p)) return p.name.text;
  if (!ts.isPropertyAssignment(p)) return null;
  return ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNoSubstitutionTemplateLiteral(p.name) ? p.name.text : null;
}
