import { ts } from 'ts-morph';
import { indentAt, removeNode } from '../edit/layout.js';
import type { Edit } from '../edit/text-edits.js';
import { importBindings, type DeclarationRecord } from './declarations.js';

/**
 * Edits that delete the given declarations from one file. Import bindings are grouped per
 * import declaration: the clause is rebuilt from what is kept, or the import goes entirely.
 */
export function removalEdits(text: string, dead: DeclarationRecord[]): Edit[] {
  const edits: Edit[] = [];
  const imports = new Map<ts.ImportDeclaration, Set<ts.Node>>();
  const outer = dead.filter((d) => !dead.some((o) => o !== d && o.kind !== 'import' && contains(o.node, d.node)));
  for (const d of outer) {
    if (d.kind === 'import') {
      const decl = importDeclarationOf(d.node);
      if (!imports.has(decl)) imports.set(decl, new Set());
      imports.get(decl)!.add(d.node);
    } else {
      edits.push(removeNode(text, d.node));
    }
  }
  for (const [decl, gone] of imports) edits.push(importEdit(text, decl, gone));
  return edits;
}

function contains(a: ts.Node, b: ts.Node): boolean {
  return a !== b && a.pos <= b.pos && b.end <= a.end;
}

function importDeclarationOf(node: ts.Node): ts.ImportDeclaration {
  let n = node;
  while (!ts.isImportDeclaration(n)) n = n.parent;
  return n;
}

function importEdit(text: string, decl: ts.ImportDeclaration, gone: Set<ts.Node>): Edit {
  const clause = decl.importClause!;
  const kept = importBindings(clause).filter((b) => !gone.has(b));
  if (kept.length === 0) return removeNode(text, decl);
  const sf = decl.getSourceFile();
  const parts: string[] = [];
  if (clause.name && !gone.has(clause)) parts.push(clause.name.text);
  const nb = clause.namedBindings;
  if (nb && ts.isNamespaceImport(nb) && !gone.has(nb)) parts.push(nb.getText(sf));
  if (nb && ts.isNamedImports(nb)) {
    const specs = nb.elements.filter((e) => !gone.has(e)).map((e) => e.getText(sf));
    if (specs.length) {
      const original = nb.getText(sf);
      if (original.includes('\n')) {
        const inner = indentAt(text, nb.elements[0].getStart(sf));
        const close = indentAt(text, nb.getEnd() - 1);
        parts.push(`{\n${specs.map((s) => `${inner}${s},`).join('\n')}\n${close}}`);
      } else {
        const pad = /^\{\s/.test(original) ? ' ' : '';
        parts.push(`{${pad}${specs.join(', ')}${pad}}`);
      }
    }
  }
  const start = clause.getStart(sf);
  // The clause's range begins at `type` in `import type { A } from`.
  const prefix = clause.isTypeOnly && text.startsWith('type ', start) ? 'type ' : '';
  return { start, end: clause.getEnd(), parts: [`${prefix}${parts.join(', ')}`] };
}
