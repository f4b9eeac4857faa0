import ts from '../ts-morph-ts.cjs';
import { indentAt, reindentedParts, removalRange } from '../edit/layout.js';
import { replaceWith, sliceOf, type Edit } from '../edit/text-edits.js';
import { isPure, literalValue, skipOuter, type FoldContext } from './fold-context.js';
import { isDependencyArray } from './dependency-arrays.js';

/**
 * Constant residue: expressions that still run but no longer decide anything once a read is a
 * literal (`rows.filter(() => true)`, `[id, true]` as hook dependencies, `...[item]`,
 * `` `${'a'}` ``, `classNames({ b: true })`). Each rule only fires on a literal this run wrote
 * and never drops an expression that may have an effect.
 */
export function foldResidue(ctx: FoldContext, node: ts.Node): Edit | null {
  if (ts.isCallExpression(node)) return foldFilter(ctx, node) ?? foldClassNames(ctx, node);
  if (ts.isSpreadElement(node)) return foldSpread(ctx, node);
  if (ts.isTemplateExpression(node)) return foldTemplate(ctx, node);
  if (ts.isArrayLiteralExpression(node)) return foldDependencies(ctx, node);
  if (ts.isJsxSelfClosingElement(node)) return foldConditionalRender(ctx, node);
  if (ts.isVariableDeclaration(node)) return joinInitializer(ctx, node);
  return null;
}

/** Whether these are the props of a conditional-render element (folded whole by foldConditionalRender). */
export function isConditionalRender(attributes: ts.JsxAttributes): boolean {
  return attributes.properties.every((a) => ts.isJsxAttribute(a) && ts.isIdentifier(a.name) && CONDITIONAL_PROPS.has(a.name.text));
}

/** Prettier's default width: a folded initializer that fits joins its `=` line. */
const JOIN_WIDTH = 80;

/**
 * `const show =\n    isEnterprise() && flag;` folds to `const show =\n    isEnterprise();`, which
 * reads like `const show = isEnterprise();` once the rest fits on one line.
 */
function joinInitializer(ctx: FoldContext, node: ts.VariableDeclaration): Edit | null {
  const init = node.initializer;
  if (!init || !ctx.isTouched(init)) return null;
  const from = (node.type ?? node.name).getEnd();
  const eq = ctx.text.indexOf('=', from);
  const start = init.getStart(ctx.sf);
  if (eq === -1 || !/^\s*\n\s*$/.test(ctx.text.slice(eq + 1, start))) return null;
  const statement = node.parent.parent;
  const end = ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1 ? statement.getEnd() : init.getEnd();
  const rest = ctx.text.slice(start, end);
  if (rest.includes('\n') || /\/[/*]/.test(ctx.text.slice(eq, start))) return null;
  const lineStart = ctx.text.lastIndexOf('\n', eq) + 1;
  if (ctx.text.slice(lineStart, eq + 1).length + 1 + rest.length > JOIN_WIDTH) return null;
  return replaceWith(eq + 1, start, ' ');
}

/** The props of a conditional-render component: `<ConditionallyRender condition={c} show={a} elseShow={b} />`. */
const CONDITIONAL_PROPS = new Set(['condition', 'show', 'elseShow']);

/**
 * A conditional-render element (only the props `condition`, `show` and `elseShow`, whatever the
 * component is called) whose condition is a folded literal is what it shows: the `show` or
 * `elseShow` content, or nothing.
 */
function foldConditionalRender(ctx: FoldContext, node: ts.JsxSelfClosingElement): Edit | null {
  if (!isConditionalRender(node.attributes)) return null;
  const attrs = node.attributes.properties;
  const prop = (name: string) => attrs.find((a) => ts.isJsxAttribute(a) && (a.name as ts.Identifier).text === name) as ts.JsxAttribute | undefined;
  const condition = prop('condition')?.initializer;
  const show = prop('show');
  if (!show || !condition || !ts.isJsxExpression(condition) || !condition.expression) return null;
  const c = ctx.constantOf(skipOuter(condition.expression));
  if (!c) return null;
  const chosen = c.value ? show : prop('elseShow');
  const init = chosen?.initializer;
  const value = init && ts.isJsxExpression(init) ? init.expression : init;
  const inChildren = ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent);
  const start = node.getStart(ctx.sf);
  const end = node.getEnd();
  const nothing = !value || value.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === 'undefined');
  if (nothing) {
    if (!inChildren) return replaceWith(start, end, 'null', true);
    const r = removalRange(ctx.text, node, false);
    return { start: r.start, end: r.end, parts: [''] };
  }
  const inner = skipOuter(value as ts.Expression);
  const jsx = ts.isJsxElement(inner) || ts.isJsxSelfClosingElement(inner) || ts.isJsxFragment(inner);
  const span = ctx.span(jsx ? inner : value!);
  const parts = reindentedParts(ctx.text, span, indentAt(ctx.text, span.start), indentAt(ctx.text, start));
  if (jsx) return { start, end, parts };
  if (ts.isStringLiteral(inner) && inChildren && /^[^{}<>&\n]+$/.test(inner.text)) return replaceWith(start, end, inner.text);
  return { start, end, parts: inChildren ? ['{', ...parts, '}'] : ['(', ...parts, ')'] };
}


/** The value a callback returns when it is one literal written by this run (`r => true`, `() => { return false; }`). */
function constantResult(ctx: FoldContext, fn: ts.Expression): boolean | undefined {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  let result: ts.Node | undefined;
  if (ts.isBlock(fn.body)) {
    const only = fn.body.statements.length === 1 ? fn.body.statements[0] : undefined;
    result = only && ts.isReturnStatement(only) ? only.expression : undefined;
  } else {
    result = fn.body;
  }
  const c = result && ctx.constantOf(skipOuter(result as ts.Expression));
  return c && typeof c.value === 'boolean' ? c.value : undefined;
}

/**
 * `rows.filter(r => true)` is `rows` where the copy is only read (`.map(...)`, a spread, a
 * `for...of`), else `[...rows]`; `rows.filter(() => false)` is `[]` (only when `rows` is pure: it
 * is no longer evaluated). The type-check gate catches a receiver that is not an array.
 */
function foldFilter(ctx: FoldContext, node: ts.CallExpression): Edit | null {
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.questionDotToken || callee.name.text !== 'filter' || node.arguments.length !== 1) return null;
  const keepAll = constantResult(ctx, node.arguments[0]);
  if (keepAll === undefined) return null;
  const start = node.getStart(ctx.sf);
  if (!keepAll) return isPure(callee.expression) ? replaceWith(start, node.getEnd(), '[]') : null;
  // `filter` returns a copy: the array itself may stand in only where nothing can change it.
  if (onlyRead(node)) return sliceOf(start, node.getEnd(), ctx.span(callee.expression));
  return { start, end: node.getEnd(), parts: ['[...', ctx.span(callee.expression), ']'] };
}

