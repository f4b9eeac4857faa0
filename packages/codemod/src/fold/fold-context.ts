import ts from '../ts-morph-ts.cjs';
import type { FlagValue, Span } from '@flagdebt/core';
import type { Marks } from '../edit/text-edits.js';
import { bindsName } from './scope.js';

/** A folded value: what a literal written by this run evaluates to. */
export type Folded = FlagValue | null;

/** One parse of the file being folded plus the marks that say which literals this run wrote. */
export class FoldContext {
  private readonly constantKeys: Set<string>;

  constructor(
    readonly sf: ts.SourceFile,
    readonly text: string,
    readonly marks: Marks,
    /** Whether `exported` of module `specifier` (imported here) is a side-effect-free function. */
    private readonly pureImport?: PureImport,
  ) {
    this.constantKeys = new Set(marks.constants.map((s) => `${s.start}:${s.end}`));
  }

  /** The value of a node when it is a literal this run produced, else `undefined`. */
  constantOf(node: ts.Node | undefined): { value: Folded } | undefined {
    if (!node || !this.constantKeys.has(`${node.getStart(this.sf)}:${node.getEnd()}`)) return undefined;
    const value = literalValue(node);
    return value === undefined ? undefined : { value };
  }

  /** True when the node's exact range was produced by an edit of this run. */
  isTouched(node: ts.Node): boolean {
    const start = node.getStart(this.sf);
    const end = node.getEnd();
    return this.marks.touched.some((t) => t.start === start && t.end === end);
  }

  /** True when the node lies inside a range produced by this run. */
  isInsideTouched(node: ts.Node): boolean {
    const start = node.getStart(this.sf);
    const end = node.getEnd();
    return this.marks.touched.some((t) => t.start <= start && end <= t.end);
  }

  private quoteStyle?: "'" | '"';

  /** The quote the file mostly uses, for string literals this run writes. */
  get quote(): "'" | '"' {
    this.quoteStyle ??= preferredQuote(this.text);
    return this.quoteStyle;
  }

  span(node: ts.Node): Span {
    return { start: node.getStart(this.sf), end: node.getEnd() };
  }

  textOf(node: ts.Node): string {
    return this.text.slice(node.getStart(this.sf), node.getEnd());
  }

  private readonly pureFunctions = new Map<string, boolean>();

  /**
   * Like `isPure`, and a call may be pure too: of a function declared at the top of this file
   * whose body only computes and returns (`function isStale(o) { return o.archived; }`), or of a
   * well-known method that reads only (`ids.includes(id)`).
   */
  isEffectFree(node: ts.Node): boolean {
    return isPure(node, (call) => this.isPureCall(call));
  }

  private isPureCall(call: ts.CallExpression): boolean {
    const callee = call.expression;
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      if (CALLBACK_METHODS.has(method)) {
        // `values.some((v) => v === match)`: reads only when the callback does.
        const callbacks = call.arguments.filter((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a)) as Array<ts.ArrowFunction | ts.FunctionExpression>;
        if (!callbacks.every((f) => this.isPureBody(f.body))) return false;
      } else if (!READ_ONLY_METHODS.has(method)) {
        return false;
      }
      return this.isEffectFree(callee.expression);
    }
    if (!ts.isIdentifier(callee) || shadowed(callee)) return false;
    const name = callee.text;
    const known = this.pureFunctions.get(name);
    if (known !== undefined) return known;
    // Recursion is assumed impure while the body is looked at.
    this.pureFunctions.set(name, false);
    const body = topLevelFunctionBody(this.sf, name);
    const imported = body === undefined && this.pureImport ? importedName(this.sf, name) : undefined;
    const pure = imported ? this.pureImport!(imported.specifier, imported.name) : body !== undefined && this.isPureBody(body);
    this.pureFunctions.set(name, pure);
    return pure;
  }

  /** A function body that only computes and returns. */
  isPureBody(body: ts.ConciseBody): boolean {
    return ts.isBlock(body) ? body.statements.every((s) => this.isPureStatement(s)) : this.isEffectFree(body);
  }

  private isPureStatement(s: ts.Statement): boolean {
    if (ts.isReturnStatement(s)) return !s.expression || this.isEffectFree(s.expression);
    if (ts.isIfStatement(s)) return this.isEffectFree(s.expression) && this.isPureStatement(s.thenStatement) && (!s.elseStatement || this.isPureStatement(s.elseStatement));
    if (ts.isBlock(s)) return s.statements.every((x) => this.isPureStatement(x));
    if (ts.isVariableStatement(s)) {
      return (s.declarationList.flags & ts.NodeFlags.Const) !== 0 && s.declarationList.declarations.every((d) => !d.initializer || this.isEffectFree(d.initializer));
    }
    return false;
  }
}

