import ts from '../typescript.cjs';
import { accessorName, isCallAccessor, isComponentAccessor, isDefineAccessor, isExportAccessor, isMemberAccessor, isPropertyAccessor } from '../types.js';
import type { Accessor, CallAccessor, ComponentAccessor, DefineAccessor, ExportAccessor, JsxGate, MemberAccessor, PropertyAccessor, WrapperInfo } from '../types.js';
import { dataKeyExpressions, exportedConst } from './data-keys.js';
import { componentGate, isIntrinsicTag, jsxKeyAttribute } from './jsx-gates.js';
import type { KeyResolver, Resolved } from './key-resolver.js';
import type { LocalDecl } from './module-symbols.js';
import type { ProjectContext } from './project-context.js';
import { receiverClass } from './method-receiver.js';
import { ModuleOrigin, unwrapCalls } from './module-origin.js';
import { pathOf, skipOuterExpressions, type PathOf } from './syntax.js';
import type { WrapperRegistry } from './wrapper-registry.js';
import type { ReadMatch, ReadMatching } from './read-match.js';

export type { ReadMatch } from './read-match.js';

/** Chains end with `tail` on whole segments: `a.flags.isEnabled` ends with `flags.isEnabled`, `flagsX.isEnabled` does not. */
function endsWith(segments: string[], tail: string[], fromIndex: number): boolean {
  const offset = segments.length - tail.length;
  if (offset < 0) return false;
  for (let i = fromIndex; i < tail.length; i++) if (segments[offset + i] !== tail[i]) return false;
  return true;
}

/** Recognises accessor calls, member reads and wrapper calls at one node. */
export class ReadMatcher implements ReadMatching {
  private readonly calls: { accessor: CallAccessor; path: string[] }[];
  /** Where chain roots come from, for accessors with `from`. */
  private readonly origin: ModuleOrigin;
  private readonly members: { accessor: MemberAccessor; path: string[] }[];
  /** Some member path has a `*` segment. */
  private readonly wildcard: boolean;
  private readonly components: { accessor: ComponentAccessor; path: string[] }[];
  private readonly properties: Map<string, PropertyAccessor>;
  private readonly exports: Map<string, ExportAccessor>;
  private readonly defines: { accessor: DefineAccessor; path: string[] }[];

  constructor(
    accessors: Accessor[],
    private readonly ctx: ProjectContext,
    private readonly keys: KeyResolver,
    private readonly wrappers: WrapperRegistry,
  ) {
    this.origin = new ModuleOrigin(ctx, keys);
    // An empty segment would match any unnamed callee; config validation reports such paths.
    const usable = (path: string[]) => path.every((s) => s.length > 0);
    this.calls = accessors.filter(isCallAccessor).map((a) => ({ accessor: a, path: a.call.split('.') })).filter((c) => usable(c.path));
    this.members = accessors
      .filter(isMemberAccessor)
      .map((a) => ({ accessor: a, path: a.member.split('.') }))
      .filter((m) => usable(m.path));
    this.wildcard = this.members.some((m) => m.path.includes('*'));
    this.components = accessors.filter(isComponentAccessor).map((a) => ({ accessor: a, path: a.component.split('.') })).filter((c) => usable(c.path));
    this.properties = new Map(accessors.filter(isPropertyAccessor).map((a) => [a.property, a]));
    this.exports = new Map(accessors.filter(isExportAccessor).map((a) => [a.export, a]));
    this.defines = accessors.filter(isDefineAccessor).map((a) => ({ accessor: a, path: a.define.split('.') })).filter((d) => usable(d.path));
  }

  get definesFlags(): boolean {
    return this.defines.length > 0;
  }

  /**
   * `flag({ key: 'show-banner', ... })` of a `define` accessor: the definition of a flag (its key
   * in the options' key property). Options without the property define nothing; options that
   * cannot be seen give a definition without a key expression (a dynamic one).
   */
  matchDefinition(call: ts.CallExpression, file: string): ReadMatch | undefined {
    if (this.defines.length === 0) return undefined;
    const callee = pathOf(call.expression);
    for (const { accessor, path } of this.defines) {
      if (!endsWith(callee.segments, path, 1) || !this.firstSegmentMatches(callee, path, accessor, file)) continue;
      const arg = call.arguments[accessor.keyArg];
      if (!arg || ts.isSpreadElement(arg)) continue;
      const property = this.keys.optionProperty(arg, accessor.keyProperty, file);
      if (property === null) continue;
      return { node: call, accessor, via: accessor.define, keyExpr: property, keyNode: property ?? arg, call, data: 'definition' };
    }
    return undefined;
  }

