import ts from '../typescript.cjs';
import type { ComponentAccessor, JsxGate } from '../types.js';
import type { ProjectContext } from './project-context.js';
import { propertyNameText, skipOuterExpressions } from './syntax.js';

/** `div`, `my-element`: intrinsic elements are never gates (React's rule: lower-case first letter). */
export function isIntrinsicTag(name: string): boolean {
  const c = name.charCodeAt(0);
  return (c >= 97 && c <= 122) || name.includes('-');
}

/** Whether a declared name is a component's (upper-case first letter, as JSX requires). */
export function isComponentName(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= 65 && c <= 90;
}

type JsxTag = ts.JsxOpeningElement | ts.JsxSelfClosingElement;

function attributeNamed(el: JsxTag, name: string): ts.JsxAttribute | undefined {
  for (const a of el.attributes.properties) {
    if (ts.isJsxAttribute(a) && ts.isIdentifier(a.name) && a.name.text === name) return a;
  }
  return undefined;
}

/**
 * The key attribute of a gate element: its value as an expression (`flag="k"`, `flag={E.K}`), or
 * no expression when it cannot hold a key statically (`{...props}` may pass it, `flag` alone is
 * `true`): a dynamic read. Undefined when the element passes no key at all (not a read).
 */
export function jsxKeyAttribute(el: JsxTag, keyProp: string): { expr?: ts.Expression; node?: ts.Node } | undefined {
  const attr = attributeNamed(el, keyProp);
  if (!attr) return el.attributes.properties.some(ts.isJsxSpreadAttribute) ? {} : undefined;
  const init = attr.initializer;
  if (init && ts.isStringLiteral(init)) return { expr: init, node: init };
  if (init && ts.isJsxExpression(init) && init.expression) return { expr: init.expression, node: init.expression };
  return { node: attr };
}

/** `invert`, `invert={true}` → true; `invert={false}` or absent → false; anything else unknown. */
function staticBoolean(attr: ts.JsxAttribute | undefined): boolean | undefined {
  if (!attr) return false;
  if (!attr.initializer) return true;
  if (!ts.isJsxExpression(attr.initializer) || !attr.initializer.expression) return undefined;
  const e = skipOuterExpressions(attr.initializer.expression);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  return undefined;
}

/** What a configured gate renders ON and OFF at this element (for the codemod). */
export function componentGate(el: JsxTag, accessor: ComponentAccessor): JsxGate {
  const gate: JsxGate = { keyProp: accessor.keyProp, whenOn: 'children', whenOff: 'nothing' };
  const fallback = accessor.fallbackProp ? attributeNamed(el, accessor.fallbackProp) : undefined;
  if (fallback?.initializer) {
    const init = fallback.initializer;
    const value = ts.isJsxExpression(init) && init.expression ? init.expression : init;
    gate.fallbackSpan = { start: value.getStart(), end: value.getEnd() };
  }
  if (ts.isJsxOpeningElement(el)) {
    const element = el.parent;
    gate.childrenSpan = { start: el.getEnd(), end: element.closingElement.getStart() };
  }
  const off = fallback ? 'fallback' : 'nothing';
  const inverted = accessor.invertProp ? staticBoolean(attributeNamed(el, accessor.invertProp)) : false;
  if (inverted === undefined) {
    gate.whenOn = 'unknown';
    gate.whenOff = 'unknown';
  } else if (inverted) {
    gate.whenOn = off;
    gate.whenOff = 'children';
  } else {
    gate.whenOff = off;
  }
  return gate;
}

/**
 * Which prop of component `fn` the expression `expr` (inside its body) is: `props.flag`,
 * `flag` destructured from the props parameter (`function X({ flag })`) or from the props
 * identifier in the body (`const { flag } = props`). Undefined for anything else.
 */
