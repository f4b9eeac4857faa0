import ts from '../typescript.cjs';
import { declaresMeaning, requiredModule } from './module-symbols.js';
import type { LocalDecl, Meaning } from './module-symbols.js';
import type { ProjectContext } from './project-context.js';
import { frozenObject, isAsConst, propertyNameText, skipOuterExpressions } from './syntax.js';

/** A declaration after imports and re-exports were followed. An unresolvable import stays an `import`. */
export type Resolved = LocalDecl | { kind: 'expression'; file: string; expr: ts.Expression };

/** What a key expression evaluates to, statically. */
type Value =
  | { kind: 'string'; value: string }
  | { kind: 'enum'; decl: ts.EnumDeclaration; file: string }
  /**
   * `plain`: a const-bound object literal that is neither `as const` nor frozen; only the
   * properties a read resolves through are key sources (the rest is settings: descriptions, env names).
   */
  | { kind: 'object'; node: ts.ObjectLiteralExpression; file: string; container?: ts.Node; plain?: boolean }
  | { kind: 'namespace'; target: string };

/** Deep enough for real constant chains, shallow enough to never threaten the stack. */
const MAX_DEPTH = 48;

/**
 * Evaluates key expressions to strings: literals, consts, enum members, `as const` / frozen
 * object properties, through imports, re-exports and barrels. Anything else is unknown.
 */
export class KeyResolver {
  /** Enums, `as const` objects, string consts and type aliases that some resolution went through. */
  readonly keySources = new Set<ts.Node>();
  /** Per plain object const: true when its module never writes to it. */
  private readonly unmutated = new WeakMap<ts.VariableDeclaration, boolean>();

  constructor(private readonly ctx: ProjectContext) {}

  resolveKey(expr: ts.Expression, file: string): string | null {
    const v = this.evaluate(expr, file, 0);
    return v?.kind === 'string' ? v.value : null;
  }

  /**
   * The elements of an array of keys at a key position (`isEnabled([A.key, 'b'])`), or undefined
   * when `expr` is not an array literal. Each element is resolved on its own.
   */
  keyElements(expr: ts.Expression): ts.Expression[] | undefined {
    const e = skipOuterExpressions(expr);
    return ts.isArrayLiteralExpression(e) ? [...e.elements] : undefined;
  }

  /**
   * The expression of property `name` in the options object `expr` (`keyProperty`): an object
   * literal, a const of this file bound to one, or one level of factory / constructor around one
   * (`Command.create({ orgId, key })`, `new Query({ key })`: the only object argument that has
   * the property). Null when the options certainly lack it (the call reads no flag); undefined
   * when they cannot be seen (a spread, a parameter): the read stays dynamic.
   */
  optionProperty(expr: ts.Expression, name: string, file: string): ts.Expression | null | undefined {
    const bare = skipOuterExpressions(expr);
    // `flag("status")`, `flag(args, "x")` with `args: string[]`: no options object, so another
    // function of the same name (a CLI's argument helper), not a read.
    if (notAnObject(bare) || (ts.isIdentifier(bare) && this.primitiveParameter(bare, file))) return null;
    const e = this.constInitializer(bare, file);
    if (e === undefined) return undefined;
    if (notAnObject(e)) return null;
    if (ts.isObjectLiteralExpression(e)) return propertyIn(e, name);
    if ((ts.isCallExpression(e) || ts.isNewExpression(e)) && e.arguments) {
      // `process.argv.slice(2)`: built from literals only, so from no options object.
      if (e.arguments.length > 0 && e.arguments.every((a) => notAnObject(skipOuterExpressions(a)))) return null;
      // `Command.create(options)` with `const options = { key: ... }` built just before.
      const objects = e.arguments
        .map((a) => this.constInitializer(skipOuterExpressions(a), file))
        .filter((a): a is ts.ObjectLiteralExpression => a !== undefined && ts.isObjectLiteralExpression(a));
      const found = objects.map((o) => propertyIn(o, name));
      const present = found.filter((x) => x !== null);
      if (present.length === 0 && objects.length > 0) return null;
      return present.length === 1 ? present[0] : undefined;
    }
    return undefined;
  }