export type PureImport = (specifier: string, exported: string) => boolean;

/** `import { oneOf } from 'utils'` (or `{ x as oneOf }`): where `name` comes from. */
function importedName(sf: ts.SourceFile, name: string): { specifier: string; name: string } | undefined {
  for (const s of sf.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || s.importClause?.isTypeOnly) continue;
    const nb = s.importClause?.namedBindings;
    if (!nb || !ts.isNamedImports(nb)) continue;
    for (const el of nb.elements) if (el.name.text === name && !el.isTypeOnly) return { specifier: s.moduleSpecifier.text, name: (el.propertyName ?? el.name).text };
  }
  return undefined;
}

/** Whether module text `text` exports `name` as a function that only computes and returns. */
export function exportsPureFunction(sf: ts.SourceFile, text: string, name: string): boolean {
  const body = topLevelFunctionBody(sf, name);
  if (body === undefined) return false;
  const exported = sf.statements.some(
    (s) =>
      (ts.isFunctionDeclaration(s) && s.name?.text === name && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) ||
      (ts.isVariableStatement(s) && s.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)),
  );
  return exported && new FoldContext(sf, text, { constants: [], touched: [] }).isPureBody(body);
}

/** Array methods that only read when their callback does. */
const CALLBACK_METHODS = new Set(['some', 'every', 'find', 'findIndex', 'filter', 'map']);

/** Methods of strings, arrays, sets and maps that only read. */
const READ_ONLY_METHODS = new Set(['includes', 'startsWith', 'endsWith', 'has', 'indexOf', 'lastIndexOf', 'trim', 'toLowerCase', 'toUpperCase', 'isArray', 'isInteger', 'isFinite', 'isNaN']);

/** The name is bound by a scope between the identifier and the top of the file. */
function shadowed(id: ts.Identifier): boolean {
  for (let n = id.parent; n && !ts.isSourceFile(n); n = n.parent) {
    if ((ts.isFunctionLike(n) || ts.isBlock(n) || ts.isCaseBlock(n) || ts.isCatchClause(n) || ts.isForStatement(n) || ts.isForOfStatement(n) || ts.isForInStatement(n)) && bindsName(n, id.text)) return true;
  }
  return false;
}

/** The body of `function name` or `const name = (...) => ...` at the top of the file. */
function topLevelFunctionBody(sf: ts.SourceFile, name: string): ts.ConciseBody | undefined {
  for (const s of sf.statements) {
    if (ts.isFunctionDeclaration(s) && s.name?.text === name && !s.asteriskToken) return s.body;
    if (ts.isVariableStatement(s) && (s.declarationList.flags & ts.NodeFlags.Const) !== 0) {
      for (const d of s.declarationList.declarations) {
        const init = d.initializer;
        if (ts.isIdentifier(d.name) && d.name.text === name && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && !init.asteriskToken) return init.body;
      }
    }
  }
  return undefined;
}

