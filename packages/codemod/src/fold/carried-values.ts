import ts from '../ts-morph-ts.cjs';
import { removeNode } from '../edit/layout.js';
import { replaceWith, withoutNested, type Edit } from '../edit/text-edits.js';
import { skipOuter, type FoldContext } from './fold-context.js';
import { referencesInScope, scopeOfDeclaration } from './scope.js';
import { isDependency, removeElement } from './variable-inliner.js';

/**
 * Values that only carried a folded flag read to a condition elsewhere in the same scope:
 *
 * - React state seeded with it and never set: `const [showNew, setShowNew] = useState(true)`
 *   with `setShowNew` unused (or not destructured) is the constant for the component's whole
 *   life. Each read of `showNew` becomes the literal, the state goes (a hook call whose result
 *   nobody reads and whose initial value is a literal has no other effect).
 * - A property of a local options object: `const opts = { useNewNav: true, size }` whose every
 *   use is a property read (`opts.size`, `opts.useNewNav`): each `opts.useNewNav` becomes the
 *   literal and the property leaves the object. An object that escapes (passed, spread,
 *   returned, written) may be read where this run cannot see: it stays as it is.
 */
export function inlineCarriedValue(ctx: FoldContext, decl: ts.VariableDeclaration): Edit[] | null {
  return frozenState(ctx, decl) ?? optionProperty(ctx, decl);
}

const STATE_HOOKS = new Set(['useState']);

function frozenState(ctx: FoldContext, decl: ts.VariableDeclaration): Edit[] | null {
  const pattern = decl.name;
  if (!ts.isArrayBindingPattern(pattern) || !decl.initializer || (decl.parent.flags & ts.NodeFlags.Const) === 0) return null;
  const init = skipOuter(decl.initializer);
  if (!ts.isCallExpression(init) || !isStateHook(init.expression) || init.arguments.length !== 1) return null;
  const c = ctx.constantOf(skipOuter(init.arguments[0]));
  const [value, setter, ...more] = pattern.elements;
  if (!c || more.length > 0 || !value || !ts.isBindingElement(value) || !ts.isIdentifier(value.name) || value.initializer || value.dotDotDotToken) return null;
  const statement = decl.parent.parent;
  if (!ts.isVariableStatement(statement) || statement.declarationList.declarations.length !== 1) return null;
  const scope = scopeOfDeclaration(decl);
  if (setter && !ts.isOmittedExpression(setter)) {
    if (!ts.isBindingElement(setter) || !ts.isIdentifier(setter.name)) return null;
    // The state changes: it is no constant.
    if (referencesInScope(scope, setter.name.text).some((r) => r !== setter.name)) return null;
  }
  const edits = replaceReads(ctx, scope, value.name, ctx.textOf(skipOuter(init.arguments[0])), (ref) => ref === value.name);
  if (!edits) return null;
  edits.push(removeNode(ctx.text, statement));
  return withoutNested(edits);
}

function isStateHook(callee: ts.Expression): boolean {
  if (ts.isIdentifier(callee)) return STATE_HOOKS.has(callee.text);
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'React' && STATE_HOOKS.has(callee.name.text);
}

function optionProperty(ctx: FoldContext, decl: ts.VariableDeclaration): Edit[] | null {
  if (!ts.isIdentifier(decl.name) || !decl.initializer || (decl.parent.flags & ts.NodeFlags.Const) === 0) return null;
  const object = skipOuter(decl.initializer);
  if (!ts.isObjectLiteralExpression(object)) return null;
  const statement = decl.parent.parent;
  if (!ts.isVariableStatement(statement) || statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return null;
  const prop = object.properties.find((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && ctx.constantOf(skipOuter(p.initializer)) !== undefined) as ts.PropertyAssignment | undefined;
  if (!prop) return null;
  const key = (prop.name as ts.Identifier).text;
  // A later property or spread of the same name would decide the value instead.
  if (object.properties.some((p) => p !== prop && (ts.isSpreadAssignment(p) || (p.name && ts.isIdentifier(p.name) && p.name.text === key)))) return null;
  const refs = referencesInScope(scopeOfDeclaration(decl), decl.name.text).filter((r) => r !== decl.name);
  const reads: ts.PropertyAccessExpression[] = [];
  for (const ref of refs) {
    const access = ref.parent;
    if (!ts.isPropertyAccessExpression(access) || access.expression !== ref || isWritten(access)) return null;
    if (access.name.text === key) reads.push(access);
  }
  // Nobody reads it here: the object may be a value in its own right (a global of a script).
  if (reads.length === 0) return null;
  const literal = ctx.textOf(skipOuter(prop.initializer));
  const edits: Edit[] = reads.map((r) => replaceWith(r.getStart(ctx.sf), r.getEnd(), literal, true));
  edits.push(removeProperty(ctx, object, prop));
  return withoutNested(edits);
}

/** Every read of `name` becomes the literal; null when one of them is a write or an export. */
function replaceReads(ctx: FoldContext, scope: ts.Node, name: ts.Identifier, literal: string, own: (ref: ts.Identifier) => boolean): Edit[] | null {
  const edits: Edit[] = [];
  for (const ref of referencesInScope(scope, name.text)) {
    if (own(ref)) continue;
    const p = ref.parent;
    if (ts.isExportSpecifier(p) || ts.isTypeQueryNode(p) || isWritten(ref)) return null;
    const at = ref.getStart(ctx.sf);
    if (ts.isShorthandPropertyAssignment(p)) {
      edits.push(replaceWith(at, at, `${name.text}: `));
      edits.push(replaceWith(at, ref.getEnd(), literal, true));
    } else if (isDependency(ref)) {
      edits.push(removeElement(ctx, p as ts.ArrayLiteralExpression, ref));
    } else {
      edits.push(replaceWith(at, ref.getEnd(), literal, true));
    }
  }
  return edits;
}

function isWritten(node: ts.Node): boolean {
  const p = node.parent;
  if (ts.isBinaryExpression(p) && p.left === node) return p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) return true;
  return ts.isDeleteExpression(p);
}

function removeProperty(ctx: FoldContext, object: ts.ObjectLiteralExpression, prop: ts.ObjectLiteralElementLike): Edit {
  const props = object.properties;
  const i = props.indexOf(prop);
  if (object.getText(ctx.sf).includes('\n')) {
    // One property a line: its line goes, with the comma after it.
    const after = /^\s*,/.exec(ctx.text.slice(prop.getEnd()));
    const start = ctx.text.lastIndexOf('\n', prop.getStart(ctx.sf) - 1) + 1;
    const end = prop.getEnd() + (after ? after[0].length : 0);
    const nl = ctx.text.indexOf('\n', end);
    if (/^\s*$/.test(ctx.text.slice(start, prop.getStart(ctx.sf))) && nl !== -1 && /^\s*$/.test(ctx.text.slice(end, nl))) return replaceWith(start, nl + 1, '');
  }
  if (props.length === 1) return replaceWith(prop.getStart(ctx.sf), prop.getEnd(), '');
  if (i < props.length - 1) return replaceWith(prop.getStart(ctx.sf), props[i + 1].getStart(ctx.sf), '');
  return replaceWith(props[i - 1].getEnd(), prop.getEnd(), '');
}
