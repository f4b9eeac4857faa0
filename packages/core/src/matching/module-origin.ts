/**
 * Where a call chain's root comes from, for accessors with `from` (accessor-match.ts): an import
 * of the module, a const or getter of a project module that imports it, a parameter typed from
 * it; and, for roots that cannot be traced, whether the file imports the module at all.
 */
import ts from '../typescript.cjs';
import type { KeyResolver } from './key-resolver.js';
import type { LocalDecl } from './module-symbols.js';
import type { ProjectContext } from './project-context.js';
import { pathOf, skipOuterExpressions } from './syntax.js';

export class ModuleOrigin {
  /** Scope lookups of chain roots, per identifier node (a tree is never changed in place). */
  private readonly rootDecls = new WeakMap<ts.Identifier, LocalDecl | null>();

  constructor(
    private readonly ctx: ProjectContext,
    private readonly keys: KeyResolver,
  ) {}

  /**
   * `isCallee`: `id` is the whole callee (`useFlag(k)`), not a client it is called on: a project
   * function of that name is then a wrapper of its own (its body says what it returns), never the
   * accessor itself, whatever its module imports.
   */
  rootFromModule(id: ts.Identifier, file: string, from: string, importedName: string | undefined, depth: number, isCallee = false): boolean {
    const symbols = this.ctx.symbols(file);
    if (!symbols || depth > 4) return false;
    let d = this.rootDecls.get(id);
    if (d === undefined) {
      // Each accessor whose last segment a call spells asks about the same root: `init` tries
      // some 250 catalog accessors, up to 9 of them with one name (`getValue`).
      d = this.ctx.scopes.lookup(id.text, id, file, 'value', symbols) ?? null;
      this.rootDecls.set(id, d);
    }
    // Undeclared in the parsed text: a global, or a top-level function the scanner's skim blanked
    // (`const client = getClient()` in the module that defines `getClient`); as for roots we cannot trace.
    if (!d) return !isCallee && importedName === undefined && this.fileImports(file, from);
    if (d.kind === 'import') {
      if (moduleMatches(d.specifier, from)) return importedName === undefined || d.imported === importedName || d.imported === 'default';
      // A project module that builds the client (`export const client = OpenFeature.getClient()`),
      // or one that imports the module and exports a client its own way (`globalThis.x ??
      // createClient()`): that module must import it.
      // A getter of such a module (`export function getClient() { return cached ?? create() }`) too.
      const target = importedName === undefined ? this.keys.follow(d, 'value', new Set()) : undefined;
      if (target?.kind === 'function') return !isCallee && this.fileImports(target.file, from);
      if (target === d) {
        if (isCallee) return false;
        // No declaration of that name in the module's parsed text: a function the scanner's skim
        // blanked (it spells no candidate word). The module must still import the SDK.
        const module = this.ctx.resolveModule(d.specifier, d.file);
        return module !== null && this.fileImports(module, from);
      }
      if (target?.kind !== 'var') return false;
      return this.initializerFromModule(target.decl, target.file, from, depth) || this.fileImports(target.file, from);
    }
    if (d.kind === 'var') {
      // Only an import can rename the path root; `scoped.getBooleanValue` is not `client.getBooleanValue`.
      return importedName === undefined && this.initializerFromModule(d.decl, file, from, depth);
    }
    if (importedName !== undefined) return false;
    // `(req: AuthRequest) => req.gb?.isOn(k)`, `({ gb }: Props) => gb.isOn(k)`: a parameter typed
    // from the module, or from a project module that imports it (a request type declaring the
    // SDK's scoped instance). Unannotated, a callback's parameter is typed by where the callback
    // is: `filter: ({ gb }) => gb?.isOn(k)` in an array declared `NavLink[]`, or a prop of a
    // component (`<Gate when={({ gb }) => ...} />`) from such a module.
    const param = d.kind === 'param' ? d.decl : d.kind === 'other' ? d.param : undefined;
    if (param) {
      if (param.type) {
        if (this.typeFromModule(param.type, file, from)) return true;
      } else {
        const context = callbackContext(param.parent);
        if (context && (ts.isIdentifier(context) ? this.componentFromModule(context, file, from) : this.typeFromModule(context, file, from))) return true;
      }
    }
    return this.fileImports(file, from);
  }