/** Literal value of a node, or `undefined` when it is not a plain literal. */
export function literalValue(node: ts.Node): Folded | undefined {
  switch (node.kind) {
    case ts.SyntaxKind.TrueKeyword:
      return true;
    case ts.SyntaxKind.FalseKeyword:
      return false;
    case ts.SyntaxKind.NullKeyword:
      return null;
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return (node as ts.StringLiteral).text;
    case ts.SyntaxKind.NumericLiteral:
      return Number((node as ts.NumericLiteral).text);
    case ts.SyntaxKind.PrefixUnaryExpression: {
      const p = node as ts.PrefixUnaryExpression;
      if (p.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(p.operand)) return -Number(p.operand.text);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Source text of a value, in the file's own quote style. */
export function valueText(value: Folded, quote: "'" | '"' = "'"): string {
  if (typeof value === 'string') {
    const escaped = value.replace(/\\/g, '\\\\').replace(quote === "'" ? /'/g : /"/g, `\\${quote}`).replace(/\n/g, '\\n');
    return `${quote}${escaped}${quote}`;
  }
  return String(value);
}

export function preferredQuote(text: string): "'" | '"' {
  const single = (text.match(/'/g) ?? []).length;
  const double = (text.match(/"/g) ?? []).length;
  return double > single ? '"' : "'";
}

/**
 * Whether evaluating the expression can have an effect (a call, an assignment, `new`, `await`...).
 * Conservative: anything not known to be pure counts as effectful.
 */
export function isPure(node: ts.Node, pureCall?: (call: ts.CallExpression) => boolean): boolean {
  const pure = (n: ts.Node): boolean => isPure(n, pureCall);
  if (literalValue(node) !== undefined) return true;
  switch (node.kind) {
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.ThisKeyword:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.RegularExpressionLiteral:
    case ts.SyntaxKind.BigIntLiteral:
      return true;
    case ts.SyntaxKind.ParenthesizedExpression:
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.SatisfiesExpression:
    case ts.SyntaxKind.NonNullExpression:
    case ts.SyntaxKind.TypeOfExpression:
      return pure((node as ts.ParenthesizedExpression).expression);
    case ts.SyntaxKind.PropertyAccessExpression:
      return pure((node as ts.PropertyAccessExpression).expression);
    case ts.SyntaxKind.ElementAccessExpression: {
      const e = node as ts.ElementAccessExpression;
      return pure(e.expression) && pure(e.argumentExpression);
    }
    case ts.SyntaxKind.PrefixUnaryExpression: {
      const p = node as ts.PrefixUnaryExpression;
      return p.operator !== ts.SyntaxKind.PlusPlusToken && p.operator !== ts.SyntaxKind.MinusMinusToken && pure(p.operand);
    }
    case ts.SyntaxKind.BinaryExpression: {
      const b = node as ts.BinaryExpression;
      const op = b.operatorToken.kind;
      if (op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment) return false;
      return pure(b.left) && pure(b.right);
    }
    case ts.SyntaxKind.ConditionalExpression: {
      const c = node as ts.ConditionalExpression;
      return pure(c.condition) && pure(c.whenTrue) && pure(c.whenFalse);
    }
    case ts.SyntaxKind.TemplateExpression:
      return (node as ts.TemplateExpression).templateSpans.every((s) => pure(s.expression));
    case ts.SyntaxKind.ArrayLiteralExpression:
      return (node as ts.ArrayLiteralExpression).elements.every(pure);
    case ts.SyntaxKind.ObjectLiteralExpression:
      return (node as ts.ObjectLiteralExpression).properties.every((p) => {
        if (ts.isPropertyAssignment(p)) return !ts.isComputedPropertyName(p.name) && pure(p.initializer);
        return ts.isShorthandPropertyAssignment(p) || ts.isMethodDeclaration(p);
      });
    case ts.SyntaxKind.CallExpression:
      return typeof pureCall === 'function' && pureCall(node as ts.CallExpression) && (node as ts.CallExpression).arguments.every(pure);
    default:
      return false;
  }
}

/** Strips parentheses, `as`, `satisfies` and `!` around an expression. */
export function skipOuter(node: ts.Expression): ts.Expression {
  let n = node;
  while (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isNonNullExpression(n)) n = n.expression;
  return n;
}
