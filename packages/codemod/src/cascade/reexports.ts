import ts from '../ts-morph-ts.cjs';
import { removeNode } from '../edit/layout.js';
import { applyEdits } from '../edit/text-edits.js';
import type { SourceSet } from '../removal/source-set.js';
import { specifierStem } from '../removal/specifier-stem.js';

/**
 * A module the cascade deletes may still be re-exported by a barrel (`export * from
 * './get-variants'`, `export { a } from './get-variants'` in an index file): the statement would
 * point at a missing file (TS2307). It exported nothing that is still used (or it would not have
 * been deleted), so the re-export goes with it. Returns the files changed; a barrel left empty is
 * then deleted by the cascade like any other emptied file.
 */
export function dropReexportsOf(
  sources: SourceSet,
  deleted: string,
  resolveModule: (specifier: string, from: string) => string | null,
  parse: (file: string, text: string) => ts.SourceFile,
): string[] {
  const stem = specifierStem(deleted);
  const changed: string[] = [];
  for (const file of sources.files()) {
    const text = sources.text(file);
    if (file === deleted || typeof text !== 'string' || !text.includes(stem) || !text.includes('export')) continue;
    const sf = parse(file, text);
    const edits = sf.statements
      .filter((s): s is ts.ExportDeclaration => ts.isExportDeclaration(s) && s.moduleSpecifier !== undefined && ts.isStringLiteral(s.moduleSpecifier) && resolveModule(s.moduleSpecifier.text, file) === deleted)
      .map((s) => removeNode(text, s));
    if (edits.length === 0) continue;
    sources.set(file, applyEdits(text, edits, { constants: [], touched: [] }).text);
    changed.push(file);
  }
  return changed;
}
