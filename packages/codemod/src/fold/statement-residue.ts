import ts from '../ts-morph-ts.cjs';
import { removeNode } from '../edit/layout.js';
import type { Edit } from '../edit/text-edits.js';
import { isPure, type FoldContext } from './fold-context.js';
import { referencesInScope, scopeOfDeclaration } from './scope.js';

/**
 * `let banner; if (on) banner = 'n';` folds to `let banner; banner = 'n';`: the assignment that
 * this run brought up to right after the declaration becomes its initializer, and the `let` a
 * `const` when nothing else writes the variable.
 */
export function foldDeferredInitializer(ctx: FoldContext, node: ts.ExpressionStatement): Edit[] | null {
  if (!ctx.isInsideTouched(node)) return null;
  const assign = node.expression;
  if (!ts.isBinaryExpression(assign) || assign.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isIdentifier(assign.left)) return null;
  const list = node.parent;
  if (!ts.isBlock(list) && !ts.isSourceFile(list)) return null;
  const i = list.statements.indexOf(node);
  const previous = i > 0 ? list.statements[i - 1] : undefined;
  if (!previous || !ts.isVariableStatement(previous) || previous.modifiers?.length) return null;
  const declarations = previous.declarationList;
  if ((declarations.flags & ts.NodeFlags.Let) === 0 || declarations.declarations.length !== 1) return null;
  const decl = declarations.declarations[0];
  const name = assign.left.text;
  if (!ts.isIdentifier(decl.name) || decl.name.text !== name || decl.exclamationToken) return null;
  // An initializer that is overwritten right away only goes when evaluating it has no effect.
  if (decl.initializer && !isPure(decl.initializer)) return null;
  // The value may not read the variable itself (`x = x ?? 1` reads the old value).
  if (referencesIn(assign.right, name)) return null;
  const writes = referencesInScope(scopeOfDeclaration(decl), name).filter((id) => id !== assign.left && isWrite(id));
  const keyword = writes.length === 0 ? 'const' : 'let';
  const type = decl.type ? `: ${ctx.textOf(decl.type)}` : '';
  const start = previous.getStart(ctx.sf);
  const value = ctx.span(assign.right);
  // The file's own style: `let x` without a semicolon stays without one.
  const semicolon = ctx.text.slice(start, previous.getEnd()).trimEnd().endsWith(';') ? ';' : '';
  return [
    { start, end: previous.getEnd(), parts: [`${keyword} ${name}${type} = `, value, semicolon] },
    removeNode(ctx.text, node),
  ];
}

function referencesIn(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node)) return node.text === name;
  return ts.forEachChild(node, (c) => (referencesIn(c, name) ? true : undefined)) ?? false;
}

function isWrite(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isBinaryExpression(p) && p.left === id) {
    const op = p.operatorToken.kind;
    return op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment;
  }
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) return true;
  // Destructuring assignments (`[x] = pair`) and `for (x of ...)` write too.
  if (ts.isArrayLiteralExpression(p) || ts.isShorthandPropertyAssignment(p) || ts.isPropertyAssignment(p) || ts.isSpreadElement(p)) return true;
  return (ts.isForInStatement(p) || ts.isForOfStatement(p)) && p.initializer === id;
}

/** Prettier's default width. */
const JOIN_WIDTH = 80;

/**
 * `if (\n    a ||\n    (b && flag)\n) {` folds to a one-line condition on three lines; the
 * engineer writes `if (a) {` once it fits.
 */
export function joinCondition(ctx: FoldContext, node: ts.IfStatement): Edit[] | null {
  const cond = node.expression;
  if (!ctx.isTouched(cond)) return null;
  const start = cond.getStart(ctx.sf);
  const end = cond.getEnd();
  const open = ctx.text.lastIndexOf('(', start);
  const close = ctx.text.indexOf(')', end);
  if (open < node.getStart(ctx.sf) || close === -1) return null;
  const before = ctx.text.slice(open + 1, start);
  const after = ctx.text.slice(end, close);
  if (!/^\s*$/.test(before) || !/^\s*$/.test(after) || !(before + after).includes('\n')) return null;
  const condition = ctx.text.slice(start, end);
  if (condition.includes('\n')) return null;
  const lineStart = ctx.text.lastIndexOf('\n', open) + 1;
  const lineEnd = ctx.text.indexOf('\n', close);
  const tail = ctx.text.slice(close, lineEnd === -1 ? ctx.text.length : lineEnd);
  if (open + 1 - lineStart + condition.length + tail.length > JOIN_WIDTH) return null;
  return [{ start: open + 1, end: close, parts: [{ start, end }] }];
}
