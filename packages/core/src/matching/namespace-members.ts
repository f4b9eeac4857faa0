/**
 * Helper namespaces: module-level objects whose members wrap the flag SDK, called through the
 * object (`Utils.getFlagsmithHasFeature('x')` on `const Utils = Object.assign({}, BaseUtils, {
 * getFlagsmithHasFeature(key) { return flagsmith.hasFeature(key) } })`), and static class
 * methods called through the class (`FeatureGate.on('x')`). Syntax only: the object is the one
 * the receiver's name is bound to, never another object that happens to have a member of that name.
 */
import ts from '../typescript.cjs';
import { isFunctionLikeValue, skipOuterExpressions } from './syntax.js';

/** A member of a helper object that can be a wrapper: a method, or a property holding a function. */
export type ObjectMember = ts.MethodDeclaration | ts.PropertyAssignment;

/**
 * The object literals a const's initializer builds its value from, the last (winning) one first,
 * and the identifiers it spreads or assigns from (`...Base`, `Object.assign({}, Base, {...})`),
 * in the same order. Empty for anything else.
 */
export function objectParts(init: ts.Expression | undefined): Array<ts.ObjectLiteralExpression | ts.Identifier> {
  const e = init && skipOuterExpressions(init);
  if (!e) return [];
  if (ts.isObjectLiteralExpression(e)) return [e];
  if (!isObjectAssign(e)) return [];
  const parts: Array<ts.ObjectLiteralExpression | ts.Identifier> = [];
  for (const arg of [...e.arguments].reverse()) {
    const a = skipOuterExpressions(arg);
    if (ts.isObjectLiteralExpression(a) || ts.isIdentifier(a)) parts.push(a);
  }
  return parts;
}

/** `Object.assign(...)` */
function isObjectAssign(e: ts.Expression): e is ts.CallExpression {
  if (!ts.isCallExpression(e)) return false;
  const callee = skipOuterExpressions(e.expression);
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object' && callee.name.text === 'assign';
}

/**
 * What the object has under `name`: the member that defines it (the last one wins, as at run
 * time), `null` when a member or spread the object cannot see through may define it, or the
 * identifiers spread into the object before that point (to look in next), when none of its own does.
 */
export function ownMember(obj: ts.ObjectLiteralExpression, name: string): ObjectMember | null | { spreads: ts.Identifier[] } {
  const spreads: ts.Identifier[] = [];
  for (const p of [...obj.properties].reverse()) {
    if (ts.isSpreadAssignment(p)) {
      const e = skipOuterExpressions(p.expression);
      if (!ts.isIdentifier(e)) return null;
      spreads.push(e);
      continue;
    }
    if (!p.name || memberName(p.name) !== name) continue;
    return ts.isMethodDeclaration(p) || ts.isPropertyAssignment(p) ? p : null;
  }
  return { spreads };
}

/** The wrapper-shaped members of an object literal (candidates for discovery). */
export function wrapperShapedMembers(obj: ts.ObjectLiteralExpression): ObjectMember[] {
  return obj.properties.filter(isWrapperShapedMember);
}

/** A named method with a body, or a named property holding a function. */
export function isWrapperShapedMember(p: ts.ObjectLiteralElementLike): p is ObjectMember {
  if (ts.isMethodDeclaration(p)) return p.body !== undefined && memberName(p.name) !== undefined;
  return ts.isPropertyAssignment(p) && memberName(p.name) !== undefined && isFunctionLikeValue(skipOuterExpressions(p.initializer));
}

/** Whether `node` is a member of an object literal (not of a class). */
export function isObjectMember(node: ts.Node): node is ObjectMember {
  return (ts.isMethodDeclaration(node) || ts.isPropertyAssignment(node)) && ts.isObjectLiteralExpression(node.parent);
}

/**
 * The module-level const (or `export default` expression) whose value an object member belongs
 * to, through `Object.assign(...)` and parentheses; undefined for an object anywhere else.
 */
export function memberHolder(member: ObjectMember): ts.VariableDeclaration | ts.ExportAssignment | undefined {
  let n: ts.Node = member.parent;
  while (ts.isObjectLiteralExpression(n) || ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || (ts.isCallExpression(n) && isObjectAssign(n))) n = n.parent;
  if (ts.isVariableDeclaration(n) && ts.isVariableDeclarationList(n.parent) && ts.isVariableStatement(n.parent.parent) && ts.isSourceFile(n.parent.parent.parent)) return n;
  return ts.isExportAssignment(n) && !n.isExportEquals ? n : undefined;
}

function memberName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}
