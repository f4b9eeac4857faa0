/**
 * The flag keys an in-code registry export lists, read from syntax (docs/registry.md, "Shapes"):
 * - a string enum: its members' values;
 * - a union of string literals, through aliases and unions of aliases in other modules;
 * - an interface, object type or mapped type (`{ [k in FlagKey]: boolean }`, `Partial<…>`,
 *   `Record<FlagKey, …>`): its property names;
 * - an object const: its values when every value is a string (`{ NEW_NAV: 'new-nav' } as const`),
 *   else its property names (a defaults object, a settings map of objects). In a settings map
 *   where entries say `isFeature`, only those with `isFeature: true` are flags.
 * - an array const of strings, `keyof typeof X`, `(typeof X)[keyof typeof X]`, `typeof X`.
 */
import ts from '../../typescript.cjs';
import type { FlagValue } from '../../types.js';
import { propertyNameText, skipOuterExpressions } from '../../matching/syntax.js';
import type { CodeModules, FoundDecl, RegistryDecl } from './code-modules.js';

/** One key as the registry module declares it. */
export interface CodeKey {
  key: string;
  file: string;
  sf: ts.SourceFile;
  /** The member, property or literal that spells the key. */
  node: ts.Node;
  /** Where its JSDoc may start: the end of the previous member (a union's `|` sits in between). */
  docFrom: number;
  /** From a settings-map entry: its `default` and `description` literals. */
  fallback?: FlagValue;
  description?: string;
}

/** Wrappers that keep the keys of their first type argument. */
const SAME_KEYS = new Set(['Partial', 'Required', 'Readonly', 'NonNullable', 'DeepPartial', 'Lowercase', 'Uppercase']);
const MAX_DEPTH = 24;

export class KeyReader {
  constructor(private readonly modules: CodeModules) {}

  /** Keys of a declaration set; the first declaration that lists any wins (an enum before a same-named type). */
  ofFound(found: FoundDecl, depth = 0): CodeKey[] {
    for (const decl of found.decls) {
      const keys = this.ofDecl(decl, found, depth);
      if (keys.length > 0) return keys;
    }
    return [];
  }

  private ofDecl(decl: RegistryDecl, at: FoundDecl, depth: number): CodeKey[] {
    if (depth > MAX_DEPTH) return [];
    if (ts.isEnumDeclaration(decl)) {
      const out: CodeKey[] = [];
      decl.members.forEach((m) => {
        const init = m.initializer && skipOuterExpressions(m.initializer);
        if (init && ts.isStringLiteralLike(init)) out.push(this.key(init.text, at, m, m.pos));
      });
      return out;
    }
    if (ts.isInterfaceDeclaration(decl)) {
      const inherited = (decl.heritageClauses ?? []).flatMap((h) => h.types.flatMap((t) => (ts.isIdentifier(t.expression) ? this.named(t.expression.text, at, depth + 1) : [])));
      return [...inherited, ...this.members(decl.members, at)];
    }
    if (ts.isTypeAliasDeclaration(decl)) return this.ofType(decl.type, at, depth + 1, decl.type.pos);
    const init = decl.initializer;
    if (init) {
      const keys = this.ofValue(init, at, depth + 1);
      if (keys.length > 0) return keys;
    }
    return decl.type ? this.ofType(decl.type, at, depth + 1, decl.type.pos) : [];
  }

  private key(key: string, at: FoundDecl, node: ts.Node, docFrom: number): CodeKey {
    return { key, file: at.file, sf: at.sf, node, docFrom };
  }

  /** The keys of the declaration `name` means in `at`'s module (same module or imported). */
  private named(name: string, at: FoundDecl, depth: number): CodeKey[] {
    const found = this.modules.local(at.file, name);
    return found && depth <= MAX_DEPTH ? this.ofFound(found, depth) : [];
  }

