import ts from '../ts-morph-ts.cjs';
import { indentAt, reindentedParts, removalRange } from '../edit/layout.js';
import { replaceWith, sliceOf, type Edit } from '../edit/text-edits.js';
import { foldResidue, isConditionalRender } from './residue-rules.js';
import { literalValue, valueText, type Folded, type FoldContext } from './fold-context.js';

/**
 * Expression simplification: each rule looks at one node whose operand is a literal written by
 * this run and returns the single edit that simplifies it, or null.
 */
export function foldExpression(ctx: FoldContext, node: ts.Node): Edit | null {
  if (ts.isParenthesizedExpression(node)) return foldParens(ctx, node);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
    const c = ctx.constantOf(node.operand);
    return c ? constant(ctx, node, !c.value) : null;
  }
  if (ts.isAwaitExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node)) {
    const c = ctx.constantOf(node.expression);
    return c ? constant(ctx, node, c.value) : null;
  }
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Boolean' && node.arguments.length === 1) {
    const c = ctx.constantOf(node.arguments[0]);
    return c ? constant(ctx, node, Boolean(c.value)) : null;
  }
  if (ts.isBinaryExpression(node)) return foldBinary(ctx, node);
  if (ts.isConditionalExpression(node)) {
    const c = ctx.constantOf(node.condition);
    if (!c) return null;
    return keep(ctx, node, c.value ? node.whenTrue : node.whenFalse);
  }
  if (ts.isJsxExpression(node)) return foldJsxContainer(ctx, node);
  return foldResidue(ctx, node);
}

function constant(ctx: FoldContext, node: ts.Node, value: Folded): Edit {
  return replaceWith(node.getStart(ctx.sf), node.getEnd(), valueText(value, ctx.quote), true);
}

/** Replaces `node` by the text of one of its operands (marks inside it move along). */
function keep(ctx: FoldContext, node: ts.Node, kept: ts.Node): Edit {
  const span = ctx.span(kept);
  const edit = sliceOf(node.getStart(ctx.sf), node.getEnd(), span);
  if (ctx.constantOf(kept)) edit.constant = true;
  return edit;
}

function foldParens(ctx: FoldContext, node: ts.ParenthesizedExpression): Edit | null {
  const inner = node.expression;
  if (ctx.constantOf(inner)) return keep(ctx, node, inner);
  if (!ctx.isTouched(inner)) return null;
  // Parentheses left around a single operand after folding (`!(x)`) are noise; JSX keeps its
  // parentheses unless it goes straight into a `{...}` container, which unwraps it itself.
  const simple =
    ts.isIdentifier(inner) ||
    ts.isPropertyAccessExpression(inner) ||
    ts.isElementAccessExpression(inner) ||
    ts.isCallExpression(inner) ||
    ts.isParenthesizedExpression(inner) ||
    inner.kind === ts.SyntaxKind.NullKeyword ||
    ts.isStringLiteral(inner) ||
    ts.isNumericLiteral(inner) ||
    ts.isNoSubstitutionTemplateLiteral(inner) ||
    ts.isTemplateExpression(inner) ||
    inner.kind === ts.SyntaxKind.ThisKeyword;
  // `(obj.method)()` calls with `this` = obj either way, but keep the author's intent visible.
  const callee = ts.isCallExpression(node.parent) && node.parent.expression === node && !ts.isIdentifier(inner);
  return simple && !callee ? keep(ctx, node, inner) : null;
}

function foldBinary(ctx: FoldContext, node: ts.BinaryExpression): Edit | null {
  const op = node.operatorToken.kind;
  const left = ctx.constantOf(node.left);
  const right = ctx.constantOf(node.right);
  if (op === ts.SyntaxKind.QuestionQuestionToken && node.left.kind === ts.SyntaxKind.NullKeyword && ctx.isTouched(node.left)) {
    // `null ?? x` left behind by folding `flag ? null : y`.
    return keep(ctx, node, node.right);
  }
  if (!left && !right) return null;
  switch (op) {
    case ts.SyntaxKind.AmpersandAmpersandToken:
      if (left) return left.value ? keep(ctx, node, node.right) : keep(ctx, node, node.left);
      if (right!.value) return keep(ctx, node, node.left);
      // `x && false` is false only when `x` can be dropped.
      return ctx.isEffectFree(node.left) ? constant(ctx, node, right!.value) : null;
    case ts.SyntaxKind.BarBarToken:
      if (left) return left.value ? keep(ctx, node, node.left) : keep(ctx, node, node.right);
      if (!right!.value) return keep(ctx, node, node.left);
      return ctx.isEffectFree(node.left) ? constant(ctx, node, right!.value) : null;
    case ts.SyntaxKind.QuestionQuestionToken:
      if (left && left.value !== null) return keep(ctx, node, node.left);
      if (left) return keep(ctx, node, node.right);
      return null;
    case ts.SyntaxKind.EqualsEqualsEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsEqualsToken:
    case ts.SyntaxKind.EqualsEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsToken: {
      const a = left ? left.value : literalValue(node.left);
      const b = right ? right.value : literalValue(node.right);
      if (a === undefined || b === undefined) return null;
      return constant(ctx, node, compare(op, a, b));
    }
    default:
      return null;
  }
}

