import ts from '../ts-morph-ts.cjs';
import { isCallAccessor, isDefineAccessor, isMemberAccessor, type AccessorReturns, type FlagRead, type Span } from '@flagdebt/core';

/**
 * How one read may be folded: the span that becomes the value (and, for a destructured value
 * property, the pattern that becomes a plain name), or why it stays.
 */
export type ReadShape = { fold: Span; rename?: { span: Span; text: string } } | { keep: string; code: 'remove/not-a-value' | 'remove/in-mock-setup' | 'remove/assertion' };

/**
 * Calls whose arguments describe a test double, not a read to fold: ts-mockito
 * `when(x.isOn(X)).thenResolve(true)`, typemoq `setup(e => e.isOn(X))`, `verify(...)`, spies and
 * stubs. Folding there turns a stub into `when(false)` or `setup(e => true)`.
 */
const MOCK_CALLS = new Set(['when', 'setup', 'verify', 'spyOn', 'fn', 'stub', 'mock', 'calledWith', 'calledWithExactly', 'thenReturn', 'thenResolve', 'thenReject', 'thenCall', 'returns', 'mockImplementation', 'mockImplementationOnce', 'mockReturnValue', 'mockReturnValueOnce', 'mockResolvedValue', 'mockResolvedValueOnce', 'toHaveBeenCalledWith', 'toBeCalledWith', 'toHaveBeenLastCalledWith', 'toHaveBeenNthCalledWith', 'capture']);
/** Assertions about a value: `expect(read).toBe(true)` must not become `expect(false).toBe(true)`. */
const ASSERT_CALLS = new Set(['expect', 'assert', 'ok', 'equal', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'notEqual', 'notStrictEqual', 'isTrue', 'isFalse']);

function calleeName(call: ts.CallExpression): string | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** The innermost mock or assertion call whose arguments hold `node`, up to the enclosing statement. */
function enclosingTestCall(node: ts.Node): { kind: 'mock' | 'assert'; name: string } | undefined {
  for (let child = node, n = node.parent; n && !ts.isSourceFile(n) && !ts.isBlock(n); child = n, n = n.parent) {
    if (!ts.isCallExpression(n) || !n.arguments.includes(child as ts.Expression)) continue;
    const name = calleeName(n);
    if (name && MOCK_CALLS.has(name)) return { kind: 'mock', name };
    if (name && ASSERT_CALLS.has(name)) return { kind: 'assert', name };
  }
  return undefined;
}

const isFunctionArg = (a: ts.Expression) => ts.isArrowFunction(a) || ts.isFunctionExpression(a);

