import ts from '../typescript.cjs';
import { hasExportModifier, skipOuterExpressions } from './syntax.js';

/** The expressions a data value holds keys in: the value itself, or each element of an array literal. */
export function dataKeyExpressions(value: ts.Expression): ts.Expression[] {
  const e = skipOuterExpressions(value);
  if (!ts.isArrayLiteralExpression(e)) return [value];
  return e.elements.filter((el) => !ts.isSpreadElement(el) && !ts.isOmittedExpression(el));
}

/** The value of `export const <name> = value` at the top of a module, else undefined. */
export function exportedConst(decl: ts.VariableDeclaration): ts.Expression | undefined {
  const list = decl.parent;
  if (!decl.initializer || !ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return undefined;
  const stmt = list.parent;
  return ts.isVariableStatement(stmt) && ts.isSourceFile(stmt.parent) && hasExportModifier(stmt) ? decl.initializer : undefined;
}
