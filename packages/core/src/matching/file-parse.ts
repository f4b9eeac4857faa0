/**
 * How `FlagProject` parses a file: in full, skimmed (top-level functions that cannot hold a read
 * left unparsed, see skim.ts), or by taking a tree its caller already has (typescript-eslint's).
 * Syntax only: no Program, no type checker.
 */
import path from 'node:path';
import ts from '../typescript.cjs';
import { CandidateFilter } from './candidate-filter.js';
import { bindingNames } from './module-symbols.js';
import { skimFunctions } from './skim.js';
import type { Skim } from './skim.js';
import type { SourceHost } from './source-host.js';
import { scriptKindOf } from './syntax.js';
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
  const skim = skimFunctions(text, tests.keep);
  if (!skim || importAliasInRegions(text, skim)) return undefined;
  let entry = trees?.get(file, text, skim.text);
  if (entry === undefined) {
    entry = skimmedEntry(file, text, skim, trees);
    trees?.set(file, text, skim.text, entry);
  }
  // The aliases depend on the candidate words of this project, not only on the text.
  if (!entry || aliasInRegions(entry.sf, text, skim, tests.spellsWord)) return undefined;
  return entry;
}

/** The parse of a skimmed text, or null when it has a syntax error or a statement reaches into a blank. */
function skimmedEntry(file: string, text: string, skim: Skim, trees?: TreeCache): FileEntry | null {
  let sf: ts.SourceFile;
  try {
    sf = trees?.reparse(file, skim.text) ?? ts.createSourceFile(file, skim.text, PARSE_OPTIONS, true, scriptKindOf(file));
  } catch {
    return null;
  }
  if ((sf as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length) return null;
  let r = 0;
  for (const stmt of sf.statements) {
    const start = stmt.getStart(sf);
    while (r < skim.regions.length && skim.regions[r].end <= start) r++;
    if (r < skim.regions.length && skim.regions[r].start < stmt.end) return null;
  }
  return { text, sf, tooDeep: false, skim };
}

export interface SkimTests {
  /** A function is kept (parsed) when it spells a candidate word or a registered key. */
  keep: (text: string) => boolean;
  /** Only a statement that spells a candidate word (not a key) can bind an alias of one. */
  spellsWord: (text: string) => boolean;
}

export function skimTests(words: readonly string[], keys: string[]): SkimTests {
  const keepFilter = new CandidateFilter(words, keys);
  const wordFilter = new CandidateFilter(words);
  return { keep: (t) => keepFilter.matches(t), spellsWord: (t) => wordFilter.matches(t) };
}

/**
 * Default and namespace imports (`import React from 'react'`, `import * as api from './api'`)
 * are always aliases (`candidateAliases`): one used in a blanked region rejects the skim after
 * its parse, and the file is parsed a second time in full. Read from the text, that rejection
 * is known before parsing (on Unleash, 64 of 242 candidates, 12 % of the characters parsed).
 * A name taken from a comment or string only costs the skim: the full parse is always valid.
 */
function importAliasInRegions(text: string, skim: Skim): boolean {
  const names: string[] = [];
  IMPORT_ALIAS.lastIndex = 0;
  for (let m = IMPORT_ALIAS.exec(text); m !== null; m = IMPORT_ALIAS.exec(text)) names.push(m[1] ?? m[2]);
  if (names.length === 0) return false;
  const named = new CandidateFilter(names);
  return skim.regions.some((reg) => named.matches(text.slice(reg.start, reg.end)));
}

/** `import X from`, `import X, {`, `import * as X`, `import type X from` at the start of a line. */
const IMPORT_ALIAS = /^[ \t]*import[ \t]+(?:type[ \t]+)?(?:([A-Za-z_$][\w$]*)[ \t]*(?:,|from\b)|\*[ \t]*as[ \t]+([A-Za-z_$][\w$]*))/gm;

/** Whether a name that can stand for a candidate word (`candidateAliases`) is used in a blanked region. */
export function aliasInRegions(sf: ts.SourceFile, text: string, skim: Skim, spellsWord: (text: string) => boolean): boolean {
  const aliases = candidateAliases(sf, text, spellsWord);
  if (aliases.length === 0) return false;
  const named = new CandidateFilter(aliases);
  return skim.regions.some((reg) => named.matches(text.slice(reg.start, reg.end)));
}

/**
 * Top-level names a read can be spelled with instead of a candidate word: every default and
 * namespace import (a default-exported wrapper has any name), renamed imports of a word
 * (`import { useNewCheckout as useCheckoutV2 }`), and what a variable that spells a word binds
 * (`const toggles = config.featureToggles`).
 */
export function candidateAliases(sf: ts.SourceFile, text: string, spellsWord: (text: string) => boolean): string[] {
  const names: string[] = [];
  for (const stmt of sf.statements) {
    if (ts.isVariableStatement(stmt)) {
      if (spellsWord(text.slice(stmt.pos, stmt.end))) for (const d of stmt.declarationList.declarations) names.push(...bindingNames(d.name));
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