  /** A parameter declared with a primitive or array type (`args: string[]`, `name: string`). */
  private primitiveParameter(id: ts.Identifier, file: string): boolean {
    const symbols = this.ctx.symbols(file);
    const d = symbols && this.ctx.scopes.lookup(id.text, id, file, 'value', symbols);
    const type = d?.kind === 'param' ? d.decl.type : undefined;
    if (!type) return false;
    return ts.isArrayTypeNode(type) || ts.isTupleTypeNode(type) || PRIMITIVE_TYPES.has(type.kind);
  }

  /**
   * `e` itself, or for an identifier the initializer of the const of this very file it names (its
   * literal sits in the tree the caller walks); undefined for any other identifier.
   */
  private constInitializer(e: ts.Expression, file: string): ts.Expression | undefined {
    if (!ts.isIdentifier(e)) return e;
    const d = this.lookup(e, file, 'value');
    if (d?.kind !== 'var' || !d.isConst || d.file !== file || !d.decl.initializer) return undefined;
    return skipOuterExpressions(d.decl.initializer);
  }

  /** The declaration an identifier refers to at its position, imports followed. */
  /** `gate`: modules not to open (their declarations are not looked for). */
  lookup(id: ts.Identifier, file: string, meaning: Meaning, gate?: (file: string) => boolean): Resolved | undefined {
    const symbols = this.ctx.symbols(file);
    if (!symbols) return undefined;
    const local = this.ctx.scopes.lookup(id.text, id, file, meaning, symbols);
    return local ? this.follow(local, meaning, new Set(), gate) : undefined;
  }

  /** Follows an import to the declaration it names in the target module. */
  follow(d: LocalDecl, meaning: Meaning, seen: Set<string>, gate?: (file: string) => boolean): Resolved {
    if (d.kind !== 'import') return d;
    const target = this.ctx.resolveModule(d.specifier, d.file);
    if (!target) return d;
    if (d.imported === '*') return { kind: 'namespace', file: d.file, target };
    return this.resolveExport(target, d.imported, meaning, seen, gate) ?? d;
  }