/** Decides, from the syntax around a read and its accessor's `returns`, what folding it means. */
export function readShape(sf: ts.SourceFile, read: FlagRead, node: ts.Expression): ReadShape {
  const test = enclosingTestCall(node);
  if (test?.kind === 'mock') return { keep: `this read is inside a test double's setup (\`${test.name}(...)\`), not a read to fold`, code: 'remove/in-mock-setup' };
  if (test?.kind === 'assert') return { keep: `this read is asserted on (\`${test.name}(...)\`): folding would turn the test into an assertion about a constant; delete or rewrite the test by hand`, code: 'remove/assertion' };
  let outer: ts.Expression = node;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const parent = outer.parent;
  const span = (n: ts.Node): Span => ({ start: n.getStart(sf), end: n.getEnd() });
  // Gates and keys in data never reach here (they are not folded): a call or member accessor.
  const { returns, valueProperty: property } = readResult(read);
  const where = `${read.via}(...)`;
  // `@FeatureFlagDecorators(Flag.key, [IsOptional(), IsArray()])` applies decorators while the
  // flag is on: a literal there (`@true`) does not compile. What it applies is for a human to keep or drop.
  if (ts.isDecorator(parent)) return { keep: `the read is a decorator (\`@${read.via}(...)\`): it applies code, it is not a value; keep what it applies, or drop it, by hand`, code: 'remove/not-a-value' };
  // `app.use('/analytics', isFeatureFlagEnabled('analytics'), route)`: a middleware factory that
  // gates a route; `true` in a handler's place would crash the server at start-up.
  if (ts.isCallExpression(parent) && parent.arguments.some((a) => a === outer) && isRouteRegistration(parent)) {
    return { keep: `the read is passed as a route handler (\`${parent.expression.getText(sf)}(...)\`): it returns a middleware, not a value; remove it from the route, or the route, by hand`, code: 'remove/not-a-value' };
  }
  if (ts.isAwaitExpression(parent)) return { fold: span(parent) };
  // `useLiveData(flags.x.$)`, `useObservable(flags.observe('x'))`: a configured `unwrap` call of
  // the read's observable is the flag's value.
  const unwrapped = unwrapCall(read, outer);
  if (unwrapped) return { fold: span(unwrapped) };
  if (returns === 'observable') return { keep: `${where} returns an observable ("returns": "observable"), which has no single value to fold`, code: 'remove/not-a-value' };
  if (returns === 'promise') return { keep: `${where} returns a Promise ("returns": "promise"): only \`await ${read.via}(...)\` folds`, code: 'remove/not-a-value' };
  if (returns === 'object') {
    if (property && ts.isPropertyAccessExpression(parent) && parent.expression === outer && parent.name.text === property) return { fold: span(parent) };
    // `const { enabled } = useFlag(K)`, `const { enabled: isOn } = useFlag(K)`: the name takes the value.
    const only = property ? soleBinding(parent, outer, property) : undefined;
    if (only) return { fold: span(outer), rename: { span: span(only.pattern), text: only.name } };
    return { keep: property ? `only \`.${property}\` of this read is the flag's value ("valueProperty": "${property}")` : `${where} returns an object ("returns": "object") and has no \`valueProperty\``, code: 'remove/not-a-value' };
  }
  if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === outer) {
    const name = ts.isPropertyAccessExpression(parent) ? `.${parent.name.text}` : '[...]';
    return { keep: `the read is used as an object (\`${name}\`), not as a value; set the accessor's "returns" (and "valueProperty") in the config`, code: 'remove/not-a-value' };
  }
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent) || ts.isTaggedTemplateExpression(parent)) && ('expression' in parent ? parent.expression === outer : parent.tag === outer)) {
    return { keep: 'the read is called, not used as a value', code: 'remove/not-a-value' };
  }
  if (ts.isCallExpression(node) && node.arguments.some(isFunctionArg) && returns === undefined) {
    return { keep: `${where} is given a callback: it subscribes rather than reads a value; set the accessor's "returns" in the config if it is a plain value`, code: 'remove/not-a-value' };
  }
  return { fold: read.span };
}

/**
 * The `unwrap` call (its first argument the read's observable: the read itself for `returns:
 * "observable"`, else its `observableProperty`) that `outer` sits in, if any.
 */
function unwrapCall(read: FlagRead, outer: ts.Expression): ts.CallExpression | undefined {
  if (!isCallAccessor(read.accessor) && !isMemberAccessor(read.accessor)) return undefined;
  const { returns, observableProperty, unwrap } = read.accessor;
  if (!unwrap?.length) return undefined;
  let observable: ts.Expression = outer;
  if (observableProperty !== undefined) {
    const parent = observable.parent;
    if (!ts.isPropertyAccessExpression(parent) || parent.expression !== observable || parent.name.text !== observableProperty) return undefined;
    observable = parent;
  } else if (returns !== 'observable') return undefined;
  while (ts.isParenthesizedExpression(observable.parent)) observable = observable.parent;
  const call = observable.parent;
  // The observable first; an initial value after it (`useObservable(obs$, false)`) may go with the call if it computes nothing.
  if (!ts.isCallExpression(call) || call.arguments[0] !== observable || !call.arguments.slice(1).every(isInert)) return undefined;
  const name = calleeName(call);
  return name !== undefined && unwrap.includes(name) ? call : undefined;
}

