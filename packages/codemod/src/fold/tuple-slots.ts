import ts from '../ts-morph-ts.cjs';
import { replaceWith, withoutNested, type Edit } from '../edit/text-edits.js';
import { skipOuter, type FoldContext } from './fold-context.js';
import { referencesInScope, scopeOfDeclaration } from './scope.js';

/**
 * `const [projects, newNav] = await Promise.all([getProjects(), true])` after the read in the
 * second slot was folded: the slot and its name go, and every use of the name becomes the
 * literal (which the other rules then fold).
 */
export function inlineTupleSlot(ctx: FoldContext, decl: ts.VariableDeclaration): Edit[] | null {
  const pattern = decl.name;
  if (!ts.isArrayBindingPattern(pattern) || !decl.initializer || (decl.parent.flags & ts.NodeFlags.Const) === 0) return null;
  let init = skipOuter(decl.initializer);
  if (ts.isAwaitExpression(init)) init = skipOuter(init.expression);
  if (!ts.isCallExpression(init) || init.expression.getText(ctx.sf) !== 'Promise.all' || init.arguments.length !== 1) return null;
  const list = skipOuter(init.arguments[0]);
  if (!ts.isArrayLiteralExpression(list) || list.elements.some(ts.isSpreadElement)) return null;
  // A rest element's content depends on the slots before it.
  if (pattern.elements.some((e) => ts.isBindingElement(e) && e.dotDotDotToken)) return null;
  if (pattern.elements.length < 2 || list.elements.length < 2) return null;
  for (let i = 0; i < pattern.elements.length && i < list.elements.length; i++) {
    const binding = pattern.elements[i];
    const c = ctx.constantOf(skipOuter(list.elements[i]));
    if (!c || !ts.isBindingElement(binding) || !ts.isIdentifier(binding.name) || binding.initializer) continue;
    const name = binding.name.text;
    const literal = ctx.textOf(skipOuter(list.elements[i]));
    const edits: Edit[] = [];
    for (const ref of referencesInScope(scopeOfDeclaration(decl), name)) {
      if (ref === binding.name) continue;
      const p = ref.parent;
      if (ts.isExportSpecifier(p) || ts.isTypeQueryNode(p)) return null;
      const at = ref.getStart(ctx.sf);
      if (ts.isShorthandPropertyAssignment(p)) edits.push(replaceWith(at, at, `${name}: `));
      edits.push(replaceWith(at, ref.getEnd(), literal, true));
    }
    edits.push(removeItem(ctx, pattern.elements, i), removeItem(ctx, list.elements, i));
    return withoutNested(edits);
  }
  return null;
}

function removeItem(ctx: FoldContext, items: ts.NodeArray<ts.Node>, i: number): Edit {
  const item = items[i];
  if (i < items.length - 1) return replaceWith(item.getStart(ctx.sf), items[i + 1].getStart(ctx.sf), '');
  return replaceWith(items[i - 1].getEnd(), item.getEnd(), '');
}
