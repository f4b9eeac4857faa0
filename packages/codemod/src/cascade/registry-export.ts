import ts from '../ts-morph-ts.cjs';

/**
 * The keys of one code-registry export (`registry.code`'s `module#ExportName`) and the node that
 * declares each one, read from the module's text: a union of string literals (or an alias of
 * one), a string enum, an `as const` object of ids (its values are the keys; with object values,
 * a settings map, its property names), an interface or object type (its property names).
 */
export interface RegistryMember {
  key: string;
  /** The enum member, property or literal type that declares the key (deleted with it). */
  node: ts.Node;
  /** How code names the key through the export: `NewSearch` in `FeatureFlag.NewSearch`. */
  alias?: string;
}

export interface RegistryExport {
  name: string;
  members: RegistryMember[];
}

const MAX_ALIAS_DEPTH = 8;

export function readRegistryExport(sf: ts.SourceFile, exportName: string): RegistryExport | null {
  const decl = topLevel(sf, exportName);
  if (!decl) return null;
  const members: RegistryMember[] = [];
  collect(sf, decl, members, 0);
  return { name: exportName, members };
}

function topLevel(sf: ts.SourceFile, name: string): ts.Node | undefined {
  for (const s of sf.statements) {
    if ((ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s) || ts.isEnumDeclaration(s)) && s.name.text === name) return s;
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name) return d;
    }
  }
  return undefined;
}

function collect(sf: ts.SourceFile, decl: ts.Node, out: RegistryMember[], depth: number): void {
  if (depth > MAX_ALIAS_DEPTH) return;
  if (ts.isEnumDeclaration(decl)) {
    for (const m of decl.members) {
      const name = nameText(m.name);
      const init = m.initializer && unwrap(m.initializer);
      const key = init && (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) ? init.text : init ? undefined : name;
      if (key !== undefined) out.push({ key, node: m, alias: name });
    }
  } else if (ts.isInterfaceDeclaration(decl)) {
    typeMembers(decl.members, out);
  } else if (ts.isTypeAliasDeclaration(decl)) {
    typeNode(sf, decl.type, out, depth);
  } else if (ts.isVariableDeclaration(decl) && decl.initializer) {
    const init = unwrap(decl.initializer);
    if (ts.isObjectLiteralExpression(init)) {
      for (const p of init.properties) {
        if (!ts.isPropertyAssignment(p)) continue;
        const name = nameText(p.name);
        const value = unwrap(p.initializer);
        // Ids: the value is the key (`POWER_STEERING: 'powerSteering'`); anything else
        // (settings objects, default values) is keyed by the property name.
        if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) out.push({ key: value.text, node: p, alias: name });
        else if (name !== undefined) out.push({ key: name, node: p, alias: name });
      }
    } else if (ts.isArrayLiteralExpression(init)) {
      for (const e of init.elements) if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) out.push({ key: e.text, node: e });
    }
  }
}

function typeNode(sf: ts.SourceFile, type: ts.TypeNode, out: RegistryMember[], depth: number): void {
  if (ts.isParenthesizedTypeNode(type)) typeNode(sf, type.type, out, depth);
  else if (ts.isUnionTypeNode(type)) for (const t of type.types) typeNode(sf, t, out, depth);
  else if (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) out.push({ key: type.literal.text, node: type });
  else if (ts.isTypeLiteralNode(type)) typeMembers(type.members, out);
  else if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    // `type FlagKey = Keys` in the same module: its declaration is the registry.
    const target = topLevel(sf, type.typeName.text);
    if (target && target !== type.parent) collect(sf, target, out, depth + 1);
  } else if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.KeyOfKeyword) {
    // `keyof typeof SETTINGS`: the object's property names.
    const inner = type.type;
    if (ts.isTypeQueryNode(inner) && ts.isIdentifier(inner.exprName)) {
      const target = topLevel(sf, inner.exprName.text);
      if (target && ts.isVariableDeclaration(target) && target.initializer && ts.isObjectLiteralExpression(unwrap(target.initializer))) {
        for (const p of (unwrap(target.initializer) as ts.ObjectLiteralExpression).properties) {
          const name = ts.isPropertyAssignment(p) ? nameText(p.name) : undefined;
          if (name !== undefined) out.push({ key: name, node: p, alias: name });
        }
      }
    }
  }
}

function typeMembers(members: ts.NodeArray<ts.TypeElement>, out: RegistryMember[]): void {
  for (const m of members) {
    const name = ts.isPropertySignature(m) ? nameText(m.name) : undefined;
    if (name !== undefined) out.push({ key: name, node: m, alias: name });
  }
}

export function nameText(name: ts.Node | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** Through `as const`, `satisfies`, parentheses and non-null assertions. */
export function unwrap(e: ts.Expression): ts.Expression {
  let cur = e;
  while (ts.isAsExpression(cur) || ts.isSatisfiesExpression(cur) || ts.isParenthesizedExpression(cur) || ts.isNonNullExpression(cur) || ts.isTypeAssertionExpression(cur)) cur = cur.expression;
  return cur;
}
