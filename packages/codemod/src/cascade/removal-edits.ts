import ts from '../ts-morph-ts.cjs';
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
      const pattern = rootPattern(d.node as ts.BindingElement);
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
  const kept = keptElements(text, pattern, gone);
  if (ts.isParameter(pattern.parent)) return parameterEdit(text, pattern, kept, droppable);
  const decl = pattern.parent as ts.VariableDeclaration;
  const statement = decl.parent.parent as ts.VariableStatement;
  if (kept.length === 0) {
    if (droppable) return removeNode(text, statement);
    const init = decl.initializer!;
    return { start: statement.getStart(sf), end: statement.getEnd(), parts: [{ start: init.getStart(sf), end: init.getEnd() }, ';'] };
  }
  return { start: pattern.getStart(sf), end: pattern.getEnd(), parts: [renderPattern(text, pattern, kept)] };
}

/** A kept element of a pattern and its text (rebuilt when names went from a nested pattern in it). */
interface KeptElement {
  element: ts.BindingElement;
  text: string;
}

/**
 * What is left of a pattern once `gone` leave it: a nested pattern that loses all its names
 * (`uiConfig: { resourceLimits }`) leaves its parent too; one already empty stays as written.
 */
function keptElements(text: string, pattern: ts.ObjectBindingPattern, gone: Set<ts.Node>): KeptElement[] {
  const sf = pattern.getSourceFile();
  const out: KeptElement[] = [];
  for (const element of pattern.elements) {
    if (gone.has(element)) continue;
    const inner = element.name;
    if (!ts.isObjectBindingPattern(inner) || !hasGone(inner, gone)) {
      out.push({ element, text: element.getText(sf) });
      continue;
    }
    const kept = keptElements(text, inner, gone);
    if (kept.length === 0) continue;
    out.push({ element, text: text.slice(element.getStart(sf), inner.getStart(sf)) + renderPattern(text, inner, kept) + text.slice(inner.getEnd(), element.getEnd()) });
  }
  return out;
}

function hasGone(node: ts.Node, gone: Set<ts.Node>): boolean {
  for (const g of gone) if (node.pos <= g.pos && g.end <= node.end) return true;
  return false;
}

/** The outermost object pattern an element belongs to (`{ uiConfig: { flags } }` for `flags`). */
function rootPattern(el: ts.BindingElement): ts.ObjectBindingPattern {
  let pattern = el.parent as ts.ObjectBindingPattern;
  while (ts.isBindingElement(pattern.parent) && ts.isObjectBindingPattern(pattern.parent.parent)) pattern = pattern.parent.parent;
  return pattern;
}

/** A callback's destructured parameter: without the names that went, or gone when none is left. */
function parameterEdit(text: string, pattern: ts.ObjectBindingPattern, kept: KeptElement[], droppable: boolean): Edit {
  const sf = pattern.getSourceFile();
  if (kept.length > 0) return { start: pattern.getStart(sf), end: pattern.getEnd(), parts: [renderPattern(text, pattern, kept)] };
  const param = pattern.parent as ts.ParameterDeclaration;
  if (!droppable) return { start: pattern.getStart(sf), end: pattern.getEnd(), parts: ['{}'] };
  const params = (param.parent as ts.SignatureDeclaration).parameters;
  const i = params.indexOf(param);
  if (i > 0) return { start: params[i - 1].getEnd(), end: param.getEnd(), parts: [''] };
  return { start: param.getStart(sf), end: param.getEnd(), parts: [''] };
}

/**
 * The pattern's text with only `kept`. A multi-line pattern stays one name a line, unless what is
 * left of it fits on the line it starts (formatters such as Prettier join a pattern that fits:
 * `const {\n isEnterprise,\n uiConfig: { resourceLimits },\n} = useUiConfig();` becomes
 * `const { isEnterprise } = useUiConfig();`).
 */
function renderPattern(text: string, pattern: ts.ObjectBindingPattern, kept: KeptElement[]): string {
  const sf = pattern.getSourceFile();
  const original = pattern.getText(sf);
  const pad = /^\{\s/.test(original) ? ' ' : '';
  const oneLine = `{${pad || ' '}${kept.map((k) => k.text).join(', ')}${pad || ' '}}`;
  if (original.includes('\n')) {
    const lineStart = text.lastIndexOf('\n', pattern.getStart(sf) - 1) + 1;
    const lineEnd = text.indexOf('\n', pattern.getEnd());
    const joined = text.slice(lineStart, pattern.getStart(sf)) + oneLine + text.slice(pattern.getEnd(), lineEnd === -1 ? text.length : lineEnd);
    if (!oneLine.includes('\n') && joined.length <= PRINT_WIDTH && (ts.isVariableDeclaration(pattern.parent) || ts.isParameter(pattern.parent))) return oneLine;
    const inner = indentAt(text, pattern.elements[0].getStart(sf));
    const close = indentAt(text, pattern.getEnd() - 1);
    return `{\n${kept.map((k) => `${inner}${k.text},`).join('\n')}\n${close}}`;
  }
  return `{${pad}${kept.map((k) => k.text).join(', ')}${pad}}`;
}

/** Prettier's default line width, used to decide whether a shortened pattern joins one line. */
const PRINT_WIDTH = 80;

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