/** Array methods that read their receiver without changing it (or keeping it). */
const READING_METHODS = new Set(['map', 'filter', 'flatMap', 'some', 'every', 'find', 'findIndex', 'forEach', 'reduce', 'slice', 'join', 'includes', 'indexOf', 'length', 'concat', 'at', 'entries', 'keys', 'values', 'toSorted', 'toReversed']);

/** The array a call returns is only read: chained into a reading method, spread, or iterated. */
function onlyRead(call: ts.Expression): boolean {
  let outer: ts.Node = call;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const p = outer.parent;
  if (ts.isPropertyAccessExpression(p) && p.expression === outer) return READING_METHODS.has(p.name.text);
  if (ts.isSpreadElement(p)) return true;
  return ts.isForOfStatement(p) && p.expression === outer;
}

/** Names of class-name builders whose object arguments map class names to conditions. */
const CLASS_NAME_BUILDERS = new Set(['classNames', 'classnames', 'clsx', 'cn', 'cx', 'twMerge']);

/**
 * `classNames('a', { b: true, c: false, d: x })` is `classNames('a', 'b', { d: x })`: a class
 * whose condition is a folded literal is either a plain argument or gone.
 */
function foldClassNames(ctx: FoldContext, node: ts.CallExpression): Edit | null {
  const name = ts.isIdentifier(node.expression) ? node.expression.text : ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : '';
  if (!CLASS_NAME_BUILDERS.has(name)) return null;
  for (const arg of node.arguments) {
    if (!ts.isObjectLiteralExpression(arg)) continue;
    const props = arg.properties;
    const decided = props.filter((p) => ts.isPropertyAssignment(p) && ctx.constantOf(skipOuter(p.initializer)) !== undefined) as ts.PropertyAssignment[];
    if (decided.length === 0) continue;
    // A computed key may have an effect; its position among the arguments must stay the same.
    if (decided.some((p) => ts.isComputedPropertyName(p.name) && !isPure(p.name.expression))) return null;
    const on = decided.filter((p) => ctx.constantOf(skipOuter(p.initializer))!.value);
    const classes = on.map((p) => classText(ctx, p.name));
    if (classes.some((c) => c === null)) return null;
    const rest = props.filter((p) => !decided.includes(p as ts.PropertyAssignment));
    const replacement = [...(classes as string[])];
    if (rest.length > 0) replacement.push(`{ ${rest.map((p) => ctx.textOf(p)).join(', ')} }`);
    const start = arg.getStart(ctx.sf);
    if (replacement.length > 0) return replaceWith(start, arg.getEnd(), replacement.join(', '));
    // Nothing is left of this argument: drop it with its comma.
    const args = node.arguments;
    const i = args.indexOf(arg);
    if (args.length === 1) return replaceWith(start, arg.getEnd(), '');
    if (i < args.length - 1) return replaceWith(start, args[i + 1].getStart(ctx.sf), '');
    return replaceWith(args[i - 1].getEnd(), arg.getEnd(), '');
  }
  return null;
}

