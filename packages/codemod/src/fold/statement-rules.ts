import ts from '../ts-morph-ts.cjs';
import { attachedCommentStart, indentAt, reindentedParts, removeNode } from '../edit/layout.js';
import { sliceOf, type Edit } from '../edit/text-edits.js';
import { literalValue, type FoldContext } from './fold-context.js';
import { foldDeferredInitializer, joinCondition } from './statement-residue.js';
import { boundNames, declaredNames, referencesInScope } from './scope.js';

/** Branch pruning: `if`, `while (false)`, `switch` over a folded value, and code left unreachable. */
export function foldStatement(ctx: FoldContext, node: ts.Node): Edit[] | null {
  if (ts.isIfStatement(node)) return foldIf(ctx, node) ?? joinCondition(ctx, node);
  if (ts.isWhileStatement(node)) {
    const c = ctx.constantOf(node.expression);
    return c && !c.value ? [removeStatement(ctx, node)] : null;
  }
  if (ts.isExpressionStatement(node)) return foldExpressionStatement(ctx, node);
  if (ts.isSwitchStatement(node)) return foldSwitch(ctx, node);
  if (ts.isReturnStatement(node)) return foldTrailingReturn(ctx, node);
  if (ts.isBlock(node) && isStatementList(node.parent) && ctx.isTouched(node) && node.statements.length > 0 && !clashes(ctx, node.statements, node)) {
    // A kept branch left as a bare block (its names clashed with code since pruned): unwrap it.
    return [{ start: node.getStart(ctx.sf), end: node.getEnd(), parts: inlinedStatements(ctx, node.statements, node.getStart(ctx.sf)) }];
  }
  if (isStatementList(node)) return pruneUnreachable(ctx, node);
  return null;
}

type StatementList = ts.Block | ts.SourceFile | ts.ModuleBlock | ts.CaseClause | ts.DefaultClause;

function isStatementList(node: ts.Node): node is StatementList {
  return ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node);
}

/** The test's verdict, plus an operand that must still run for its effects (`load() || true`). */
function decide(ctx: FoldContext, test: ts.Expression): { value: boolean; effect?: ts.Expression } | null {
  const c = ctx.constantOf(test);
  if (c) return { value: Boolean(c.value) };
  if (ts.isBinaryExpression(test) && !ctx.isEffectFree(test.left)) {
    const r = ctx.constantOf(test.right);
    if (!r) return null;
    const op = test.operatorToken.kind;
    if (op === ts.SyntaxKind.BarBarToken && r.value) return { value: true, effect: test.left };
    if (op === ts.SyntaxKind.AmpersandAmpersandToken && !r.value) return { value: false, effect: test.left };
  }
  return null;
}

function foldIf(ctx: FoldContext, node: ts.IfStatement): Edit[] | null {
  const verdict = decide(ctx, node.expression);
  if (!verdict) return null;
  const chosen = verdict.value ? node.thenStatement : node.elseStatement;
  const effect = verdict.effect ? `${ctx.textOf(verdict.effect)};` : '';
  const inList = isStatementList(node.parent);
  const start = node.getStart(ctx.sf);
  const end = node.getEnd();

  if (!chosen || (ts.isBlock(chosen) && chosen.statements.length === 0 && inList)) {
    if (effect) return [{ start, end, parts: [effect] }];
    if (inList) return [removeStatement(ctx, node)];
    const parent = node.parent;
    if (ts.isIfStatement(parent) && parent.elseStatement === node) {
      // `else if (false) {...}` without a final else: drop the whole `else` clause.
      return [{ start: parent.thenStatement.getEnd(), end, parts: [''] }];
    }
    return [{ start, end, parts: ['{}'] }];
  }
  if (effect && !inList) return null;
  const prefix = effect ? [effect, `\n${indentAt(ctx.text, start)}`] : [];
  if (ts.isBlock(chosen) && inList && !clashes(ctx, chosen.statements, node)) {
    return [{ start, end, parts: [...prefix, ...inlinedStatements(ctx, chosen.statements, start)] }];
  }
  return [{ start, end, parts: [...prefix, ctx.span(chosen)] }];
}

/** Statements moved out of a block into its parent, re-indented to the parent's level. */
function inlinedStatements(ctx: FoldContext, statements: readonly ts.Statement[], at: number): Array<string | { start: number; end: number }> {
  const first = attachedCommentStart(ctx.text, statements[0]);
  const last = statements[statements.length - 1].getEnd();
  return reindentedParts(ctx.text, { start: first, end: last }, indentAt(ctx.text, first), indentAt(ctx.text, at));
}

/**
 * Moving `const x` out of a block is unsafe when the parent scope already knows an `x`: it would
 * redeclare or shadow it. Then the block is kept as a bare block. Only real bindings and
 * references count: a property `o.x`, or an `x` that a nested function declares for itself, is
 * no clash.
 */
function clashes(ctx: FoldContext, statements: readonly ts.Statement[], replaced: ts.Node): boolean {
  const names = new Set(statements.flatMap((s) => (isBlockScoped(s) ? declaredNames(s) : [])));
  if (names.size === 0) return false;
  const parent = replaced.parent;
  const scope: ts.Node = ts.isCaseClause(parent) || ts.isDefaultClause(parent) ? parent.parent : parent;
  const siblings = ts.isCaseBlock(scope) ? scope.clauses.flatMap((c) => [...c.statements]) : isStatementList(scope) ? [...scope.statements] : [];
  const fn = ts.isBlock(scope) && ts.isFunctionLike(scope.parent) ? scope.parent : undefined;
  const from = replaced.getStart(ctx.sf);
  const to = replaced.getEnd();
  for (const name of names) {
    if (fn?.parameters.some((p) => boundNames(p.name).includes(name))) return true;
    if (fn && ts.isFunctionExpression(fn) && fn.name?.text === name) return true;
    if (siblings.some((s) => s !== replaced && declaredNames(s).includes(name))) return true;
    if (referencesInScope(scope, name, { types: true }).some((id) => id.getStart(ctx.sf) < from || id.getEnd() > to)) return true;
  }
  return false;
}

