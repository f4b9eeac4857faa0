import path from 'node:path';
import ts from '../typescript.cjs';
import type { Position, Span } from '../types.js';

/** Parse mode by extension; `.js`/`.jsx` may hold JSX, so they get a JSX-aware kind. */
export function scriptKindOf(file: string): ts.ScriptKind {
  switch (path.extname(file).toLowerCase()) {
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.jsx':
      return ts.ScriptKind.JSX;
    case '.js':
    case '.mjs':
    case '.cjs':
      return ts.ScriptKind.JS;
    case '.json':
      return ts.ScriptKind.JSON;
    default:
      return ts.ScriptKind.TS;
  }
}

/** Drops wrappers that do not change a value: parentheses, `as`, `satisfies`, `!`, `<T>x`. */
export function skipOuterExpressions(expr: ts.Expression): ts.Expression {
  let e = expr;
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e)) {
      e = e.expression;
    } else {
      return e;
    }
  }
}

/** `x as const`, possibly under `satisfies` / parentheses. */
export function isAsConst(expr: ts.Expression): boolean {
  let e = expr;
  for (;;) {
    if (ts.isAsExpression(e) || ts.isTypeAssertionExpression(e)) {
      const t = e.type;
      if (ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) && t.typeName.text === 'const') return true;
      e = e.expression;
    } else if (ts.isParenthesizedExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e)) {
      e = e.expression;
    } else {
      return false;
    }
  }
}

/** `Object.freeze({...})` returns the object literal. */
export function frozenObject(expr: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const e = skipOuterExpressions(expr);
  if (!ts.isCallExpression(e) || e.arguments.length !== 1) return undefined;
  const callee = e.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'freeze') return undefined;
  if (!ts.isIdentifier(callee.expression) || callee.expression.text !== 'Object') return undefined;
  const arg = skipOuterExpressions(e.arguments[0]);
  return ts.isObjectLiteralExpression(arg) ? arg : undefined;
}

/** Static text of a property name (`a`, `'a-b'`, `1`, `['a']`), else undefined. */
export function propertyNameText(name: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const e = skipOuterExpressions(name.expression);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  }
  return undefined;
}

export function spanOf(node: ts.Node, sf: ts.SourceFile): Span {
  return { start: node.getStart(sf), end: node.getEnd() };
}

export function positionOf(offset: number, sf: ts.SourceFile): Position {
  const lc = sf.getLineAndCharacterOfPosition(offset);
  return { line: lc.line + 1, column: lc.character + 1 };
}

export function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false);
}

export function hasDefaultModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) ?? false);
}

export function isConstDeclaration(decl: ts.VariableDeclaration): boolean {
  const list = decl.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
}

export function isFunctionLikeValue(e: ts.Expression): e is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e);
}

export interface PathOf {
  segments: string[];
  /** Identifier at the start of the chain, when the chain starts with one. */
  root?: ts.Identifier;
  /** What a chain without a root starts with (`getClient()` in `getClient()?.isOn`). */
  base?: ts.Expression;
}

/**
 * Names along a callee / object chain, outermost first: `this.flags?.isEnabled` →
 * [this, flags, isEnabled]. A chain that starts with a call or other expression has no root.
 */
export function pathOf(expr: ts.Expression, wildcard = false): PathOf {
  const reversed: string[] = [];
  let e = skipOuterExpressions(expr);
  let root: ts.Identifier | undefined;
  let base: ts.Expression | undefined;
  for (;;) {
    if (ts.isPropertyAccessExpression(e)) {
      reversed.push(e.name.text);
      e = skipOuterExpressions(e.expression);
    } else if (ts.isElementAccessExpression(e) && (ts.isStringLiteral(e.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(e.argumentExpression))) {
      reversed.push(e.argumentExpression.text);
      e = skipOuterExpressions(e.expression);
    } else if (wildcard && ts.isElementAccessExpression(e)) {
      // `flags[workspaceSlug]`: a container keyed by something else first (a `*` member segment).
      reversed.push('*');
      e = skipOuterExpressions(e.expression);
    } else if (ts.isIdentifier(e)) {
      reversed.push(e.text);
      root = e;
      break;
    } else if (e.kind === ts.SyntaxKind.ThisKeyword) {
      reversed.push('this');
      break;
    } else {
      reversed.push('');
      base = e;
      break;
    }
  }
  return base ? { segments: reversed.reverse(), root, base } : { segments: reversed.reverse(), root };
}