  /** The declaration behind `export <name>` of a module, through `export … from` and `export *`. */
  resolveExport(target: string, name: string, meaning: Meaning, seen: Set<string> = new Set(), gate?: (file: string) => boolean): Resolved | undefined {
    const visitKey = `${target}\0${name}\0${meaning}`;
    if (seen.has(visitKey) || seen.size > 256) return undefined;
    seen.add(visitKey);
    if (gate && !gate(target)) return undefined;
    const symbols = this.ctx.symbols(target);
    if (!symbols) return undefined;
    const entry = symbols.exports.get(name);
    if (entry?.kind === 'local') {
      const local = symbols.locals.get(entry.name)?.find((d) => declaresMeaning(d, meaning));
      return local ? this.follow(local, meaning, seen, gate) : undefined;
    }
    if (entry?.kind === 'expression') return { kind: 'expression', file: target, expr: entry.expr };
    if (entry?.kind === 'reexport') {
      const next = this.ctx.resolveModule(entry.specifier, target);
      if (!next) return { kind: 'import', file: target, specifier: entry.specifier, imported: entry.name };
      if (entry.name === '*') return { kind: 'namespace', file: target, target: next };
      return this.resolveExport(next, entry.name, meaning, seen, gate);
    }
    if (name === 'default') return undefined;
    for (const spec of symbols.starExports) {
      const next = this.ctx.resolveModule(spec, target);
      const found = next ? this.resolveExport(next, name, meaning, seen, gate) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  private evaluate(expr: ts.Expression, file: string, depth: number): Value | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const e = skipOuterExpressions(expr);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return { kind: 'string', value: e.text };
    if (ts.isIdentifier(e)) {
      const d = this.lookup(e, file, 'value');
      return d ? this.valueOf(d, depth + 1) : undefined;
    }
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.name)) {
      const base = this.evaluate(e.expression, file, depth + 1);
      return base ? this.member(base, e.name.text, depth + 1) : undefined;
    }
    if (ts.isElementAccessExpression(e)) {
      const arg = this.evaluate(e.argumentExpression, file, depth + 1);
      if (arg?.kind !== 'string') return undefined;
      const base = this.evaluate(e.expression, file, depth + 1);
      return base ? this.member(base, arg.value, depth + 1) : undefined;
    }
    const frozen = frozenObject(e);
    if (frozen) return { kind: 'object', node: frozen, file };
    const req = ts.isCallExpression(e) ? requiredModule(e) : undefined;
    if (req && !this.lookupName('require', e, file)) {
      const target = this.ctx.resolveModule(req.specifier, file);
      return target ? { kind: 'namespace', target } : undefined;
    }
    return undefined;
  }

  private lookupName(name: string, from: ts.Node, file: string): boolean {
    const symbols = this.ctx.symbols(file);
    return symbols !== undefined && this.ctx.scopes.lookup(name, from, file, 'value', symbols) !== undefined;
  }

  private valueOf(d: Resolved, depth: number): Value | undefined {
    switch (d.kind) {
      case 'var': {
        const init = d.decl.initializer;
        if (!d.isConst || !init) return undefined;
        const obj = constObject(init);
        if (obj) return { kind: 'object', node: obj, file: d.file, container: d.decl };
        const plain = this.plainObject(d, init);
        if (plain) return { kind: 'object', node: plain, file: d.file, container: d.decl, plain: true };
        const v = this.evaluate(init, d.file, depth + 1);
        // The const that holds the literal itself (not an alias of another const) declares the key.
        if (v?.kind === 'string' && isStringLiteralLike(skipOuterExpressions(init))) this.keySources.add(d.decl);
        return v;
      }
      case 'binding':
        return d.isConst ? this.destructured(d.element, d.file, depth + 1) : undefined;
      case 'enum':
        return { kind: 'enum', decl: d.decl, file: d.file };
      case 'namespace':
        return { kind: 'namespace', target: d.target };
      case 'expression': {
        const obj = constObject(d.expr);
        if (obj) return { kind: 'object', node: obj, file: d.file };
        // `export default { key: 'x' } as FlagSettings`: no name, so nothing in the module can change it.
        const inner = skipOuterExpressions(d.expr);
        if (ts.isObjectLiteralExpression(inner)) return { kind: 'object', node: inner, file: d.file, plain: true };
        return this.evaluate(d.expr, d.file, depth + 1);
      }
      default:
        return undefined;
    }
  }

  /** `const { checkout: { v2 } } = FLAGS`: the property path from the declaration down to the element. */
  /** The literal of a const bound to a plain object literal its module never writes to. */
  private plainObject(d: Extract<LocalDecl, { kind: 'var' }>, init: ts.Expression): ts.ObjectLiteralExpression | undefined {
    const inner = skipOuterExpressions(init);
    if (!ts.isObjectLiteralExpression(inner) || !ts.isIdentifier(d.decl.name)) return undefined;
    let unchanged = this.unmutated.get(d.decl);
    if (unchanged === undefined) {
      // The file's own text: a skimmed parse has blanked the functions a write may sit in.
      unchanged = !mutatedIn(this.ctx.text(d.file) ?? d.decl.getSourceFile().text, d.decl.name.text);
      this.unmutated.set(d.decl, unchanged);
    }
    return unchanged ? inner : undefined;
  }

  private destructured(element: ts.BindingElement, file: string, depth: number): Value | undefined {
    const names: string[] = [];
    let el: ts.BindingElement = element;
    for (;;) {
      const name = propertyNameText(el.propertyName ?? el.name);
      if (name === undefined || el.dotDotDotToken || !ts.isObjectBindingPattern(el.parent)) return undefined;
      names.push(name);
      const holder = el.parent.parent;
      if (ts.isBindingElement(holder)) {
        el = holder;
      } else {
        if (!ts.isVariableDeclaration(holder) || !holder.initializer) return undefined;
        let v = this.evaluate(holder.initializer, file, depth + 1);
        for (let i = names.length - 1; i >= 0 && v; i--) v = this.member(v, names[i], depth + 1);
        return v;
      }
    }
  }

  private member(base: Value, name: string, depth: number): Value | undefined {
    if (base.kind === 'enum') {
      const m = base.decl.members.find((mm) => propertyNameText(mm.name) === name);
      if (!m?.initializer) return undefined;
      const v = this.evaluate(m.initializer, base.file, depth + 1);
      if (v?.kind === 'string') this.keySources.add(base.decl);
      return v?.kind === 'string' ? v : undefined;
    }
    if (base.kind === 'object') {
      for (const p of base.node.properties) {
        if (propertyNameText(p.name) !== name) continue;
        if (ts.isPropertyAssignment(p)) {
          const init = skipOuterExpressions(p.initializer);
          // Nested literals of an `as const` / frozen object are themselves read-only.
          if (ts.isObjectLiteralExpression(init)) return { ...base, node: init };
          const v = this.evaluate(init, base.file, depth + 1);
          if (v?.kind === 'string') {
            if (base.plain) this.keySources.add(p);
            else if (base.container) this.keySources.add(base.container);
          }
          return v;
        }
        if (ts.isShorthandPropertyAssignment(p)) return this.evaluate(p.name, base.file, depth + 1);
        return undefined;
      }
      return undefined;
    }
    if (base.kind === 'namespace') {
      const d = this.resolveExport(base.target, name, 'value');
      return d ? this.valueOf(d, depth + 1) : undefined;
    }
    return undefined;
  }
}