  /**
   * A defined flag passed on as an object (`precompute([showBanner, flags.showSale])`): an
   * identifier, or a namespace import's member, that resolves to a `define` accessor's const.
   */
  matchFlagObject(expr: ts.Expression, file: string): ReadMatch | undefined {
    if (this.defines.length === 0) return undefined;
    const e = skipOuterExpressions(expr);
    const wrapper = this.wrapperNamed(e, file);
    if (!wrapper || !isDefineAccessor(wrapper.accessor)) return undefined;
    return { node: e, accessor: wrapper.accessor, via: wrapper.name, wrapper, fixedKey: wrapper.key, data: 'flag-object' };
  }

  /**
   * A JSX element whose tag is a configured gate (`<FeatureToggle featureFlag="k">`), or a
   * component found to read its key from a prop (`<UpgradeButton flag={E.K} />`).
   */
  matchJsx(el: ts.JsxOpeningElement | ts.JsxSelfClosingElement, file: string): ReadMatch | undefined {
    const tag = el.tagName;
    if (ts.isIdentifier(tag) ? isIntrinsicTag(tag.text) : !ts.isPropertyAccessExpression(tag)) return undefined;
    const whole = ts.isJsxOpeningElement(el) ? el.parent : el;
    const tagPath = pathOf(tag as ts.Expression);
    for (const { accessor, path } of this.components) {
      if (!endsWith(tagPath.segments, path, 1) || !this.firstSegmentMatches(tagPath, path, accessor, file)) continue;
      const attr = jsxKeyAttribute(el, accessor.keyProp);
      if (!attr) return undefined;
      const gate = componentGate(el, accessor);
      return { node: whole, accessor, via: accessor.component, keyExpr: attr.expr, keyNode: attr.node, gate };
    }
    const wrapper = this.componentAt(tag as ts.Expression, file);
    if (!wrapper?.keyProp) return undefined;
    const attr = jsxKeyAttribute(el, wrapper.keyProp);
    if (!attr) return undefined;
    const gate: JsxGate = { keyProp: wrapper.keyProp, whenOn: 'unknown', whenOff: 'unknown' };
    return { node: whole, accessor: wrapper.accessor, via: wrapper.name, wrapper, keyExpr: attr.expr, keyNode: attr.node, gate };
  }

  /** The component gate a JSX tag (`Gate`, `ns.Gate`) names, found like a wrapper (see `matchWrapperCall`). */
  private componentAt(tag: ts.Expression, file: string): WrapperInfo | undefined {
    const wrapper = this.wrapperNamed(tag, file);
    return wrapper?.keyProp !== undefined ? wrapper : undefined;
  }

