/**
 * How `FlagProject` parses a file: in full, skimmed (top-level functions that cannot hold a read
 * left unparsed, see skim.ts), or by taking a tree its caller already has (typescript-eslint's).
 * Syntax only: no Program, no type checker.
 */
import path from 'node:path';
import ts from '../typescript.cjs';
import { CandidateFilter, wordFilter } from './candidate-filter.js';
import { bindingNames } from './module-symbols.js';
import { skimFunctions } from './skim.js';
import type { Skim, SkimRegion } from './skim.js';
import type { SourceHost } from './source-host.js';
import { scriptKindOf, skipOuterExpressions } from './syntax.js';
import type { FileEntry, TreeCache } from './tree-cache.js';

export type { FileEntry } from './tree-cache.js';

/** Whether `text` is what the host holds for `file` (ESLint hands over texts without their BOM). */
export function sameAsHost(host: SourceHost, file: string, text: string): boolean {
  const known = host.holdsText?.(file, text);
  if (known !== undefined) return known;
  let held: string | undefined;
  try {
    held = host.readFile(file);
  } catch {
    return false;
  }
  if (held === text) return true;
  return held !== undefined && held.charCodeAt(0) === 0xfeff && held.length === text.length + 1 && held.endsWith(text);
}

/**
 * Whether `tree` can stand for this project's own parse of `text`: a source file made by this
 * copy of TypeScript (another copy numbers its syntax kinds differently), for the same path and
 * exactly this text, with parent links (scope lookup walks up) and no syntax error.
 */
