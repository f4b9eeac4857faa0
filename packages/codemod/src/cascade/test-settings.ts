import ts from '../ts-morph-ts.cjs';
import type { FlagValue } from '@flagdebt/core';

/**
 * Where a test file sets a flag to a fixed value: a mock (`mockFlag('new-nav', false)`), a stub
 * (`getNewNavEnabled: () => false`, `vi.mocked(useNewNav).mockReturnValue(false)`), an override
 * (`{ newNav: false }`), an environment variable (`process.env.NEW_NAV = 'false'`,
 * `vi.stubEnv('NEW_NAV', 'false')`). Only the setting is found here; which test it belongs to is
 * dead-tests.ts's business.
 */
export interface FlagSetting {
  /** The node that sets the flag (a call, an assignment, an object property). */
  node: ts.Node;
  /** The value set, or the callback parameter it comes from (an `each` table's column). */
  value: { fixed: FlagValue } | { param: ts.ParameterDeclaration; property?: string };
  /** The statement that does nothing but this setting (deleted once the setting is pointless). */
  statement?: ts.ExpressionStatement;
  /** A property spelled like the flag with a literal value (`flags: { newNav: true }`): an override. */
  override?: boolean;
}

/** How a flag can be spelled in test code. */
export class FlagNames {
  private readonly exact = new Set<string>();
  /** The key and the names spelled from it (not the names bound to it, not the wrappers). */
  private readonly spelled = new Set<string>();
  /** Spellings that count only inside quotes. */
  private readonly quoted = new Set<string>();
  private readonly inside: RegExp[] = [];
  private readonly env: RegExp;

  /**
   * `words`: names bound to the key in the project (`NEW_NAV = 'new-nav'`) and the flag's wrapper
   * functions (`useNewNav`), as the read search found them.
   */
  constructor(
    readonly key: string,
    words: Iterable<string>,
  ) {
    const parts = key
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((p) => p.toLowerCase());
    const pascal = parts.map((p) => p[0].toUpperCase() + p.slice(1)).join('');
    const camel = pascal ? pascal[0].toLowerCase() + pascal.slice(1) : '';
    const screaming = parts.join('_').toUpperCase();
    // A one-word short key (`search`) names too many unrelated things: only the key as a string
    // (`mockFlag('search', false)`, `{ 'search': false }`) and names bound to it count.
    const distinctive = parts.length > 1 || camel.length >= 8;
    this.quoted.add(key);
    for (const w of distinctive ? [key, camel, pascal, screaming, parts.join('_'), parts.join('-')] : []) if (w) this.spelled.add(w);
    for (const w of [...this.spelled, ...words]) if (w) this.exact.add(w);
    this.env = distinctive ? new RegExp(`(^|_)${screaming}$`) : /(?!)/;
    if (distinctive) {
      this.inside.push(new RegExp(`(^|[a-z0-9_$])${pascal}($|[A-Z0-9_])`), new RegExp(`^${camel}($|[A-Z0-9_])`), new RegExp(`(^|_)${screaming}($|_)`));
    }
  }

  /** Cheap pre-filter: the text spells the flag somehow. */
  mentionedIn(text: string): boolean {
    for (const w of [...this.exact, ...this.quoted]) if (text.includes(w)) return true;
    return false;
  }

  /** A property, function or variable name that stands for the flag (`newNav`, `isNewNavEnabled`). */
  isName(name: string, quoted = false): boolean {
    return (quoted && this.quoted.has(name)) || this.exact.has(name) || this.inside.some((re) => re.test(name));
  }

  /** The flag's own spelling as a property name (`newNav`, `'new-nav'`), not a getter's or a wrapper's. */
  isSpelling(name: string, quoted: boolean): boolean {
    return this.spelled.has(name) || (quoted && name === this.key);
  }

  /** An environment variable for the flag (`NEW_NAV`, `VITE_FEATURE_NEW_NAV`). */
  isEnvName(name: string): boolean {
    return this.env.test(name) || this.exact.has(name);
  }

  /** An expression that names the flag: the key, a constant bound to it, a name standing for it. */
  isNamedBy(expr: ts.Expression): boolean {
    const e = skipOuter(expr);
    if (ts.isStringLiteralLike(e)) return this.isName(e.text, true);
    if (ts.isIdentifier(e)) return this.isName(e.text);
    if (ts.isPropertyAccessExpression(e)) return this.isName(e.name.text);
    if (ts.isElementAccessExpression(e)) return this.isNamedBy(e.argumentExpression);
    if (ts.isCallExpression(e)) return this.isNamedBy(e.expression) || e.arguments.some((a) => this.isNamedBy(a));
    return false;
  }
}