function isBlockScoped(s: ts.Statement): boolean {
  if (ts.isVariableStatement(s)) return (s.declarationList.flags & ts.NodeFlags.BlockScoped) !== 0;
  return ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isEnumDeclaration(s);
}

function removeStatement(ctx: FoldContext, node: ts.Statement): Edit {
  if (isStatementList(node.parent)) return removeNode(ctx.text, node);
  return { start: node.getStart(ctx.sf), end: node.getEnd(), parts: ['{}'] };
}

function foldExpressionStatement(ctx: FoldContext, node: ts.ExpressionStatement): Edit[] | null {
  if (ctx.constantOf(node.expression)) return [removeStatement(ctx, node)];
  const e = node.expression;
  if (ts.isBinaryExpression(e) && ctx.constantOf(e.right) && !ctx.isEffectFree(e.left)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      return [sliceOf(e.getStart(ctx.sf), e.getEnd(), ctx.span(e.left))];
    }
  }
  return foldDeferredInitializer(ctx, node);
}

function foldSwitch(ctx: FoldContext, node: ts.SwitchStatement): Edit[] | null {
  const c = ctx.constantOf(node.expression);
  if (!c) return null;
  const clauses = node.caseBlock.clauses;
  let index = clauses.findIndex((cl) => ts.isCaseClause(cl) && literalValue(cl.expression) === c.value);
  if (index === -1) {
    // Only a clause whose label is a literal can be decided; anything else is left alone.
    if (clauses.some((cl) => ts.isCaseClause(cl) && literalValue(cl.expression) === undefined)) return null;
    index = clauses.findIndex((cl) => ts.isDefaultClause(cl));
  }
  if (index === -1) return [removeStatement(ctx, node)];
  // Each clause's statements are a separate run of text (`case 'x':` lies between them).
  const groups: ts.Statement[][] = [];
  for (let i = index; i < clauses.length; i++) {
    const stmts = clauses[i].statements;
    const group = stmts.length === 1 && ts.isBlock(stmts[0]) ? [...stmts[0].statements] : [...stmts];
    if (group.length > 0) groups.push(group);
    const last = group[group.length - 1];
    if (last && isTerminal(last)) break;
  }
  const lastGroup = groups[groups.length - 1];
  const last = lastGroup?.[lastGroup.length - 1];
  if (last && ts.isBreakStatement(last) && !last.label) {
    lastGroup.pop();
    if (lastGroup.length === 0) groups.pop();
  }
  const taken = groups.flat();
  if (taken.some((s) => breaksOut(s))) return null;
  if (taken.length === 0) return [removeStatement(ctx, node)];
  const start = node.getStart(ctx.sf);
  if (!isStatementList(node.parent) || clashes(ctx, taken, node)) return null;
  const parts = groups.flatMap((g, i) => [...(i > 0 ? [`\n${indentAt(ctx.text, start)}`] : []), ...inlinedStatements(ctx, g, start)]);
  return [{ start, end: node.getEnd(), parts }];
}

/** A `break` that would leave the switch being removed (so its statements cannot be inlined). */
function breaksOut(node: ts.Node): boolean {
  if (ts.isBreakStatement(node) && !node.label) return true;
  if (ts.isIterationStatement(node, false) || ts.isSwitchStatement(node) || ts.isFunctionLike(node)) return false;
  return ts.forEachChild(node, (c) => (breaksOut(c) ? true : undefined)) ?? false;
}

/**
 * Control never reaches past it: `return`, `throw`, `break`, `continue`, a block ending in one,
 * or an `if`/`else` whose both branches are terminal.
 */
function isTerminal(s: ts.Statement): boolean {
  if (ts.isReturnStatement(s) || ts.isThrowStatement(s) || ts.isBreakStatement(s) || ts.isContinueStatement(s)) return true;
  if (ts.isIfStatement(s)) return s.elseStatement !== undefined && isTerminal(s.thenStatement) && isTerminal(s.elseStatement);
  return ts.isBlock(s) && s.statements.length > 0 && isTerminal(s.statements[s.statements.length - 1]);
}

/** Statements after a `return`/`throw` that this run exposed (e.g. by inlining `if (flag) return`). */
function pruneUnreachable(ctx: FoldContext, list: StatementList): Edit[] | null {
  const stmts = list.statements;
  const i = stmts.findIndex((s) => isTerminal(s) && ctx.isInsideTouched(s));
  if (i === -1) return null;
  // Function declarations are hoisted, so they stay reachable.
  const dead = stmts.slice(i + 1).filter((s) => !ts.isFunctionDeclaration(s));
  return dead.length ? dead.map((s) => removeNode(ctx.text, s)) : null;
}

/** `return;` that an inlined branch left as the last statement of a function body says nothing. */
function foldTrailingReturn(ctx: FoldContext, node: ts.ReturnStatement): Edit[] | null {
  const body = node.parent;
  if (node.expression || !ts.isBlock(body) || !ts.isFunctionLike(body.parent) || body.statements[body.statements.length - 1] !== node) return null;
  return ctx.isInsideTouched(node) ? [removeNode(ctx.text, node)] : null;
}