export function isTreeOf(tree: ts.SourceFile, abs: string, text: string): boolean {
  const SourceFile = (ts as unknown as { objectAllocator?: { getSourceFileConstructor?(): unknown } }).objectAllocator?.getSourceFileConstructor?.();
  return (
    typeof SourceFile === 'function' &&
    tree instanceof SourceFile &&
    tree.kind === ts.SyntaxKind.SourceFile &&
    tree.text === text &&
    path.resolve(tree.fileName) === abs &&
    (tree.statements.length === 0 || tree.statements[0].parent === tree) &&
    !(tree as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length
  );
}

/** Flag keys never live in JSDoc, so skip parsing it (a measurable share of parse time). */
const PARSE_OPTIONS: ts.CreateSourceFileOptions = {
  languageVersion: ts.ScriptTarget.Latest,
  jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
};

/**
 * The skimmed parse of `text`, when it is as good as the full one for finding reads: it has no
 * syntax error, every blanked region lies between top-level statements, and no alias of a
 * candidate word is used in a blanked function.
 */
export function parseSkimmed(file: string, text: string, tests: SkimTests, trees?: TreeCache): FileEntry | undefined {
  if (!trees) return skimmedParse(file, text, tests);
  // A text seen under the same tests (history's next point, an unchanged file): the same answer.
  const known = trees.skimmed(file, text, tests.key);
  if (known !== undefined) return known ?? undefined;
  const entry = skimmedParse(file, text, tests, trees);
  trees.setSkimmed(file, text, tests.key, entry ?? null);
  return entry;
}

function skimmedParse(file: string, text: string, tests: SkimTests, trees?: TreeCache): FileEntry | undefined {
  const imported = importAliases(text);
  const keep = imported ? (t: string) => tests.keep(t) || imported.matches(t) : tests.keep;
  const skim = skimFunctions(text, keep);
  if (!skim) return undefined;
  let entry = trees?.get(file, text, skim.text);
  if (entry === undefined) {
    entry = skimmedEntry(file, text, skim, trees);
    trees?.set(file, text, skim.text, entry);
  }
  if (!entry) return undefined;
  // The aliases depend on the candidate words of this project, not only on the text. Code that
  // uses one is kept in a second skim (still cheaper than a full parse), checked the same way.
  const aliases = skimAliases(entry.sf, text, skim, tests.spellsWord);
  if (!aliases || !skim.regions.some((reg) => aliases.matches(text.slice(reg.start, reg.end)))) return entry;
  const again = skimFunctions(text, (t) => keep(t) || aliases.matches(t));
  if (!again) return undefined;
  let second = trees?.get(file, text, again.text);
  if (second === undefined) {
    second = skimmedEntry(file, text, again, trees);
    trees?.set(file, text, again.text, second);
  }
  return !second || aliasInRegions(second.sf, text, again, tests.spellsWord) ? undefined : second;
}

/**
 * The parse of a skimmed text, or null when it has a syntax error, a statement reaches into a
 * blanked statement, or a blanked member body is not the inside of an empty body of its class's member.
 */
function skimmedEntry(file: string, text: string, skim: Skim, trees?: TreeCache): FileEntry | null {
  let sf: ts.SourceFile;
  try {
    sf = trees?.reparse(file, skim.text) ?? ts.createSourceFile(file, skim.text, PARSE_OPTIONS, true, scriptKindOf(file));
  } catch {
    return null;
  }
  if ((sf as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length) return null;
  const { regions } = skim;
  let r = 0;
  for (const stmt of sf.statements) {
    const start = stmt.getStart(sf);
    while (r < regions.length && regions[r].end <= start) r++;
    for (let q = r; q < regions.length && regions[q].start < stmt.end; q++) {
      const region = regions[q];
      if (!region.member || !ts.isClassDeclaration(stmt) || !emptyBodyAround(stmt, region, sf)) return null;
    }
  }
  return { text, sf, tooDeep: false, skim };
}

/** Whether `region` lies inside the empty body of a method, constructor, accessor or arrow property of `cls`. */
function emptyBodyAround(cls: ts.ClassDeclaration, region: SkimRegion, sf: ts.SourceFile): boolean {
  for (const m of cls.members) {
    if (m.end <= region.start) continue;
    if (m.pos >= region.end) return false;
    const body = memberBody(m);
    return body !== undefined && body.statements.length === 0 && body.getStart(sf) < region.start && region.end < body.end;
  }
  return false;
}

function memberBody(m: ts.ClassElement): ts.Block | undefined {
  if (ts.isMethodDeclaration(m) || ts.isConstructorDeclaration(m) || ts.isGetAccessorDeclaration(m) || ts.isSetAccessorDeclaration(m)) return m.body;
  const init = ts.isPropertyDeclaration(m) ? m.initializer : undefined;
  return init && ts.isArrowFunction(init) && ts.isBlock(init.body) ? init.body : undefined;
}

export interface SkimTests {
  /** The words and keys the tests were built from: equal keys, equal tests. */
  key: string;
  /** A function is kept (parsed) when it spells a candidate word or a registered key. */
  keep: (text: string) => boolean;
  /** Only a statement that spells a candidate word (not a key) can bind an alias of one. */
  spellsWord: (text: string) => boolean;
}

export function skimTests(words: readonly string[], keys: string[]): SkimTests {
  const keepFilter = new CandidateFilter(words, keys);
  const wordFilter = new CandidateFilter(words);
  const key = `${words.join('\0')}\u0001${keys.join('\0')}`;
  return { key, keep: (t) => keepFilter.matches(t), spellsWord: (t) => wordFilter.matches(t) };
}

/**
 * Default and namespace imports (`import React from 'react'`, `import * as api from './api'`)
 * are always aliases (`candidateAliases`): code that uses one is kept, as if it spelled a word.
 * Read from the text, that is known before parsing; blanking such code anyway would reject the
 * skim after its parse, and the file would be parsed a second time in full (on Unleash, 64 of
 * 242 candidates, 12 % of the characters parsed). A name taken from a comment or string only
 * keeps more code: the full parse is always valid.
 */
function importAliases(text: string): CandidateFilter | undefined {
  const names: string[] = [];
  IMPORT_ALIAS.lastIndex = 0;
  for (let m = IMPORT_ALIAS.exec(text); m !== null; m = IMPORT_ALIAS.exec(text)) names.push(m[1] ?? m[2]);
  return names.length === 0 ? undefined : wordFilter(names);
}

/** `import X from`, `import X, {`, `import * as X`, `import type X from` at the start of a line. */
const IMPORT_ALIAS = /^[ \t]*import[ \t]+(?:type[ \t]+)?(?:([A-Za-z_$][\w$]*)[ \t]*(?:,|from\b)|\*[ \t]*as[ \t]+([A-Za-z_$][\w$]*))/gm;

/** Whether a name that can stand for a candidate word (`candidateAliases`) is used in a blanked region. */
export function aliasInRegions(sf: ts.SourceFile, text: string, skim: Skim, spellsWord: (text: string) => boolean): boolean {
  const named = skimAliases(sf, text, skim, spellsWord);
  return named !== undefined && skim.regions.some((reg) => named.matches(text.slice(reg.start, reg.end)));
}

/**
 * The names blanked code must not use (`candidateAliases`, and for blanked member bodies
 * `memberAliases`). A variable holding a function is no alias here, as a function declaration
 * is none: calling a function reads a flag only if it is a wrapper, and a wrapper's name is a
 * candidate word (`reskim` parses again what calls one found later).
 */
function skimAliases(sf: ts.SourceFile, text: string, skim: Skim, spellsWord: (text: string) => boolean): CandidateFilter | undefined {
  const aliases = candidateAliases(sf, text, spellsWord, false);
  if (skim.regions.some((r) => r.member)) aliases.push(...memberAliases(sf, text, spellsWord));
  return aliases.length === 0 ? undefined : wordFilter(aliases);
}

function isFunctionValued(d: ts.VariableDeclaration): boolean {
  const init = d.initializer && skipOuterExpressions(d.initializer);
  return init !== undefined && (ts.isArrowFunction(init) || ts.isFunctionExpression(init));
}

/**
 * Top-level names a read can be spelled with instead of a candidate word: every default and
 * namespace import (a default-exported wrapper has any name), renamed imports of a word
 * (`import { useNewCheckout as useCheckoutV2 }`), and what a variable that spells a word binds
 * (`const toggles = config.featureToggles`).
 */
export function candidateAliases(sf: ts.SourceFile, text: string, spellsWord: (text: string) => boolean, functions = true): string[] {
  const names: string[] = [];
  for (const stmt of sf.statements) {
    if (ts.isVariableStatement(stmt)) {
      if (!spellsWord(text.slice(stmt.pos, stmt.end))) continue;
      for (const d of stmt.declarationList.declarations) if (functions || !isFunctionValued(d)) names.push(...bindingNames(d.name));
      continue;
    }
    const clause = ts.isImportDeclaration(stmt) ? stmt.importClause : undefined;
    if (!clause) continue;
    if (clause.name) names.push(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
    else if (bindings) for (const el of bindings.elements) if (el.propertyName && spellsWord(el.propertyName.text)) names.push(el.name.text);
  }
  return names;
}

/**
 * Names a blanked member body could use instead of a candidate word: a class's properties (and
 * parameter properties) whose declaration spells one, and `this.name =` on a line that spells one.
 */
function memberAliases(sf: ts.SourceFile, text: string, spellsWord: (text: string) => boolean): string[] {
  const names: string[] = [];
  for (const stmt of sf.statements) {
    if (!ts.isClassDeclaration(stmt)) continue;
    for (const m of stmt.members) {
      if (ts.isPropertyDeclaration(m) && m.name && ts.isIdentifier(m.name) && spellsWord(text.slice(m.pos, m.end))) names.push(m.name.text);
      if (ts.isConstructorDeclaration(m)) {
        for (const p of m.parameters) if (ts.isIdentifier(p.name) && spellsWord(text.slice(p.pos, p.end))) names.push(p.name.text);
      }
    }
    const classText = text.slice(stmt.pos, stmt.end);
    for (const line of classText.split('\n')) {
      if (!line.includes('this.') || !spellsWord(line)) continue;
      for (const m of line.matchAll(THIS_ASSIGNMENT)) names.push(m[1]);
    }
  }
  return names;
}

const THIS_ASSIGNMENT = /\bthis\.([A-Za-z_$][\w$]*)[ \t]*=(?![=>])/g;

export function parseEntry(file: string, text: string, trees?: TreeCache): FileEntry {
  const kept = trees?.get(file, text, undefined);
  if (kept) return kept;
  const entry = fullEntry(file, text, trees);
  trees?.set(file, text, undefined, entry);
  return entry;
}

function fullEntry(file: string, text: string, trees?: TreeCache): FileEntry {
  try {
    return { text, sf: trees?.reparse(file, text) ?? ts.createSourceFile(file, text, PARSE_OPTIONS, true, scriptKindOf(file)), tooDeep: false };
  } catch (error) {
    // The parser recurses; about a thousand nested parentheses exhaust the stack.
    if (!(error instanceof RangeError)) throw error;
    return { text, sf: ts.createSourceFile(file, '', PARSE_OPTIONS, true, scriptKindOf(file)), tooDeep: true };
  }
}