const RETURNING_CALLS = new Set(['mockReturnValue', 'mockReturnValueOnce', 'mockResolvedValue', 'mockResolvedValueOnce', 'mockImplementation', 'mockImplementationOnce', 'returns', 'resolves', 'thenReturn', 'thenResolve']);
/** Calls that only describe the test, or assert: a flag named in them is not set by them. */
const NOT_SETTINGS = new Set(['expect', 'assert', 'describe', 'it', 'test', 'context', 'suite', 'specify', 'each', 'only', 'skip', 'todo', 'concurrent', 'sequential', 'fails', 'mock', 'doMock', 'unmock']);

/**
 * Every setting of the flag in `sf`. `isAccessor` tells the flag SDK's own calls apart: a read
 * left in place (`when(flags.isEnabled('new-nav', false))`) has a default, not a setting.
 */
export function flagSettings(sf: ts.SourceFile, names: FlagNames, isAccessor: (callee: string) => boolean): FlagSetting[] {
  const out: FlagSetting[] = [];
  const visit = (n: ts.Node): void => {
    if (insideAssertion(n)) return;
    const found = settingAt(n, names, isAccessor);
    if (found) {
      out.push({ ...found, statement: standaloneStatement(ts.isCallExpression(n) || ts.isBinaryExpression(n) ? n : soleOverrideCall(n)) });
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function settingAt(n: ts.Node, names: FlagNames, isAccessor: (callee: string) => boolean): Pick<FlagSetting, 'node' | 'value' | 'override'> | undefined {
  if (ts.isCallExpression(n)) {
    const callee = calleeName(n);
    // `vi.mocked(useNewNav).mockReturnValue(false)`, `vi.spyOn(flags, 'isNewNavEnabled').mockReturnValue(false)`
    if (callee && RETURNING_CALLS.has(callee) && ts.isPropertyAccessExpression(n.expression) && names.isNamedBy(n.expression.expression) && n.arguments.length > 0) {
      const value = valueOf(n.arguments[0], callee.startsWith('mockImplementation'));
      return value ? { node: n, value } : undefined;
    }
    if (!callee || NOT_SETTINGS.has(callee) || isAccessor(n.expression.getText())) return undefined;
    // `mockFlag('new-nav', false)`, `vi.stubEnv('NEW_NAV', 'false')`, `setFlag(FLAGS.NEW_NAV, false)`
    const naming = n.arguments.filter((a) => names.isNamedBy(a) && !ts.isCallExpression(skipOuter(a)));
    const others = n.arguments.filter((a) => !naming.includes(a));
    if (naming.length === 1 && others.length === 1) {
      const value = valueOf(others[0], false) ?? paramOf(others[0]);
      return value ? { node: n, value } : undefined;
    }
    // `setFeatureFlag(page, FLAGS.NEW_NAV, true)`: a context first. Only a boolean counts then, and
    // the rest must be names (`page`, `this.app`): `track(page, FLAGS.NEW_NAV, 'shown')` sets nothing.
    if (naming.length === 1 && others.length > 1) {
      const booleans = others.filter((a) => isBooleanLiteral(a));
      const context = others.filter((a) => !booleans.includes(a));
      if (booleans.length !== 1 || !context.every(isNameChain)) return undefined;
      return { node: n, value: valueOf(booleans[0], false)! };
    }
    return undefined;
  }
  // `{ newNav: false }`, `getNewNavEnabled: () => false`, `isNewNavEnabled() { return false; }`
  if ((ts.isPropertyAssignment(n) || ts.isMethodDeclaration(n)) && ts.isObjectLiteralExpression(n.parent) && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name)) && names.isName(n.name.text, ts.isStringLiteral(n.name))) {
    const value = ts.isPropertyAssignment(n) ? (valueOf(n.initializer, true) ?? paramOf(n.initializer)) : functionValue(n);
    if (!value) return undefined;
    const override = ts.isPropertyAssignment(n) && valueOf(n.initializer, false) !== undefined && names.isSpelling(n.name.text, ts.isStringLiteral(n.name));
    return { node: n, value, ...(override ? { override } : {}) };
  }
  // `process.env.NEW_NAV = 'false'`, `window.flags.newNav = false`
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = skipOuter(n.left);
    const name = ts.isPropertyAccessExpression(target) ? target.name.text : ts.isElementAccessExpression(target) && ts.isStringLiteralLike(target.argumentExpression) ? target.argumentExpression.text : undefined;
    if (!name) return undefined;
    const env = /(^|\.)env$/.test((target as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression.getText());
    if (env ? !names.isEnvName(name) : !names.isName(name, ts.isElementAccessExpression(target))) return undefined;
    const value = valueOf(n.right, false) ?? paramOf(n.right);
    return value ? { node: n, value } : undefined;
  }
  return undefined;
}

/**
 * The fixed value an expression gives the flag: a literal, or (for a stub) a function or mock
 * returning one: `() => false`, `vi.fn(() => false)`, `vi.fn().mockReturnValue(false)`.
 */
function valueOf(expr: ts.Expression, stub: boolean): { fixed: FlagValue } | undefined {
  const e = skipOuter(expr);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return { fixed: true };
  if (e.kind === ts.SyntaxKind.FalseKeyword) return { fixed: false };
  if (ts.isStringLiteralLike(e)) return { fixed: e.text };
  if (ts.isNumericLiteral(e)) return { fixed: Number(e.text) };
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return { fixed: -Number(e.operand.text) };
  if (!stub) return undefined;
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return functionValue(e);
  if (ts.isCallExpression(e)) {
    const name = calleeName(e);
    // `Promise.resolve(false)`, `vi.fn(() => false)`, `jest.fn().mockReturnValue(false)`
    if ((name === 'resolve' || name === 'fn') && e.arguments.length === 1) return valueOf(e.arguments[0], name === 'fn');
    if (name && RETURNING_CALLS.has(name) && e.arguments.length === 1) return valueOf(e.arguments[0], name.startsWith('mockImplementation'));
  }
  return undefined;
}

function functionValue(fn: ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration): { fixed: FlagValue } | undefined {
  if (!fn.body) return undefined;
  if (!ts.isBlock(fn.body)) return valueOf(fn.body, false);
  const only = fn.body.statements.length === 1 ? fn.body.statements[0] : undefined;
  return only && ts.isReturnStatement(only) && only.expression ? valueOf(only.expression, false) : undefined;
}

/** A callback parameter (or a property of a destructured one) passed as the value: an `each` column. */
function paramOf(expr: ts.Expression): FlagSetting['value'] | undefined {
  const e = skipOuter(expr);
  if (!ts.isIdentifier(e)) return undefined;
  for (let n: ts.Node | undefined = e.parent; n; n = n.parent) {
    if (!ts.isArrowFunction(n) && !ts.isFunctionExpression(n)) continue;
    for (const p of n.parameters) {
      if (ts.isIdentifier(p.name) && p.name.text === e.text) return { param: p };
      if (ts.isObjectBindingPattern(p.name)) {
        const el = p.name.elements.find((b) => ts.isIdentifier(b.name) && b.name.text === e.text);
        if (el) return { param: p, property: el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : e.text };
      }
    }
  }
  return undefined;
}

function isBooleanLiteral(expr: ts.Expression): boolean {
  const k = skipOuter(expr).kind;
  return k === ts.SyntaxKind.TrueKeyword || k === ts.SyntaxKind.FalseKeyword;
}

/** `page`, `this.app`, `ctx.browser`: a context handed along, no value. */
function isNameChain(expr: ts.Expression): boolean {
  let e = skipOuter(expr);
  while (ts.isPropertyAccessExpression(e)) e = e.expression;
  return ts.isIdentifier(e) || e.kind === ts.SyntaxKind.ThisKeyword;
}

export function skipOuter(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e) || ts.isAwaitExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
  return e;
}