function compare(op: ts.SyntaxKind, a: Folded, b: Folded): boolean {
  switch (op) {
    case ts.SyntaxKind.EqualsEqualsEqualsToken:
      return a === b;
    case ts.SyntaxKind.ExclamationEqualsEqualsToken:
      return a !== b;
    case ts.SyntaxKind.EqualsEqualsToken:
      // Loose equality on two literals: JavaScript's own rules are the spec.
      return a == b;
    default:
      return a != b;
  }
}

function foldJsxContainer(ctx: FoldContext, node: ts.JsxExpression): Edit | null {
  const expr = node.expression;
  if (!expr) return null;
  const inChildren = ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent);
  const c = ctx.constantOf(expr);
  const rendersNothing = c
    ? typeof c.value === 'boolean' || c.value === null
    : ctx.isTouched(expr) && (expr.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(expr) && expr.text === 'undefined'));
  if (inChildren && rendersNothing) {
    // `{false}` renders nothing: drop the container, and its line when it stood alone.
    const r = removalRange(ctx.text, node, false);
    return { start: r.start, end: r.end, parts: [''] };
  }
  if (inChildren && ctx.isTouched(expr)) {
    let jsx: ts.Expression = expr;
    while (ts.isParenthesizedExpression(jsx)) jsx = jsx.expression;
    if (ts.isJsxElement(jsx) || ts.isJsxSelfClosingElement(jsx) || ts.isJsxFragment(jsx)) {
      const span = ctx.span(jsx);
      const parts = reindentedParts(ctx.text, span, indentAt(ctx.text, span.start), indentAt(ctx.text, node.getStart(ctx.sf)));
      return { start: node.getStart(ctx.sf), end: node.getEnd(), parts };
    }
  }
  if (inChildren && ts.isStringLiteral(expr) && (c || ctx.isTouched(expr)) && /^[^{}<>&\n]+$/.test(expr.text) && expr.text.trim() === expr.text && onlyChild(node)) {
    // `<p>{'Pay now'}</p>` reads better as JSX text. Only as the sole child: next to other text
    // or expressions, JSX's line-joining whitespace rules would change what renders.
    return replaceWith(node.getStart(ctx.sf), node.getEnd(), expr.text);
  }
  if (ts.isJsxAttribute(node.parent) && c?.value === true && !isConditionalRender(node.parent.parent)) {
    // `hugging={true}` is `hugging`, as the engineer writes it (a conditional render folds whole).
    return replaceWith(node.parent.getStart(ctx.sf), node.getEnd(), node.parent.name.getText(ctx.sf));
  }
  if (ts.isJsxAttribute(node.parent) && ctx.isTouched(expr)) {
    // A kept branch `control={\n  on ? (\n    <Switch />\n  ) : (...)\n}` keeps parentheses and
    // line breaks an attribute does not need once one short element is left: `control={<Switch />}`.
    let jsx: ts.Expression = expr;
    while (ts.isParenthesizedExpression(jsx)) jsx = jsx.expression;
    const span = ctx.span(jsx);
    const jsxNode = ts.isJsxElement(jsx) || ts.isJsxSelfClosingElement(jsx) || ts.isJsxFragment(jsx);
    const container = ctx.text.slice(node.getStart(ctx.sf), node.getEnd());
    const around = ctx.text.slice(node.getStart(ctx.sf) + 1, span.start) + ctx.text.slice(span.end, node.getEnd() - 1);
    if (jsxNode && container !== `{${ctx.text.slice(span.start, span.end)}}` && !ctx.text.slice(span.start, span.end).includes('\n') && /^[\s()]*$/.test(around)) {
      return { start: node.getStart(ctx.sf), end: node.getEnd(), parts: ['{', span, '}'] };
    }
  }
  if (ts.isJsxAttribute(node.parent) && ts.isStringLiteral(expr) && (c || ctx.isTouched(expr)) && !/["\\\n]/.test(expr.text)) {
    return replaceWith(node.getStart(ctx.sf), node.getEnd(), `"${expr.text}"`);
  }
  return null;
}

function onlyChild(node: ts.JsxExpression): boolean {
  const parent = node.parent as ts.JsxElement | ts.JsxFragment;
  return parent.children.every((c) => c === node || (ts.isJsxText(c) && c.containsOnlyTriviaWhiteSpaces));
}