function classText(ctx: FoldContext, name: ts.PropertyName): string | null {
  if (ts.isIdentifier(name)) return `${ctx.quote}${name.text}${ctx.quote}`;
  if (ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return ctx.textOf(name);
  if (ts.isComputedPropertyName(name)) return ctx.textOf(name.expression);
  return null;
}

/** `...[a, b]` in an array or a call is `a, b`; `...[]` and `...{}` are nothing. */
function foldSpread(ctx: FoldContext, node: ts.SpreadElement): Edit | null {
  const inner = skipOuter(node.expression);
  if (!ts.isArrayLiteralExpression(inner) || !(ctx.isTouched(inner) || ctx.isTouched(node.expression))) return null;
  const list = node.parent;
  if (!ts.isArrayLiteralExpression(list) && !ts.isCallExpression(list) && !ts.isNewExpression(list)) return null;
  // Holes (`...[, a]`) and nested spreads keep their meaning only inside an array literal.
  if (inner.elements.some((e) => ts.isOmittedExpression(e)) && !ts.isArrayLiteralExpression(list)) return null;
  const start = node.getStart(ctx.sf);
  if (inner.elements.length > 0) {
    return sliceOf(start, node.getEnd(), { start: inner.elements[0].getStart(ctx.sf), end: inner.elements[inner.elements.length - 1].getEnd() });
  }
  const items = ts.isArrayLiteralExpression(list) ? list.elements : (list.arguments ?? ts.factory.createNodeArray());
  return removeListItem(ctx, items, node);
}

function removeListItem(ctx: FoldContext, items: ts.NodeArray<ts.Node>, item: ts.Node): Edit {
  const i = items.indexOf(item);
  if (items.length === 1) return replaceWith(item.getStart(ctx.sf), item.getEnd(), '');
  if (i < items.length - 1) return replaceWith(item.getStart(ctx.sf), items[i + 1].getStart(ctx.sf), '');
  return replaceWith(items[i - 1].getEnd(), item.getEnd(), '');
}

/** `` `a ${'b'} c` `` is `` `a b c` ``: a folded string, number or boolean joins the template text. */
function foldTemplate(ctx: FoldContext, node: ts.TemplateExpression): Edit | null {
  const spans = node.templateSpans;
  // A folded literal, or a literal the fold kept (`${flag ? 'a' : 'b'}` is now `${'a'}`).
  const known = (e: ts.Expression): { value: unknown } | undefined => {
    const inner = skipOuter(e);
    const c = ctx.constantOf(inner);
    if (c) return c;
    const value = ctx.isTouched(inner) ? literalValue(inner) : undefined;
    return value === undefined ? undefined : { value };
  };
  if (!spans.some((s) => known(s.expression))) return null;
  // Raw text between the substitutions, as written (escapes kept).
  const raw = (lit: ts.TemplateLiteralLikeNode): string => ctx.textOf(lit).slice(1, ts.isTemplateTail(lit) ? -1 : -2);
  let out = '`' + raw(node.head);
  for (const s of spans) {
    const c = known(s.expression);
    if (c && c.value !== null) out += String(c.value).replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${');
    else out += '${' + ctx.textOf(s.expression) + '}';
    out += raw(s.literal);
  }
  out += '`';
  return replaceWith(node.getStart(ctx.sf), node.getEnd(), out);
}

/** A folded literal in a React hook's dependency array never changes: it leaves the array. */
function foldDependencies(ctx: FoldContext, node: ts.ArrayLiteralExpression): Edit | null {
  if (!isDependencyArray(node)) return null;
  const constant = node.elements.find((e) => ctx.constantOf(e));
  return constant ? removeListItem(ctx, node.elements, constant) : null;
}