  /** `{ flag: 'k' }` / `{ flag: [A.key, 'b'] }` for a `property` accessor: one match per key expression. */
  matchProperty(p: ts.PropertyAssignment | ts.ShorthandPropertyAssignment): ReadMatch[] {
    if (this.properties.size === 0 || !p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return [];
    const accessor = this.properties.get(p.name.text);
    if (!accessor) return [];
    const value = ts.isPropertyAssignment(p) ? p.initializer : p.name;
    // Each key of an array is its own read, at its element.
    return dataKeyExpressions(value).map((e) => ({ node: e === value ? p : e, accessor, via: accessor.property, keyExpr: e, keyNode: e, data: 'property' }));
  }

  /** `export const featureFlag = X.key` (or an array of keys) for an `export` accessor. */
  matchExport(decl: ts.VariableDeclaration): ReadMatch[] {
    if (this.exports.size === 0 || !ts.isIdentifier(decl.name)) return [];
    const accessor = this.exports.get(decl.name.text);
    const value = accessor && exportedConst(decl);
    if (!accessor || !value) return [];
    return dataKeyExpressions(value).map((e) => ({ node: e === value ? decl : e, accessor, via: accessor.export, keyExpr: e, keyNode: e, data: 'export' }));
  }

  /**
   * `inWrapperOf`: set while analysing a wrapper's body. A method call's receiver is then resolved
   * only to classes of this file, so the answer cannot depend on which other modules were
   * analysed first (the scanner, the ESLint plugin and the codemod discover in different orders).
   */
  matchCall(call: ts.CallExpression, file: string, inWrapperOf?: string): ReadMatch | undefined {
    const callee = pathOf(call.expression);
    for (const { accessor, path } of this.calls) {
      if (!endsWith(callee.segments, path, 1)) continue;
      if (!this.firstSegmentMatches(callee, path, accessor, file)) continue;
      const keyArg = call.arguments[accessor.keyArg];
      let keyExpr = keyArg && !ts.isSpreadElement(keyArg) ? keyArg : undefined;
      if (accessor.keyProperty !== undefined) {
        // No options, or options without the key property: this call reads no flag.
        if (!keyArg) continue;
        const property = keyExpr && this.keys.optionProperty(keyExpr, accessor.keyProperty, file);
        if (property === null) continue;
        keyExpr = property;
      }
      return { node: call, accessor, via: accessorName(accessor), keyExpr, keyNode: keyExpr ?? keyArg, call, defaultArg: accessor.defaultArg };
    }
    return this.matchDefinition(call, file) ?? this.matchWrapperCall(call, file, inWrapperOf);
  }

  /** A property/element access whose object ends with a member path. */
  matchMember(access: ts.PropertyAccessExpression | ts.ElementAccessExpression, file: string): ReadMatch | undefined {
    if (this.members.length === 0) return undefined;
    const accessor = this.memberObject(access.expression, file);
    return accessor ? memberRead(access, accessor) : undefined;
  }

  /** The member accessor whose object is exactly this expression (for destructuring). */
  memberObject(expr: ts.Expression, file: string): MemberAccessor | undefined {
    const object = pathOf(expr, this.wildcard);
    return this.memberOfPath(object.segments, object.root, file);
  }

  /**
   * The member accessor whose path `segments` end with; `root` is the chain's first identifier,
   * which an accessor with `from` must trace to its module.
   */
  memberOfPath(segments: string[], root: ts.Identifier | undefined, file: string): MemberAccessor | undefined {
    for (const m of this.members) {
      if (!endsWith(segments, m.path, 0)) continue;
      const from = m.accessor.from;
      if (from === undefined || (root ? this.origin.rootFromModule(root, file, from, undefined, 0) : this.origin.fileImports(file, from))) return m.accessor;
    }
    return undefined;
  }

  /**
   * `flags.newNav` where `flags` is a const that holds a member container: `const flags =
   * uiConfig.flags` or `const { flags } = uiConfig` (`containers`: those declarations in this file).
   */
  matchContainerAlias(access: ts.PropertyAccessExpression | ts.ElementAccessExpression, file: string, containers: ReadonlyMap<ts.Node, MemberAccessor>): ReadMatch | undefined {
    const object = skipOuterExpressions(access.expression);
    const symbols = ts.isIdentifier(object) ? this.ctx.symbols(file) : undefined;
    if (!symbols || !ts.isIdentifier(object)) return undefined;
    const d = this.ctx.scopes.lookup(object.text, object, file, 'value', symbols);
    const decl = d?.kind === 'var' ? d.decl : d?.kind === 'binding' ? d.element : undefined;
    const accessor = decl && containers.get(decl);
    return accessor ? memberRead(access, accessor) : undefined;
  }

  private matchWrapperCall(call: ts.CallExpression, file: string, inWrapperOf?: string): ReadMatch | undefined {
    const callee = skipOuterExpressions(call.expression);
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.name) && (inWrapperOf !== undefined || this.wrappers.mayBeMethodWrapper(callee.name.text))) {
      const cls = receiverClass(callee.expression, file, this.keys, inWrapperOf === undefined ? undefined : (f) => f === inWrapperOf);
      const method = cls ? this.wrappers.methodOf(cls.decl, cls.file, callee.name.text) : undefined;
      if (method) return this.wrapperMatch(call, method);
    }
    const wrapper = this.wrapperNamed(callee, file);
    return wrapper ? this.wrapperMatch(call, wrapper) : undefined;
  }

  /**
   * The wrapper (function, component gate, defined flag, member of a helper object or static
   * method) that `name` (`useBeta`, `ns.useBeta`, `Utils.useBeta`) refers to. Wrappers are module-level declarations: a root this module does not declare or
   * import (`console`, `String`, locals) cannot be one, so the scope walk is skipped; once
   * wrappers are sealed, so is resolving (and parsing) the modules of ordinary names.
   */
  private wrapperNamed(name: ts.Expression, file: string): WrapperInfo | undefined {
    const root = ts.isIdentifier(name) ? name : ts.isPropertyAccessExpression(name) && ts.isIdentifier(name.expression) ? name.expression : undefined;
    const locals = root && this.ctx.symbols(file)?.locals.get(root.text);
    if (!root || !locals) return undefined;
    const exportedName = ts.isIdentifier(name) ? (locals.find((d) => d.kind === 'import')?.imported ?? root.text) : (name as ts.PropertyAccessExpression).name.text;
    if (this.wrappers.rulesOut(exportedName, () => this.declaringModule(locals, file))) return undefined;
    let resolved: Resolved | undefined;
    if (ts.isIdentifier(name)) {
      resolved = this.keys.lookup(name, file, 'value');
    } else if (ts.isPropertyAccessExpression(name) && ts.isIdentifier(name.expression)) {
      const ns = this.keys.lookup(name.expression, file, 'value');
      if (ns?.kind === 'namespace') resolved = this.keys.resolveExport(ns.target, name.name.text, 'value');
      // A class called statically, or a module-level helper object (`Utils.getFlag(k)`).
      else if (ns) return this.wrappers.namespaceMemberOf(ns, name.name.text);
    }
    return resolved ? this.wrappers.wrapperOf(resolved) : undefined;
  }

  /**
   * The file a callee root comes from, without parsing it: the module its import names (null
   * when that is no project file), else `file` itself (a local declaration).
   */
  private declaringModule(locals: readonly LocalDecl[], file: string): string | null {
    const imported = locals.find((d) => d.kind === 'import');
    return imported ? this.ctx.resolveModule(imported.specifier, file) : file;
  }

  private wrapperMatch(call: ts.CallExpression, wrapper: WrapperInfo): ReadMatch {
    const match: ReadMatch = { node: call, accessor: wrapper.accessor, via: wrapper.name, wrapper, call };
    if (wrapper.keyParam !== undefined) {
      const arg = call.arguments[wrapper.keyParam];
      match.keyExpr = arg && !ts.isSpreadElement(arg) ? arg : undefined;
      match.keyNode = arg;
    } else {
      match.fixedKey = wrapper.key;
    }
    return match;
  }

  /**
   * Without `from`, the first path segment must match by name. With `from`, the chain's root
   * must come from that module: an import (aliases allowed: `import { OpenFeature as OF }`),
   * or a const initialised from one (`const client = OpenFeature.getClient()`), or a const or
   * a function imported from a project module that imports it (`getClient()?.isOn(k)`, `const
   * c = getClient(); c.isOn(k)`); for roots we cannot trace (`this.client`,
   * parameters) the file must at least import the module.
   */
  private firstSegmentMatches(callee: PathOf, path: string[], accessor: CallAccessor | ComponentAccessor | DefineAccessor, file: string): boolean {
    const offset = callee.segments.length - path.length;
    const sameName = callee.segments[offset] === path[0];
    if (!accessor.from) return sameName;
    const from = accessor.from;
    const root = callee.root;
    if (!root && (sameName || offset === 0) && callee.base) {
      // `getClient()?.isOn(k)`: the client comes from a call (in place of the path's first
      // segment, or before it); the called function must trace to the module.
      const called = pathOf(unwrapCalls(callee.base)).root;
      if (called && this.origin.rootFromModule(called, file, from, undefined, 0)) return true;
    }
    if (!root || (offset > 0 && !sameName)) return sameName && this.origin.fileImports(file, from);
    if (!sameName && offset !== 0) return false;
    return this.origin.rootFromModule(root, file, from, sameName ? undefined : path[0], 0, callee.segments.length === 1);
  }
}

function memberRead(access: ts.PropertyAccessExpression | ts.ElementAccessExpression, accessor: MemberAccessor): ReadMatch | undefined {
  if (ts.isPropertyAccessExpression(access)) {
    if (!ts.isIdentifier(access.name)) return undefined;
    return { node: access, accessor, via: accessor.member, fixedKey: access.name.text, keyNode: access.name };
  }
  return { node: access, accessor, via: accessor.member, keyExpr: access.argumentExpression, keyNode: access.argumentExpression };
}
