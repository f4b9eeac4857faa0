import ts from '../typescript.cjs';
import { skipOuterExpressions } from './syntax.js';

/**
 * The shapes of a wrapper's body, found syntactically: which expression is "the read" a call
 * of the function stands for. Real wrappers are rarely one bare `return read(k)`:
 *
 * - `return await getFlag(key, opts)`, `async (k) => await getFlag(k)`;
 * - guarded: `svc ? svc.read(K) : false`, `svc?.read(K) ?? false`, `svc && svc.read(K)`,
 *   `if (!svc) return false; return svc.read(K)`, `try { return read(K) } catch { return false }`;
 * - several statements: `const v = read(k); log(v); return v;`, `const { value } = await read(k); return value;`,
 *   `const gate = read(k); return gate.value;`;
 * - `!!read`, `Boolean(read)`, a property of the result: `(await read(k)).value`;
 * - a default from a parameter: `flags[key] ?? defaultValue`, `if (!client) return fallback`;
 * - another source first: `if (!ldEnabled()) return fromEnv(key); return flags[key];`.
 *
 * The rule: the `return`s (outside nested functions) that return something other than a fallback
 * (`true`, `false`, `null`, `undefined`, nothing, a parameter) are the candidates; each unwrapped
 * (or the const of a block around it initialised with it) is a possible read. The wrapper
 * registry keeps the one candidate that matches an accessor, and none when the body reads
 * anything else. A read combined with another condition (`return read(k) && !dryRun`) is no
 * wrapper: its calls do not have the flag's value, so the codemod could not fold them.
 */

/**
 * Every value the body returns besides fallbacks, unwrapped: the candidates for "the read". A
 * wrapper with another source besides its read (`if (!ldEnabled()) return fromEnv(key); return
 * flags[key] ?? defaultValue;`) has several; the caller keeps the one that reads a flag.
 */
export function returnedReads(fn: ts.FunctionLikeDeclaration): ts.Expression[] {
  const body = fn.body;
  if (!body) return [];
  const params = parameterNames(fn);
  if (!ts.isBlock(body)) return [unwrapRead(body, params)];
  const out: ts.Expression[] = [];
  for (const returned of mainReturns(body, params)) {
    const value = unwrapRead(returned, params);
    if (ts.isIdentifier(value)) {
      out.push(constInitializer(returned, body, value.text, params) ?? value);
      continue;
    }
    // `const gate = useFeatureGate(k); return gate.value;`: a property of a const holding a call's result.
    const holder = ts.isPropertyAccessExpression(value) ? skipOuterExpressions(value.expression) : undefined;
    const held = holder && ts.isIdentifier(holder) ? constInitializer(returned, body, holder.text, params) : undefined;
    out.push(held && isCallResult(held) ? held : value);
  }
  return out;
}

/** The non-fallback returned expressions of a block body (at most 4: more is not a wrapper). */
function mainReturns(body: ts.Block, params: ReadonlySet<string>): ts.Expression[] {
  const found: ts.Expression[] = [];
  // Explicit stack; nested functions and classes have their own returns.
  const stack: ts.Node[] = [...body.statements];
  while (stack.length > 0 && found.length <= 4) {
    const n = stack.pop()!;
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) continue;
    if (ts.isReturnStatement(n)) {
      if (n.expression && !isFallback(n.expression, params)) found.push(n.expression);
      continue;
    }
    // Only statements hold returns; expressions are not walked.
    if (ts.isExpressionStatement(n) || ts.isVariableStatement(n)) continue;
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return found.length <= 4 ? found.reverse() : [];
}

/** The names of `fn`'s plain parameters: `defaultValue` in `(key, defaultValue = false)`. */
function parameterNames(fn: ts.FunctionLikeDeclaration): ReadonlySet<string> {
  const names = new Set<string>();
  for (const p of fn.parameters) if (ts.isIdentifier(p.name)) names.add(p.name.text);
  return names;
}

/**
 * `const v = <init>` in a block around the `return v` (innermost first, up to the body: a
 * `try { const v = await read(k); return v ?? false; }` too): the value it returns; also
 * `const { value: v } = <init>`, a property of the result.
 */
function constInitializer(returned: ts.Node, body: ts.Block, name: string, params: ReadonlySet<string>): ts.Expression | undefined {
  for (let n: ts.Node | undefined = returned.parent; n; n = n.parent) {
    if (ts.isBlock(n)) {
      const found = constIn(n, name, params);
      if (found) return found;
    }
    if (n === body || ts.isFunctionLike(n)) break;
  }
  return undefined;
}

function constIn(block: ts.Block, name: string, params: ReadonlySet<string>): ts.Expression | undefined {
  for (const stmt of block.statements) {
    if (!ts.isVariableStatement(stmt) || (stmt.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const d of stmt.declarationList.declarations) {
      if (!d.initializer) continue;
      if (ts.isIdentifier(d.name) && d.name.text === name) return unwrapRead(d.initializer, params);
      const bound = ts.isObjectBindingPattern(d.name) && d.name.elements.some((el) => !el.dotDotDotToken && ts.isIdentifier(el.name) && el.name.text === name);
      if (bound && isCallResult(d.initializer)) return unwrapRead(d.initializer, params);
    }
  }
  return undefined;
}

/**
 * A value a guarded wrapper returns when it cannot read: `false`, `true`, `null`, `undefined`,
 * `void 0`, or one of its own parameters (`flags[key] ?? defaultValue`, `if (!client) return fallback`).
 */
function isFallback(expr: ts.Expression, params: ReadonlySet<string>): boolean {
  const e = skipOuterExpressions(expr);
  const k = e.kind;
  if (k === ts.SyntaxKind.TrueKeyword || k === ts.SyntaxKind.FalseKeyword || k === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isIdentifier(e)) return e.text === 'undefined' || params.has(e.text);
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
export function unwrapRead(expr: ts.Expression, params: ReadonlySet<string> = new Set()): ts.Expression {
  let e = skipOuterExpressions(expr);
  for (let i = 0; i < 16; i++) {
    if (ts.isAwaitExpression(e)) {
      e = skipOuterExpressions(e.expression);
    } else if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken && isDoubleNot(e)) {
      e = skipOuterExpressions((skipOuterExpressions(e.operand) as ts.PrefixUnaryExpression).operand);
    } else if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'Boolean' && e.arguments.length === 1) {
      e = skipOuterExpressions(e.arguments[0]);
    } else if (ts.isConditionalExpression(e) && isFallback(e.whenFalse, params) && !isFallback(e.whenTrue, params)) {
      e = skipOuterExpressions(e.whenTrue);
    } else if (ts.isConditionalExpression(e) && isFallback(e.whenTrue, params) && !isFallback(e.whenFalse, params)) {
      e = skipOuterExpressions(e.whenFalse);
    } else if (ts.isBinaryExpression(e) && isFallbackOperator(e.operatorToken.kind) && isFallback(e.right, params)) {
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