/**
 * `const NewCart: FlagSettings = { key: 'new_cart', ... }`: a const-bound object literal is a
 * key source like an `as const` one as long as its module never writes to it
 * (`NewCart.key = ...`, `delete NewCart.key`, `Object.assign(NewCart, ...)`). Other modules
 * writing to an imported object are not looked for: that is rare enough to accept.
 */
function mutatedIn(text: string, name: string): boolean {
  const n = name.replace(/\$/g, '\\$');
  const write = new RegExp(
    `(?<![\\w$.])${n}\\s*(?:\\??\\.\\s*[\\w$]+|\\[[^\\]]*\\])+\\s*(?:(?:[-+*/%&|^]|\\*\\*|<<|>>>?|&&|\\|\\||\\?\\?)?=(?!=)|\\+\\+|--)` +
      `|(?:\\+\\+|--|\\bdelete\\s+)${n}\\s*[.[]|\\b(?:Object\\.(?:assign|defineProperty|defineProperties|setPrototypeOf)|Reflect\\.(?:set|deleteProperty|defineProperty))\\(\\s*${n}\\b`,
  );
  return write.test(text);
}

/**
 * The value of property `name` of an object literal (a shorthand's name, to resolve in scope);
 * null when the literal has no such property, undefined when a spread may supply it.
 */
function propertyIn(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | null | undefined {
  // The last one wins, as at run time; a spread after it may override it, so give up then.
  for (let i = obj.properties.length - 1; i >= 0; i--) {
    const p = obj.properties[i];
    if (ts.isSpreadAssignment(p)) return undefined;
    if (propertyNameText(p.name) !== name) continue;
    if (ts.isPropertyAssignment(p)) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p)) return p.name;
    return undefined;
  }
  return null;
}

function isStringLiteralLike(e: ts.Expression): boolean {
  return ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e);
}

/** The object literal of `{...} as const` or `Object.freeze({...})`; plain objects are mutable, so not keys. */
export function constObject(init: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const frozen = frozenObject(init);
  if (frozen) return frozen;
  const inner = skipOuterExpressions(init);
  return ts.isObjectLiteralExpression(inner) && isAsConst(init) ? inner : undefined;
}

const PRIMITIVE_TYPES = new Set<ts.SyntaxKind>([ts.SyntaxKind.StringKeyword, ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.BooleanKeyword, ts.SyntaxKind.BigIntKeyword]);

/** An expression that is certainly no options object: a literal of another kind, an array, a function. */
function notAnObject(e: ts.Expression): boolean {
  return (
    ts.isStringLiteralLike(e) ||
    ts.isTemplateExpression(e) ||
    ts.isNumericLiteral(e) ||
    ts.isBigIntLiteral(e) ||
    ts.isArrayLiteralExpression(e) ||
    ts.isArrowFunction(e) ||
    ts.isFunctionExpression(e) ||
    e.kind === ts.SyntaxKind.TrueKeyword ||
    e.kind === ts.SyntaxKind.FalseKeyword
  );
}
