import ts from '../ts-morph-ts.cjs';
import { removeNode } from '../edit/layout.js';
import { replaceWith, withoutNested, type Edit } from '../edit/text-edits.js';
import { isPure, literalValue, type FoldContext } from './fold-context.js';
import { referencesInScope, scopeOfDeclaration } from './scope.js';
import { isDependencyArray } from './dependency-arrays.js';

/**
 * `const on = true` (after its flag read was folded): every reference becomes the literal,
 * the variable goes, and it leaves React dependency arrays. A re-assigned `let` keeps its
 * declaration with the folded initializer.
 */
export function inlineVariable(ctx: FoldContext, decl: ts.VariableDeclaration): Edit[] | null {
  if (!ts.isIdentifier(decl.name) || !decl.initializer || decl.exclamationToken) return null;
  const c = ctx.constantOf(decl.initializer);
  if (!c) return null;
  const list = decl.parent;
  const statement = list.parent;
  if (!ts.isVariableDeclarationList(list) || !ts.isVariableStatement(statement)) return null;
  if (statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword || m.kind === ts.SyntaxKind.DeclareKeyword)) return null;
  const name = decl.name.text;
  const refs = referencesInScope(scopeOfDeclaration(decl), name);
  const literal = ctx.textOf(decl.initializer);
  const edits: Edit[] = [];
  for (const ref of refs) {
    const p = ref.parent;
    if (isWrite(ref)) {
      // `showPromo = false` when it already is false changes nothing: it goes with the variable.
      const same = sameValueAssignment(ref, c.value);
      if (!same) return null;
      edits.push(removeNode(ctx.text, same));
      continue;
    }
    if (ts.isExportSpecifier(p) || ts.isTypeQueryNode(p) || ts.isExportAssignment(p)) return null;
    if (ts.isShorthandPropertyAssignment(p)) {
      edits.push(replaceWith(ref.getStart(ctx.sf), ref.getStart(ctx.sf), `${name}: `));
      edits.push(replaceWith(ref.getStart(ctx.sf), ref.getEnd(), literal, true));
    } else if (isDependency(ref)) {
      edits.push(removeElement(ctx, p as ts.ArrayLiteralExpression, ref));
    } else {
      edits.push(replaceWith(ref.getStart(ctx.sf), ref.getEnd(), literal, true));
    }
  }
  edits.push(removeDeclaration(ctx, list, decl, statement));
  // `if (v) { v = true; }` goes as a whole, so the read of `v` in its test needs no edit of its own.
  return withoutNested(edits);
}

/**
 * `const items = on ? [a, b] : []` kept OFF leaves `const items = []`: under `strict`, an array
 * with no annotation whose type TypeScript cannot follow is TS7034 (`implicitly has type
 * 'any[]'`), and the gate would refuse the removal. Used once, the empty array goes where it is
 * used (`return { items: [], modals }`), where the use's own type applies. Only for a `const`
 * this run emptied, read once, outside any loop or function the declaration is not in (each
 * evaluation makes a new array: a shared one could be mutated between two).
 */
export function inlineEmptyArray(ctx: FoldContext, decl: ts.VariableDeclaration): Edit[] | null {
  const init = decl.initializer;
  if (!ts.isIdentifier(decl.name) || decl.type || !init || !ts.isArrayLiteralExpression(init) || init.elements.length > 0 || !ctx.isTouched(init)) return null;
  const list = decl.parent;
  const statement = list.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0 || !ts.isVariableStatement(statement)) return null;
  if (statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword || m.kind === ts.SyntaxKind.DeclareKeyword)) return null;
  const scope = scopeOfDeclaration(decl);
  const refs = referencesInScope(scope, decl.name.text, { types: true });
  if (refs.length !== 1) return null;
  const ref = refs[0];
  const p = ref.parent;
  if (ts.isExportSpecifier(p) || ts.isTypeQueryNode(p) || ts.isExportAssignment(p) || isDependency(ref)) return null;
  for (let n: ts.Node = p; n !== scope; n = n.parent) {
    if (ts.isFunctionLike(n) || ts.isIterationStatement(n, false)) return null;
  }
  const at = ref.getStart(ctx.sf);
  const edits: Edit[] = ts.isShorthandPropertyAssignment(p) ? [replaceWith(at, at, `${decl.name.text}: `), replaceWith(at, ref.getEnd(), '[]')] : [replaceWith(at, ref.getEnd(), '[]')];
  edits.push(removeDeclaration(ctx, list, decl, statement));
  return edits;
}

function isWrite(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isBinaryExpression(p) && p.left === id) {
    const op = p.operatorToken.kind;
    return op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment;
  }
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) {
    return true;
  }
  return (ts.isForInStatement(p) || ts.isForOfStatement(p)) && p.initializer === id;
}

/**
 * The statement to delete for `x = <the folded value>;`: the assignment, or the whole
 * `if (pure) { x = value; }` around it when that is all the `if` does.
 */
function sameValueAssignment(ref: ts.Identifier, value: unknown): ts.Statement | null {
  const assign = ref.parent;
  if (!ts.isBinaryExpression(assign) || assign.operatorToken.kind !== ts.SyntaxKind.EqualsToken || literalValue(assign.right) !== value) return null;
  const statement = assign.parent;
  if (!ts.isExpressionStatement(statement)) return null;
  const block = statement.parent;
  const ifStatement = ts.isBlock(block) ? block.parent : block;
  const alone = !ts.isBlock(block) || block.statements.length === 1;
  if (alone && ts.isIfStatement(ifStatement) && !ifStatement.elseStatement && isPure(ifStatement.expression) && ts.isBlock(ifStatement.parent)) {
    return ifStatement;
  }
  return ts.isBlock(block) || ts.isSourceFile(block) ? statement : null;
}

export function isDependency(id: ts.Identifier): boolean {
  return ts.isArrayLiteralExpression(id.parent) && isDependencyArray(id.parent);
}

export function removeElement(ctx: FoldContext, array: ts.ArrayLiteralExpression, el: ts.Node): Edit {
  const els = array.elements;
  const i = els.indexOf(el as ts.Expression);
  if (els.length === 1) return replaceWith(el.getStart(ctx.sf), el.getEnd(), '');
  if (i < els.length - 1) return replaceWith(el.getStart(ctx.sf), els[i + 1].getStart(ctx.sf), '');
  return replaceWith(els[i - 1].getEnd(), el.getEnd(), '');
}

function removeDeclaration(ctx: FoldContext, list: ts.VariableDeclarationList, decl: ts.VariableDeclaration, statement: ts.VariableStatement): Edit {
  const decls = list.declarations;
  if (decls.length === 1) return removeNode(ctx.text, statement);
  const i = decls.indexOf(decl);
  if (i < decls.length - 1) return replaceWith(decl.getStart(ctx.sf), decls[i + 1].getStart(ctx.sf), '');
  return replaceWith(decls[i - 1].getEnd(), decl.getEnd(), '');
}

