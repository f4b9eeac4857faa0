import ts from '../typescript.cjs';
import { skipOuterExpressions } from './syntax.js';

/**
 * The shapes of a wrapper's body, found syntactically: which expression is "the read" a call
 * of the function stands for. Real wrappers are rarely one bare `return read(k)`:
 *
 * - `return await getFlag(key, opts)`, `async (k) => await getFlag(k)`;
 * - guarded: `svc ? svc.read(K) : false`, `svc?.read(K) ?? false`, `svc && svc.read(K)`,
 *   `if (!svc) return false; return svc.read(K)`, `try { return read(K) } catch { return false }`;
 * - several statements: `const v = read(k); log(v); return v;`, `const { value } = await read(k); return value;`;
 * - `!!read`, `Boolean(read)`, a property of the result: `(await read(k)).value`.
 *
 * The rule: exactly one `return` (outside nested functions) returns something other than a
 * fallback literal (`true`, `false`, `null`, `undefined`, nothing); that value, unwrapped, is
 * the read (or a const of the body initialised with it).
 */
export function returnedRead(fn: ts.FunctionLikeDeclaration): ts.Expression | undefined {
  const body = fn.body;
  if (!body) return undefined;
  if (!ts.isBlock(body)) return unwrapRead(body);
  const returned = mainReturn(body);
  if (!returned) return undefined;
  const value = unwrapRead(returned);
  return ts.isIdentifier(value) ? (constInitializer(body, value.text) ?? value) : value;
}

/** The one non-fallback returned expression of a block body, if there is exactly one. */
function mainReturn(body: ts.Block): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  let count = 0;
  // Explicit stack; nested functions and classes have their own returns.
  const stack: ts.Node[] = [...body.statements];
  while (stack.length > 0 && count <= 1) {
    const n = stack.pop()!;
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) continue;
    if (ts.isReturnStatement(n)) {
      if (n.expression && !isFallback(n.expression)) {
        found = n.expression;
        count++;
      }
      continue;
    }
    // Only statements hold returns; expressions are not walked.
    if (ts.isExpressionStatement(n) || ts.isVariableStatement(n)) continue;
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return count === 1 ? found : undefined;
}

/**
 * `const v = <init>` among the body's top-level statements: the value `return v` returns; also
 * `const { value: v } = <init>`, a property of the result.
 */
function constInitializer(body: ts.Block, name: string): ts.Expression | undefined {
  for (const stmt of body.statements) {
    if (!ts.isVariableStatement(stmt) || (stmt.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const d of stmt.declarationList.declarations) {
      if (!d.initializer) continue;
      if (ts.isIdentifier(d.name) && d.name.text === name) return unwrapRead(d.initializer);
      const bound = ts.isObjectBindingPattern(d.name) && d.name.elements.some((el) => !el.dotDotDotToken && ts.isIdentifier(el.name) && el.name.text === name);
      if (bound && isCallResult(d.initializer)) return unwrapRead(d.initializer);
    }
  }
  return undefined;
}

/** A value a guarded wrapper returns when it cannot read: `false`, `true`, `null`, `undefined`, `void 0`. */
function isFallback(expr: ts.Expression): boolean {
  const e = skipOuterExpressions(expr);
  const k = e.kind;
  if (k === ts.SyntaxKind.TrueKeyword || k === ts.SyntaxKind.FalseKeyword || k === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isIdentifier(e) && e.text === 'undefined') return true;
  return ts.isVoidExpression(e);
}

/** A guard: a name or property chain tested before the read (`svc && svc.read(K)`). */
function isGuard(expr: ts.Expression): boolean {
  let e = skipOuterExpressions(expr);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) e = skipOuterExpressions(e.operand);
  while (ts.isPropertyAccessExpression(e)) e = skipOuterExpressions(e.expression);
  return ts.isIdentifier(e) || e.kind === ts.SyntaxKind.ThisKeyword;
}

/** Strips what does not change which flag is read: `await`, `!!`, `Boolean()`, guards with a fallback. */
export function unwrapRead(expr: ts.Expression): ts.Expression {
  let e = skipOuterExpressions(expr);
  for (let i = 0; i < 16; i++) {
    if (ts.isAwaitExpression(e)) {
      e = skipOuterExpressions(e.expression);
    } else if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken && isDoubleNot(e)) {
      e = skipOuterExpressions((skipOuterExpressions(e.operand) as ts.PrefixUnaryExpression).operand);
    } else if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'Boolean' && e.arguments.length === 1) {
      e = skipOuterExpressions(e.arguments[0]);
    } else if (ts.isConditionalExpression(e) && isFallback(e.whenFalse) && !isFallback(e.whenTrue)) {
      e = skipOuterExpressions(e.whenTrue);
    } else if (ts.isConditionalExpression(e) && isFallback(e.whenTrue) && !isFallback(e.whenFalse)) {
      e = skipOuterExpressions(e.whenFalse);
    } else if (ts.isBinaryExpression(e) && isFallbackOperator(e.operatorToken.kind) && isFallback(e.right)) {
      e = skipOuterExpressions(e.left);
    } else if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && isGuard(e.left)) {
      e = skipOuterExpressions(e.right);
    } else if (ts.isPropertyAccessExpression(e) && isCallResult(e.expression)) {
      // A property of the result: `(await featureFlags(q)).value`, `useFeature(k).on`.
      e = skipOuterExpressions(e.expression);
    } else {
      break;
    }
  }
  return e;
}

function isCallResult(expr: ts.Expression): boolean {
  const e = skipOuterExpressions(expr);
  return ts.isCallExpression(e) || (ts.isAwaitExpression(e) && ts.isCallExpression(skipOuterExpressions(e.expression)));
}

function isDoubleNot(e: ts.PrefixUnaryExpression): boolean {
  const inner = skipOuterExpressions(e.operand);
  return ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken;
}

function isFallbackOperator(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.QuestionQuestionToken || kind === ts.SyntaxKind.BarBarToken;
}