  /** Whether a JSX tag names a component imported from `from`, or from a project module that imports it. */
  private componentFromModule(tag: ts.Identifier, file: string, from: string): boolean {
    const symbols = this.ctx.symbols(file);
    const d = symbols && this.ctx.scopes.lookup(tag.text, tag, file, 'value', symbols);
    if (d?.kind !== 'import') return false;
    if (moduleMatches(d.specifier, from)) return true;
    const module = this.ctx.resolveModule(d.specifier, d.file);
    return module !== null && this.fileImports(module, from);
  }

  /** Whether a type annotation names a type imported from `from`, or from a project module that imports it. */
  private typeFromModule(type: ts.TypeNode, file: string, from: string): boolean {
    const symbols = this.ctx.symbols(file);
    if (!symbols) return false;
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isTypeReferenceNode(node)) {
        let name: ts.EntityName = node.typeName;
        while (ts.isQualifiedName(name)) name = name.left;
        const d = this.ctx.scopes.lookup(name.text, name, file, 'type', symbols);
        if (d?.kind === 'import') {
          const module = moduleMatches(d.specifier, from) ? null : this.ctx.resolveModule(d.specifier, d.file);
          found = moduleMatches(d.specifier, from) || (module !== null && this.fileImports(module, from));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(type);
    return found;
  }

  private initializerFromModule(decl: ts.VariableDeclaration, file: string, from: string, depth: number): boolean {
    if (!decl.initializer) return false;
    const init = pathOf(unwrapCalls(decl.initializer));
    return init.root ? this.rootFromModule(init.root, file, from, undefined, depth + 1) : false;
  }

  fileImports(file: string, from: string): boolean {
    const symbols = this.ctx.symbols(file);
    if (!symbols) return false;
    for (const m of symbols.importedModules) if (moduleMatches(m, from)) return true;
    return false;
  }
}

/**
 * Where an unannotated callback gets its parameters' types from: the type annotation of the
 * variable, class field, `satisfies` or `as` its enclosing object and array literals are
 * declared with (`const links: NavLink[] = [{ filter: ({ gb }) => ... }]`), or, as a JSX
 * attribute's value, the tag of the component it is passed to.
 */
function callbackContext(fn: ts.Node): ts.TypeNode | ts.Identifier | undefined {
  const isCallback = ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || (ts.isMethodDeclaration(fn) && ts.isObjectLiteralExpression(fn.parent));
  if (!isCallback) return undefined;
  let e: ts.Node = fn;
  for (let depth = 0; depth < 64; depth++) {
    const p = e.parent;
    if (ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p) || ts.isParenthesizedExpression(p)) e = p;
    else if (ts.isPropertyAssignment(p) && p.initializer === e) e = p;
    else if ((ts.isVariableDeclaration(p) || ts.isPropertyDeclaration(p)) && p.initializer === e) return p.type;
    else if (ts.isSatisfiesExpression(p) || ts.isAsExpression(p)) {
      if (!ts.isConstTypeReference(p.type)) return p.type;
      e = p;
    } else if (ts.isJsxExpression(p) && ts.isJsxAttribute(p.parent)) {
      const tag = p.parent.parent.parent.tagName;
      return ts.isIdentifier(tag) ? tag : undefined;
    } else return undefined;
  }
  return undefined;
}

export function moduleMatches(specifier: string, from: string): boolean {
  return specifier === from || specifier.startsWith(`${from}/`);
}

/** `await OpenFeature.getClient('x')` → `OpenFeature.getClient`, to find the chain's root. */
export function unwrapCalls(expr: ts.Expression): ts.Expression {
  let e = skipOuterExpressions(expr);
  for (let i = 0; i < 16; i++) {
    if (ts.isAwaitExpression(e)) e = skipOuterExpressions(e.expression);
    else if (ts.isCallExpression(e) || ts.isNewExpression(e)) e = skipOuterExpressions(e.expression);
    else if (ts.isPropertyAccessExpression(e) && ts.isCallExpression(skipOuterExpressions(e.expression))) e = skipOuterExpressions(e.expression);
    else break;
  }
  return e;
}