export function propOf(expr: ts.Expression, fn: ts.SignatureDeclaration, file: string, ctx: ProjectContext): string | undefined {
  const param = fn.parameters[0];
  if (!param || fn.parameters.length > 2) return undefined;
  const e = skipOuterExpressions(expr);
  const propsName = ts.isIdentifier(param.name) ? param.name.text : undefined;
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && ts.isIdentifier(e.name)) {
    return propsName !== undefined && e.expression.text === propsName && isParam(e.expression, fn, file, ctx) ? e.name.text : undefined;
  }
  if (!ts.isIdentifier(e)) return undefined;
  const symbols = ctx.symbols(file);
  if (!symbols) return undefined;
  const d = ctx.scopes.lookup(e.text, e, file, 'value', symbols);
  if (!d) return undefined;
  if (d.kind === 'other' && ts.isObjectBindingPattern(param.name)) {
    // Parameter patterns resolve to `other`: make sure it is this pattern that binds the name.
    const el = param.name.elements.find((b) => ts.isIdentifier(b.name) && b.name.text === e.text && !b.dotDotDotToken);
    return el && isBoundBy(e, fn) ? propertyNameText(el.propertyName ?? el.name) : undefined;
  }
  if (d.kind === 'binding' && propsName !== undefined && !d.element.dotDotDotToken) {
    const holder = d.element.parent.parent;
    if (!ts.isVariableDeclaration(holder) || !holder.initializer || holder.name !== d.element.parent) return undefined;
    const init = skipOuterExpressions(holder.initializer);
    if (!ts.isIdentifier(init) || init.text !== propsName || !isParam(init, fn, file, ctx)) return undefined;
    return propertyNameText(d.element.propertyName ?? d.element.name);
  }
  return undefined;
}

/**
 * Whether any argument of a call, or attribute of a JSX element, is spelled like one of `fn`'s
 * props (`props.x`, or a name its props pattern or a `const { … } = props` binds): a cheap test
 * before matching, which may resolve the callee's module.
 */
export function mayPassProp(node: ts.CallExpression | ts.JsxOpeningElement | ts.JsxSelfClosingElement, names: PropNames): boolean {
  const values: ts.Expression[] = [];
  if (ts.isCallExpression(node)) values.push(...node.arguments);
  else for (const a of node.attributes.properties) if (ts.isJsxAttribute(a) && a.initializer && ts.isJsxExpression(a.initializer) && a.initializer.expression) values.push(a.initializer.expression);
  return values.some((v) => {
    const e = skipOuterExpressions(v);
    if (ts.isIdentifier(e)) return names.bound.has(e.text);
    return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === names.props;
  });
}

export interface PropNames {
  /** The props parameter's name, when it is an identifier. */
  props?: string;
  /** Names destructured from the props (parameter pattern or `const { … } = props`). */
  bound: Set<string>;
}

/** The names a component's props go by (see `mayPassProp`); statements of the body only, as hooks are. */
export function propNames(fn: ts.FunctionLikeDeclaration): PropNames | undefined {
  const param = fn.parameters[0];
  if (!param || fn.parameters.length > 2) return undefined;
  const names: PropNames = { bound: new Set() };
  const bind = (pattern: ts.ObjectBindingPattern) => {
    for (const el of pattern.elements) if (ts.isIdentifier(el.name) && !el.dotDotDotToken) names.bound.add(el.name.text);
  };
  if (ts.isObjectBindingPattern(param.name)) bind(param.name);
  else if (ts.isIdentifier(param.name)) names.props = param.name.text;
  else return undefined;
  if (names.props !== undefined && fn.body && ts.isBlock(fn.body)) {
    for (const stmt of fn.body.statements) {
      if (!ts.isVariableStatement(stmt)) continue;
      for (const d of stmt.declarationList.declarations) {
        const init = d.initializer && skipOuterExpressions(d.initializer);
        if (ts.isObjectBindingPattern(d.name) && init && ts.isIdentifier(init) && init.text === names.props) bind(d.name);
      }
    }
  }
  return names;
}

function isParam(id: ts.Identifier, fn: ts.SignatureDeclaration, file: string, ctx: ProjectContext): boolean {
  const symbols = ctx.symbols(file);
  const d = symbols && ctx.scopes.lookup(id.text, id, file, 'value', symbols);
  return d?.kind === 'param' && d.fn === fn && d.index === 0;
}

/** No function between `id` and `fn` rebinds the name in its parameters. */
function isBoundBy(id: ts.Identifier, fn: ts.SignatureDeclaration): boolean {
  for (let n: ts.Node | undefined = id.parent; n && n !== fn; n = n.parent) {
    if (ts.isFunctionLike(n) && (n as ts.SignatureDeclaration).parameters.some((p) => bindsName(p.name, id.text))) return false;
  }
  return true;
}

function bindsName(name: ts.BindingName, text: string): boolean {
  if (ts.isIdentifier(name)) return name.text === text;
  return name.elements.some((el) => !ts.isOmittedExpression(el) && bindsName(el.name, text));
}
