import ts from '../typescript.cjs';
import type { KeyDeclaration } from '../types.js';
import { constObject } from './key-resolver.js';
import { positionOf, propertyNameText, skipOuterExpressions, spanOf } from './syntax.js';

const KEY_SOURCE_NAME = /flag|feature|toggle/i;

/**
 * Members of key sources in one file: enums, `as const` objects and unions of string literals
 * that a resolution went through or that type a forwarding wrapper's key; plus string consts
 * that a resolution went through. A name alone ("feature", "flag") is not enough: real code is
 * full of `featureSchema`-like objects whose strings are no keys (OpenAPI types, CSS values);
 * in a source so named, only members that spell a `registered` key count (a declared but unread flag).
 * Top-level declarations only: key sources are module-level by nature.
 */
export function collectDeclarations(sf: ts.SourceFile, file: string, usedSources: ReadonlySet<ts.Node>, registered?: ReadonlySet<string>): KeyDeclaration[] {
  const out: KeyDeclaration[] = [];
  // Named like a key source: its members count only when registered (checked in `push`).
  const named = new Set<ts.Node>();
  const isSource = (node: ts.Node, name: string): boolean => {
    if (usedSources.has(node)) return true;
    if (!registered || registered.size === 0 || !KEY_SOURCE_NAME.test(name)) return false;
    named.add(node);
    return true;
  };
  let container: ts.Node | undefined;
  const push = (key: string, declKind: KeyDeclaration['declKind'], containerName: string, node: ts.Node): void => {
    if (container && named.has(container) && !registered?.has(key)) return;
    const span = spanOf(node, sf);
    out.push({ kind: 'declaration', key, declKind, container: containerName, file, span, ...positionOf(span.start, sf) });
  };

  for (const stmt of sf.statements) {
    container = ts.isVariableStatement(stmt) ? undefined : stmt;
    if (ts.isEnumDeclaration(stmt) && isSource(stmt, stmt.name.text)) {
      for (const m of stmt.members) {
        const init = m.initializer && skipOuterExpressions(m.initializer);
        if (init && (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init))) push(init.text, 'enum-member', stmt.name.text, m);
      }
    } else if (ts.isTypeAliasDeclaration(stmt) && isSource(stmt, stmt.name.text)) {
      for (const lit of stringLiteralTypes(stmt.type)) push(lit.text, 'union-member', stmt.name.text, lit.parent);
    } else if (ts.isVariableStatement(stmt)) {
      for (const decl of stmt.declarationList.declarations) {
        if (!ts.isIdentifier(decl.name) || !decl.initializer) continue;
        const init = skipOuterExpressions(decl.initializer);
        // A plain string const counts only when a read resolved through it: names alone are too noisy.
        container = undefined;
        if ((ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) && usedSources.has(decl)) {
          push(init.text, 'const', decl.name.text, decl);
          continue;
        }
        container = decl;
        // A plain (typed, not `as const`) object: only the properties a read resolved through.
        if (ts.isObjectLiteralExpression(init) && !constObject(decl.initializer)) {
          usedProperties(init, usedSources, (key, node) => push(key, 'const-object-property', decl.name.getText(sf), node));
          continue;
        }
        if (!isSource(decl, decl.name.text)) continue;
        const obj = constObject(decl.initializer);
        if (obj) objectProperties(obj, (key, node) => push(key, 'const-object-property', decl.name.getText(sf), node));
      }
    } else if (ts.isExportAssignment(stmt) && !stmt.isExportEquals) {
      const init = skipOuterExpressions(stmt.expression);
      if (ts.isObjectLiteralExpression(init)) usedProperties(init, usedSources, (key, node) => push(key, 'const-object-property', 'default', node));
    }
  }
  return out;
}

function usedProperties(obj: ts.ObjectLiteralExpression, used: ReadonlySet<ts.Node>, visit: (key: string, node: ts.Node) => void): void {
  for (const p of obj.properties) {
    if (!used.has(p) || !ts.isPropertyAssignment(p)) continue;
    const init = skipOuterExpressions(p.initializer);
    if (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) visit(init.text, p);
  }
}

/** String literal types of a union (or a single literal), through parentheses. */
function stringLiteralTypes(type: ts.TypeNode): ts.StringLiteral[] {
  const out: ts.StringLiteral[] = [];
  const stack: ts.TypeNode[] = [type];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (ts.isUnionTypeNode(t)) for (let i = t.types.length - 1; i >= 0; i--) stack.push(t.types[i]);
    else if (ts.isParenthesizedTypeNode(t)) stack.push(t.type);
    else if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) out.push(t.literal);
  }
  return out;
}

/** String-valued properties, nested objects included, in source order. */
function objectProperties(obj: ts.ObjectLiteralExpression, visit: (key: string, node: ts.Node) => void, depth = 0): void {
  if (depth > 16) return;
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p) || propertyNameText(p.name) === undefined) continue;
    const init = skipOuterExpressions(p.initializer);
    if (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) visit(init.text, p);
    else if (ts.isObjectLiteralExpression(init)) objectProperties(init, visit, depth + 1);
  }
}