/** A literal, a name or a function expression: dropping it drops no side effect. */
function isInert(e: ts.Expression): boolean {
  return ts.isLiteralExpression(e) || ts.isIdentifier(e) || ts.isArrowFunction(e) || ts.isFunctionExpression(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword;
}

/**
 * `const { enabled } = read` or `const { enabled: alias } = read` naming only `property`: the
 * pattern and the name it binds. Another property beside it (`{ enabled, loading }`) needs the
 * object, so the read stays.
 */
function soleBinding(parent: ts.Node, outer: ts.Expression, property: string): { pattern: ts.ObjectBindingPattern; name: string } | undefined {
  if (!ts.isVariableDeclaration(parent) || parent.initializer !== outer || !ts.isObjectBindingPattern(parent.name)) return undefined;
  const [el, ...rest] = parent.name.elements;
  if (!el || rest.length > 0 || el.dotDotDotToken || !ts.isIdentifier(el.name)) return undefined;
  const named = el.propertyName === undefined ? el.name.text : ts.isIdentifier(el.propertyName) || ts.isStringLiteral(el.propertyName) ? el.propertyName.text : undefined;
  return named === property ? { pattern: parent.name, name: el.name.text } : undefined;
}

/** What the read returns: a defined flag (`await showBanner()`) always returns a Promise. */
function readResult(read: FlagRead): { returns?: AccessorReturns; valueProperty?: string } {
  if (isCallAccessor(read.accessor) || isMemberAccessor(read.accessor)) return read.accessor;
  return isDefineAccessor(read.accessor) ? { returns: 'promise' } : {};
}

/** The expression spanning exactly `span`. */
export function expressionAt(sf: ts.SourceFile, span: Span): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (n: ts.Node): void => {
    if (found || n.getEnd() < span.start || n.pos > span.start) return;
    if (n.getStart(sf) === span.start && n.getEnd() === span.end && ts.isExpression(n)) found = n;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

/**
 * The statement that only asserts on a read's value (`expect(read).toBe(true);`,
 * `await expect(read).resolves.toBe(true);`, `assert.equal(read, true);`): once the flag is
 * gone the assertion is about a constant, so the statement goes (never turned into
 * `expect(false).toBe(true)`). Undefined when the read is asserted on inside a larger expression.
 */
export function assertionStatement(node: ts.Expression): ts.ExpressionStatement | undefined {
  let outer: ts.Node = node;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const call = outer.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== outer) return undefined;
  const name = calleeName(call);
  const isExpect = name === 'expect' && ts.isIdentifier(call.expression);
  const isAssert = (ts.isIdentifier(call.expression) && name === 'assert') || (ts.isPropertyAccessExpression(call.expression) && ts.isIdentifier(call.expression.expression) && call.expression.expression.text === 'assert');
  if (!isExpect && !isAssert) return undefined;
  let n: ts.Node = call;
  while (ts.isPropertyAccessExpression(n.parent) || (ts.isCallExpression(n.parent) && n.parent.expression === n) || ts.isAwaitExpression(n.parent)) n = n.parent;
  return ts.isExpressionStatement(n.parent) && n.parent.expression === n ? n.parent : undefined;
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'options', 'head']);

/**
 * `app.use(...)`, `router.use(...)`, or `router.get('/path', ...)` and the other verbs with a path
 * first (Express, Koa router, Fastify-style): every argument after the path is a handler.
 */
function isRouteRegistration(call: ts.CallExpression): boolean {
  if (!ts.isPropertyAccessExpression(call.expression)) return false;
  const method = call.expression.name.text;
  if (method === 'use') return true;
  const first = call.arguments[0];
  return ROUTE_METHODS.has(method) && first !== undefined && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first) || ts.isTemplateExpression(first));
}

