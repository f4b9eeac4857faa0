import ts from '../ts-morph-ts.cjs';
import type { FlagValue } from '@flagdebt/core';
import { calleeName, skipOuter } from './test-settings.js';

/** The shape of a test file: its tests and describes, hooks, `each` tables, module mocks and helpers. */

export interface Block {
  kind: 'test' | 'describe';
  statement: ts.ExpressionStatement;
  title: string;
  body?: ts.ConciseBody;
  /** `it.each([...])`: the table whose rows may be of either side. */
  table?: ts.ArrayLiteralExpression;
  children: Block[];
  /** Hooks (`beforeEach`) of a describe: settings there hold for all its tests. */
  hooks: ts.ExpressionStatement[];
}

const TESTS = new Set(['it', 'test', 'specify', 'fit', 'xit', 'xtest']);
const DESCRIBES = new Set(['describe', 'context', 'suite', 'fdescribe', 'xdescribe']);
export const HOOKS = new Set(['beforeEach', 'beforeAll', 'before', 'afterEach', 'afterAll', 'after']);
const MOCK_MODULE = new Set(['mock', 'doMock']);

/** The tests and describes among `statements`, with their nested ones. */
export function blocksIn(statements: ts.NodeArray<ts.Statement>): Block[] {
  const out: Block[] = [];
  for (const s of statements) {
    if (!ts.isExpressionStatement(s)) continue;
    const call = skipOuter(s.expression);
    if (!ts.isCallExpression(call)) continue;
    const shape = frameworkCall(call);
    if (!shape) continue;
    const fn = call.arguments.find((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a)) as ts.ArrowFunction | ts.FunctionExpression | undefined;
    const title = call.arguments[0] && ts.isStringLiteralLike(call.arguments[0]) ? call.arguments[0].text : call.arguments[0]?.getText() ?? '';
    const body = fn?.body;
    const inner = body && ts.isBlock(body) ? body.statements : undefined;
    const hooks = inner ? inner.filter((x): x is ts.ExpressionStatement => ts.isExpressionStatement(x) && ts.isCallExpression(skipOuter(x.expression)) && HOOKS.has(calleeName(skipOuter(x.expression) as ts.CallExpression) ?? '')) : [];
    out.push({ kind: shape.kind, statement: s, title, body, table: shape.table, children: shape.kind === 'describe' && inner ? blocksIn(inner) : [], hooks });
  }
  return out;
}

/** `it(...)`, `test.only(...)`, `describe.each([...])(...)`, `it.concurrent.each(rows)(...)`. */
export function frameworkCall(call: ts.CallExpression): { kind: 'test' | 'describe'; table?: ts.ArrayLiteralExpression } | undefined {
  let callee: ts.Expression = call.expression;
  let table: ts.ArrayLiteralExpression | undefined;
  if (ts.isCallExpression(callee)) {
    if (!ts.isPropertyAccessExpression(callee.expression) || callee.expression.name.text !== 'each') return undefined;
    const arg = callee.arguments[0] && skipOuter(callee.arguments[0]);
    if (arg && ts.isArrayLiteralExpression(arg)) table = arg;
    callee = callee.expression;
  }
  while (ts.isPropertyAccessExpression(callee)) callee = callee.expression;
  if (!ts.isIdentifier(callee)) return undefined;
  if (TESTS.has(callee.text)) return { kind: 'test', table };
  if (DESCRIBES.has(callee.text)) return { kind: 'describe', table };
  return undefined;
}

/** The name of the top-level function (declaration or `const f = () => ...`) that holds `node`. */
export function topLevelHelper(node: ts.Node): string | undefined {
  let fn: ts.Node | undefined;
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    if (ts.isFunctionDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n)) fn = n;
    if (!ts.isSourceFile(n.parent)) continue;
    if (!fn) return undefined;
    if (ts.isFunctionDeclaration(n) && n === fn) return n.name?.text;
    if (ts.isVariableStatement(n)) {
      const d = n.declarationList.declarations.find((v) => v.initializer === fn);
      return d && ts.isIdentifier(d.name) ? d.name.text : undefined;
    }
    return undefined;
  }
  return undefined;
}

/** Names called directly in `body` (`renderLegacy()`). */
export function calledNames(body: ts.Node): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) out.push(n.expression.text);
    ts.forEachChild(n, visit);
  };
  visit(body);
  return out;
}

/** `vi.mock('./flags', factory)`, `jest.mock(...)`, `vi.doMock(...)`. */
export function isModuleMock(n: ts.Node): n is ts.CallExpression {
  if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression) || !MOCK_MODULE.has(n.expression.name.text)) return false;
  const on = n.expression.expression;
  return ts.isIdentifier(on) && (on.text === 'vi' || on.text === 'jest');
}

export function flatten(blocks: Block[]): Block[] {
  return blocks.flatMap((b) => [b, ...flatten(b.children)]);
}

export function within(node: ts.Node, outer: ts.Node): boolean {
  return node.getStart() >= outer.getStart() && node.getEnd() <= outer.getEnd();
}

/** The cell of an `each` row that fills `param` (its position, or its property in an object row). */
export function cellOf(row: ts.Expression, param: ts.ParameterDeclaration, property?: string): ts.Expression | undefined {
  const fn = param.parent as ts.SignatureDeclaration;
  const index = fn.parameters.indexOf(param);
  if (ts.isArrayLiteralExpression(row)) {
    const cell = row.elements[index];
    if (!cell || !property) return cell;
    const inner = skipOuter(cell);
    return ts.isObjectLiteralExpression(inner) ? propertyValue(inner, property) : undefined;
  }
  if (ts.isObjectLiteralExpression(row) && index === 0) return property ? propertyValue(row, property) : undefined;
  return index === 0 && !property ? row : undefined;
}

export function propertyValue(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of object.properties) if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name) return p.initializer;
  return undefined;
}

export function literal(expr: ts.Expression): FlagValue | undefined {
  const e = skipOuter(expr);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isNumericLiteral(e)) return Number(e.text);
  return undefined;
}