export function calleeName(call: ts.CallExpression): string | undefined {
  const c = call.expression;
  if (ts.isIdentifier(c)) return c.text;
  if (ts.isPropertyAccessExpression(c)) return c.name.text;
  return undefined;
}

/** Inside `expect(...)` or `assert...(...)`: what is asserted, not set up. */
function insideAssertion(n: ts.Node): boolean {
  if (!ts.isCallExpression(n)) return false;
  let root: ts.Expression = n.expression;
  while (ts.isPropertyAccessExpression(root) || ts.isCallExpression(root)) root = root.expression;
  return ts.isIdentifier(root) && (root.text === 'expect' || root.text === 'assert');
}

/** `withFlags({ 'new-nav': true })`: a call whose one argument is an object of this one property. */
function soleOverrideCall(property: ts.Node): ts.Node | undefined {
  const object = property.parent;
  if (!ts.isObjectLiteralExpression(object) || object.properties.length !== 1) return undefined;
  const call = object.parent;
  if (!ts.isCallExpression(call) || call.arguments.length !== 1 || call.arguments[0] !== object) return undefined;
  const name = calleeName(call);
  return name && !NOT_SETTINGS.has(name) ? call : undefined;
}

/** The expression statement that consists of `n` alone (through `await` and parentheses). */
function standaloneStatement(n: ts.Node | undefined): ts.ExpressionStatement | undefined {
  if (!n) return undefined;
  let up = n.parent;
  while (up && (ts.isParenthesizedExpression(up) || ts.isAwaitExpression(up))) up = up.parent;
  return up && ts.isExpressionStatement(up) ? up : undefined;
}

/** A fixed value set in a test, compared with the value the code now always has. */
export function sameValue(set: FlagValue, kept: FlagValue): boolean | undefined {
  if (typeof kept === 'boolean' && typeof set === 'string') {
    const s = set.trim().toLowerCase();
    if (['true', '1', 'on', 'yes', 'enabled'].includes(s)) return kept;
    if (['false', '0', 'off', 'no', 'disabled', ''].includes(s)) return !kept;
    return undefined;
  }
  if (typeof kept === 'number' && typeof set === 'string' && set.trim() !== '' && !Number.isNaN(Number(set))) return Number(set) === kept;
  if (typeof kept !== typeof set) return undefined;
  return set === kept;
}
