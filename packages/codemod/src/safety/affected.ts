import ts from '../ts-morph-ts.cjs';
import { parse } from '../fold/fold-engine.js';

/**
 * Names through which an edit of a file can change what its importers see: identifiers that
 * lost occurrences (a removed member `newNav`, a deleted export) and top-level declarations whose
 * text changed (`export const mode = ...` whose type may have narrowed). An importer that
 * mentions none of them cannot get a new type error from this edit, except through types it
 * reaches without naming them; the gate checks only the importers that do, which is what keeps
 * a removal in a module imported by hundreds of files cheap.
 */
export function affectingNames(file: string, before: string, after: string | null): Set<string> {
  const out = new Set<string>();
  const now = after === null ? new Map<string, number>() : wordCounts(after);
  for (const [w, n] of wordCounts(before)) if ((now.get(w) ?? 0) < n) out.add(w);
  if (after === null) return out;
  const a = topLevelTexts(file, after);
  for (const [name, text] of topLevelTexts(file, before)) if (a.get(name) !== text) out.add(name);
  return out;
}

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/[A-Za-z_$][\w$]*/g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

/** Each top-level declaration's name with its statement's text. */
function topLevelTexts(file: string, text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of parse(file, text).statements) {
    const t = s.getText();
    if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isEnumDeclaration(s)) && s.name) {
      out.set(s.name.text, (out.get(s.name.text) ?? '') + t);
    } else if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) out.set(d.name.text, t);
    } else if (ts.isExportAssignment(s)) {
      out.set('default', t);
    }
  }
  return out;
}

/** True when `text` has one of `words` as a whole identifier. */
export function mentionsWord(text: string, words: Set<string>): boolean {
  for (const m of text.matchAll(/[A-Za-z_$][\w$]*/g)) if (words.has(m[0])) return true;
  return false;
}
