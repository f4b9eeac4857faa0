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
  const patterns = new Map<ts.ObjectBindingPattern, { gone: Set<ts.Node>; droppable: boolean }>();
  const outer = dead.filter((d) => !dead.some((o) => o !== d && o.kind !== 'import' && contains(o.node, d.node)));
  for (const d of outer) {
    if (d.kind === 'import') {
      const decl = importDeclarationOf(d.node);
      if (!imports.has(decl)) imports.set(decl, new Set());
      imports.get(decl)!.add(d.node);
    } else if (d.kind === 'binding') {
      const pattern = d.node.parent as ts.ObjectBindingPattern;
      if (!patterns.has(pattern)) patterns.set(pattern, { gone: new Set(), droppable: d.initializerDroppable === true });
      patterns.get(pattern)!.gone.add(d.node);
    } else {
      edits.push(removeNode(text, d.node));
      // Assignments inside a method deleted too are already covered by that deletion.
      for (const w of d.writes ?? []) if (!outer.some((o) => o !== d && contains(o.node, w))) edits.push(removeNode(text, w));
    }
  }
  for (const [decl, gone] of imports) edits.push(importEdit(text, decl, gone));
  for (const [pattern, { gone, droppable }] of patterns) edits.push(bindingEdit(text, pattern, gone, droppable));
  return edits;
}

/**
 * `const { a, b } = x` without `b`: the pattern is rebuilt from what is kept. With nothing kept,
 * the statement goes (the records only allow that when its initializer can be dropped), or the
 * initializer stays as a statement for its effects.
 */
function bindingEdit(text: string, pattern: ts.ObjectBindingPattern, gone: Set<ts.Node>, droppable: boolean): Edit {
  const sf = pattern.getSourceFile();
  const kept = pattern.elements.filter((e) => !gone.has(e));
  if (ts.isParameter(pattern.parent)) return parameterEdit(text, pattern, kept, droppable);
  const decl = pattern.parent as ts.VariableDeclaration;
  const statement = decl.parent.parent as ts.VariableStatement;
  if (kept.length === 0) {
    if (droppable) return removeNode(text, statement);
    const init = decl.initializer!;
    return { start: statement.getStart(sf), end: statement.getEnd(), parts: [{ start: init.getStart(sf), end: init.getEnd() }, ';'] };
  }
  return patternEdit(text, pattern, kept);
}

/** A callback's destructured parameter: without the names that went, or gone when none is left. */
function parameterEdit(text: string, pattern: ts.ObjectBindingPattern, kept: ts.BindingElement[], droppable: boolean): Edit {
  const sf = pattern.getSourceFile();
  if (kept.length > 0) return patternEdit(text, pattern, kept);
  const param = pattern.parent as ts.ParameterDeclaration;
  if (!droppable) return { start: pattern.getStart(sf), end: pattern.getEnd(), parts: ['{}'] };
  const params = (param.parent as ts.SignatureDeclaration).parameters;
  const i = params.indexOf(param);
  if (i > 0) return { start: params[i - 1].getEnd(), end: param.getEnd(), parts: [''] };
  return { start: param.getStart(sf), end: param.getEnd(), parts: [''] };
}

function patternEdit(text: string, pattern: ts.ObjectBindingPattern, kept: ts.BindingElement[]): Edit {
  const sf = pattern.getSourceFile();
  const specs = kept.map((e) => e.getText(sf));
  const original = pattern.getText(sf);
  if (original.includes('\n')) {
    const inner = indentAt(text, pattern.elements[0].getStart(sf));
    const close = indentAt(text, pattern.getEnd() - 1);
    return { start: pattern.getStart(sf), end: pattern.getEnd(), parts: [`{\n${specs.map((x) => `${inner}${x},`).join('\n')}\n${close}}`] };
  }
  const pad = /^\{\s/.test(original) ? ' ' : '';
  return { start: pattern.getStart(sf), end: pattern.getEnd(), parts: [`{${pad}${specs.join(', ')}${pad}}`] };
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