  private members(members: ts.NodeArray<ts.TypeElement>, at: FoundDecl): CodeKey[] {
    const out: CodeKey[] = [];
    for (const m of members) {
      const name = (ts.isPropertySignature(m) || ts.isMethodSignature(m)) && propertyNameText(m.name);
      if (name) out.push(this.key(name, at, m, m.pos));
    }
    return out;
  }

  ofType(type: ts.TypeNode, at: FoundDecl, depth: number, docFrom: number): CodeKey[] {
    if (depth > MAX_DEPTH) return [];
    if (ts.isParenthesizedTypeNode(type)) return this.ofType(type.type, at, depth + 1, docFrom);
    if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) {
      return type.types.flatMap((t, i) => this.ofType(t, at, depth + 1, i === 0 ? docFrom : type.types[i - 1].end));
    }
    if (ts.isLiteralTypeNode(type)) return ts.isStringLiteralLike(type.literal) ? [this.key(type.literal.text, at, type, docFrom)] : [];
    if (ts.isTypeLiteralNode(type)) return this.members(type.members, at);
    if (ts.isMappedTypeNode(type)) return type.typeParameter.constraint ? this.ofType(type.typeParameter.constraint, at, depth + 1, docFrom) : [];
    if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.KeyOfKeyword) {
      // `keyof typeof X`: the property names of the object X; `keyof T`: T's keys.
      const inner = type.type;
      if (ts.isTypeQueryNode(inner) && ts.isIdentifier(inner.exprName)) return this.valueKeys(inner.exprName.text, at, depth, 'names');
      return this.ofType(inner, at, depth + 1, docFrom);
    }
    if (ts.isTypeOperatorNode(type)) return this.ofType(type.type, at, depth + 1, docFrom);
    if (ts.isTypeQueryNode(type) && ts.isIdentifier(type.exprName)) return this.valueKeys(type.exprName.text, at, depth, 'names');
    if (ts.isIndexedAccessTypeNode(type)) {
      // `(typeof X)[keyof typeof X]` / `(typeof LIST)[number]`: the values of X.
      let object = type.objectType;
      while (ts.isParenthesizedTypeNode(object)) object = object.type;
      if (ts.isTypeQueryNode(object) && ts.isIdentifier(object.exprName)) return this.valueKeys(object.exprName.text, at, depth, 'values');
      return [];
    }
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
      const name = type.typeName.text;
      const args = type.typeArguments ?? [];
      if ((SAME_KEYS.has(name) || name === 'Record') && args.length > 0) return this.ofType(args[0], at, depth + 1, docFrom);
      if (name === 'Pick' && args.length === 2) return this.ofType(args[1], at, depth + 1, docFrom);
      if ((name === 'Omit' || name === 'Exclude') && args.length === 2) {
        const dropped = new Set(this.ofType(args[1], at, depth + 1, docFrom).map((k) => k.key));
        return this.ofType(args[0], at, depth + 1, docFrom).filter((k) => !dropped.has(k.key));
      }
      if (name === 'Extract' && args.length === 2) {
        const kept = new Set(this.ofType(args[1], at, depth + 1, docFrom).map((k) => k.key));
        return this.ofType(args[0], at, depth + 1, docFrom).filter((k) => kept.has(k.key));
      }
      return this.named(name, at, depth + 1);
    }
    return [];
  }

  /** Keys of the const `name`: its property names or its values. */
  private valueKeys(name: string, at: FoundDecl, depth: number, want: 'names' | 'values'): CodeKey[] {
    const found = this.modules.local(at.file, name);
    const decl = found?.decls.find((d): d is ts.VariableDeclaration => ts.isVariableDeclaration(d));
    if (!found || !decl?.initializer) return [];
    const init = unwrapFreeze(decl.initializer);
    if (ts.isObjectLiteralExpression(init)) return this.objectKeys(init, found, depth + 1, want);
    if (ts.isArrayLiteralExpression(init) && want === 'values') return this.ofValue(init, found, depth + 1);
    return [];
  }

  private ofValue(expr: ts.Expression, at: FoundDecl, depth: number): CodeKey[] {
    const init = unwrapFreeze(expr);
    if (ts.isObjectLiteralExpression(init)) {
      const values = init.properties.every((p) => ts.isSpreadAssignment(p) || (ts.isPropertyAssignment(p) && ts.isStringLiteralLike(skipOuterExpressions(p.initializer))));
      const hasProperty = init.properties.some((p) => !ts.isSpreadAssignment(p));
      return this.objectKeys(init, at, depth, values && hasProperty ? 'values' : 'names');
    }
    if (ts.isArrayLiteralExpression(init)) {
      const out: CodeKey[] = [];
      init.elements.forEach((el, i) => {
        // `[...previewFlags, 'x'] as const`: the elements of that array, by the same rule.
        if (ts.isSpreadElement(el)) {
          const spread = skipOuterExpressions(el.expression);
          if (ts.isIdentifier(spread) && depth <= MAX_DEPTH) out.push(...this.valueKeys(spread.text, at, depth + 1, 'values'));
          return;
        }
        const e = skipOuterExpressions(el);
        if (ts.isStringLiteralLike(e)) out.push(this.key(e.text, at, el, i === 0 ? init.elements.pos : init.elements[i - 1].end));
      });
      return out;
    }
    return [];
  }

  private objectKeys(obj: ts.ObjectLiteralExpression, at: FoundDecl, depth: number, want: 'names' | 'values'): CodeKey[] {
    if (depth > MAX_DEPTH) return [];
    const settings = obj.properties.some((p) => ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(skipOuterExpressions(p.initializer)) && literalProperty(skipOuterExpressions(p.initializer) as ts.ObjectLiteralExpression, 'isFeature') !== undefined);
    const out: CodeKey[] = [];
    for (const p of obj.properties) {
      if (ts.isSpreadAssignment(p)) {
        // `...otherFlags`: the keys of that object, by the same rule.
        const e = skipOuterExpressions(p.expression);
        if (ts.isIdentifier(e)) out.push(...this.valueKeys(e.text, at, depth + 1, want));
        continue;
      }
      // Methods and accessors are behaviour, not flags.
      if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) continue;
      const name = propertyNameText(p.name);
      if (name === undefined) continue;
      if (want === 'values') {
        const value = ts.isPropertyAssignment(p) ? skipOuterExpressions(p.initializer) : undefined;
        if (value && ts.isStringLiteralLike(value)) out.push(this.key(value.text, at, p, p.pos));
        continue;
      }
      const value = ts.isPropertyAssignment(p) ? skipOuterExpressions(p.initializer) : undefined;
      const entry = value && ts.isObjectLiteralExpression(value) ? value : undefined;
      if (settings && (!entry || literalProperty(entry, 'isFeature') !== true)) continue;
      const key = this.key(name, at, p, p.pos);
      const fallback = entry && literalProperty(entry, 'default');
      if (fallback !== undefined) key.fallback = fallback;
      const description = entry && literalProperty(entry, 'description');
      if (typeof description === 'string' && description.trim() !== '') key.description = description;
      out.push(key);
    }
    return out;
  }
}

function unwrapFreeze(expr: ts.Expression): ts.Expression {
  const e = skipOuterExpressions(expr);
  if (ts.isCallExpression(e) && e.arguments.length === 1 && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'freeze') {
    return skipOuterExpressions(e.arguments[0]);
  }
  return e;
}

/** A boolean, string or number literal property of an object literal (undefined otherwise). */
function literalProperty(obj: ts.ObjectLiteralExpression, name: string): FlagValue | undefined {
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p) || propertyNameText(p.name) !== name) continue;
    const v = skipOuterExpressions(p.initializer);
    if (v.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (v.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (ts.isStringLiteralLike(v)) return v.text;
    if (ts.isNumericLiteral(v)) return Number(v.text);
    if (ts.isPrefixUnaryExpression(v) && v.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(v.operand)) return -Number(v.operand.text);
    return undefined;
  }
  return undefined;
}
