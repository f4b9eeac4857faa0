import ts from '../typescript.cjs';
import type { WrapperInfo } from '../types.js';
import type { ReadMatching, WrapperRecord } from './read-match.js';
import { isComponentName, mayPassProp, propNames, propOf } from './jsx-gates.js';
import type { KeyResolver, Resolved } from './key-resolver.js';
import type { ProjectContext } from './project-context.js';
import { isFunctionLikeValue, positionOf, skipOuterExpressions } from './syntax.js';

type ComponentDecl = ts.FunctionDeclaration | ts.VariableDeclaration;

/** What discovery needs from the wrapper registry it runs in. */
export interface GateContext {
  ctx: ProjectContext;
  keys: KeyResolver;
  matcher(): ReadMatching;
  /** The wrapper (or gate) a declaration is: gates of gates resolve through the registry. */
  wrapperOf(d: Resolved): WrapperInfo | undefined;
  exported(decl: ComponentDecl, name: string, file: string): boolean;
}

/**
 * A component that reads a flag keyed by one of its props (`useFlag(ws, flag)` with `const {
 * flag } = props`) is a gate by that prop, read wherever it is rendered (`<Gate flag={E.K}>`);
 * `const Gate = memo(GateView)` is the same gate under the name JSX uses. Undefined for anything
 * else (an ordinary wrapper, or none).
 */
export function componentGate(d: ts.Node, file: string, g: GateContext): WrapperRecord | undefined {
  if (!ts.isFunctionDeclaration(d) && !ts.isVariableDeclaration(d)) return undefined;
  const name = d.name && ts.isIdentifier(d.name) ? d.name.text : undefined;
  const sf = g.ctx.parsed(file);
  if (!name || !sf || !isComponentName(name) || !mayHoldJsx(file)) return undefined;
  const fn = ts.isFunctionDeclaration(d) ? d : d.initializer ? functionValue(d.initializer) : undefined;
  return (fn ? propGate(d, fn, name, file, sf, g) : aliasGate(d, name, file, sf, g)) ?? undefined;
}

function propGate(decl: ComponentDecl, fn: ts.FunctionLikeDeclaration, name: string, file: string, sf: ts.SourceFile, g: GateContext): WrapperRecord | null {
  const names = fn.body ? propNames(fn) : undefined;
  if (!fn.body || !names) return null;
  const matcher = g.matcher();
  const stack: ts.Node[] = [fn.body];
  for (let visited = 0; stack.length > 0 && visited < 20000; visited++) {
    const node = stack.pop()!;
    let match;
    // Matching may resolve the callee's module: only for calls and elements that pass a prop.
    if (ts.isCallExpression(node)) match = mayPassProp(node, names) ? matcher.matchCall(node, file) : undefined;
    else if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) match = mayPassProp(node, names) ? matcher.matchJsx(node, file) : undefined;
    const keyProp = match?.keyExpr ? propOf(match.keyExpr, fn, file, g.ctx) : undefined;
    if (match && keyProp !== undefined) {
      const info: WrapperInfo = { ...declaredAt(decl, name, file, sf, g), key: null, keyProp, accessor: match.accessor };
      return { info, bodyRead: node };
    }
    ts.forEachChild(node, (c) => {
      stack.push(c);
    });
  }
  return null;
}

function aliasGate(decl: ComponentDecl, name: string, file: string, sf: ts.SourceFile, g: GateContext): WrapperRecord | null {
  const inner = ts.isVariableDeclaration(decl) && decl.initializer ? wrappedComponent(decl.initializer) : undefined;
  const target = inner ? g.keys.lookup(inner, file, 'value') : undefined;
  const wrapped = target && g.wrapperOf(target);
  if (!wrapped?.keyProp) return null;
  return { info: { ...wrapped, ...declaredAt(decl, name, file, sf, g) }, bodyRead: decl };
}

function declaredAt(decl: ComponentDecl, name: string, file: string, sf: ts.SourceFile, g: GateContext): Pick<WrapperInfo, 'name' | 'file' | 'span' | 'line' | 'column' | 'exported'> {
  const whole = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
  const start = whole.getStart(sf);
  return { name, file, span: { start, end: whole.getEnd() }, ...positionOf(start, sf), exported: g.exported(decl, name, file) };
}

/** Calls that return the component they are given (mobx `observer`, React `memo` / `forwardRef`). */
const COMPONENT_WRAPPERS = new Set(['observer', 'memo', 'forwardRef']);

/** Components are rendered with JSX, so they live in files that can hold it (not `.ts`). */
function mayHoldJsx(file: string): boolean {
  return /\.(?:tsx|jsx|js|mjs|cjs)$/i.test(file);
}

function wrapperCallName(e: ts.CallExpression): string {
  const callee = skipOuterExpressions(e.expression);
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.name.text : '';
}

/** `memo(UpgradeButtonView)`: the component identifier a component wrapper is given. */
export function wrappedComponent(init: ts.Expression): ts.Identifier | undefined {
  const e = skipOuterExpressions(init);
  if (!ts.isCallExpression(e) || e.arguments.length < 1 || !COMPONENT_WRAPPERS.has(wrapperCallName(e))) return undefined;
  const arg = skipOuterExpressions(e.arguments[0]);
  return ts.isIdentifier(arg) ? arg : undefined;
}

/**
 * The function a const holds: an arrow or function expression, also inside the wrappers
 * components get (`observer(function X(props) {…})`, `memo(…)`, `React.forwardRef(…)`).
 */
export function functionValue(init: ts.Expression): ts.ArrowFunction | ts.FunctionExpression | undefined {
  let e = skipOuterExpressions(init);
  for (let i = 0; i < 3 && ts.isCallExpression(e) && e.arguments.length >= 1; i++) {
    if (!COMPONENT_WRAPPERS.has(wrapperCallName(e))) return undefined;
    e = skipOuterExpressions(e.arguments[0]);
  }
  return isFunctionLikeValue(e) ? e : undefined;
}
