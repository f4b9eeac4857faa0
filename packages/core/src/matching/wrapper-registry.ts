import ts from '../typescript.cjs';
import type { WrapperInfo } from '../types.js';
import type { ReadMatch, ReadMatching, WrapperRecord } from './read-match.js';
import type { ExportEntry } from './module-symbols.js';
import type { KeyResolver, Resolved } from './key-resolver.js';
import { componentGate, functionValue, wrappedComponent } from './component-gates.js';
import type { GateContext } from './component-gates.js';
import type { ProjectContext } from './project-context.js';
import { hasExportModifier, isConstDeclaration, isFunctionLikeValue, positionOf, skipOuterExpressions } from './syntax.js';
import { WrapperAliases } from './wrapper-aliases.js';
import { isObjectMember, isWrapperShapedMember, memberHolder, objectParts, ownMember, wrapperShapedMembers, type ObjectMember } from './namespace-members.js';
import { returnedReads } from './wrapper-body.js';

/**
 * Functions, const arrows, methods (or arrow properties) of top-level classes, and members of
 * module-level helper objects (namespace-members.ts).
 */
type WrapperDecl = ts.FunctionDeclaration | ts.VariableDeclaration | ts.MethodDeclaration | ts.PropertyDeclaration | ts.PropertyAssignment;


/**
 * Finds wrappers: functions and class methods whose body returns one flag read (see
 * wrapper-body.ts for the shapes: awaited, guarded, several statements) and reads no other.
 * Analysis is lazy and memoised per declaration; a wrapper of a wrapper resolves through this
 * registry, so chains reach a fixed point without a global pass.
 */
export class WrapperRegistry {
  private readonly byDecl = new Map<ts.Node, WrapperRecord | null>();
  private readonly inProgress = new Set<ts.Node>();
  private readonly byFile = new Map<string, WrapperRecord[]>();
  private matcher!: ReadMatching;
  /** Set by `seal()`: see there. */
  private sealing: { names: Set<string>; covers: ((file: string) => boolean) | null } | null = null;
  /** Names of wrappers whose tree was let go (`forgetTree`). */
  private readonly namesOfForgotten = new Set<string>();
  /** Names of the class method wrappers analysed (kept across `forgetTree`, like the names). */
  private readonly methodNames = new Set<string>();
  /** `names()`, until a name can have been added or removed (it is asked for once per file). */
  private knownNames: Set<string> | null = null;
  /**
   * While a candidate search runs (`deferLookups`), the modules a lookup was not made in: their
   * text, as the candidate words stood then, could declare no wrapper. `settle` checks them
   * against the final words. Null when lookups are not deferred.
   */
  private deferred: Set<string> | null = null;
  /** Names wrappers are re-exported under: names their callers spell. */
  private readonly aliases = new WrapperAliases();

  /** What component gate discovery needs from this registry (see component-gates.ts). */
  private readonly gates: GateContext;

  constructor(
    private readonly ctx: ProjectContext,
    private readonly keys: KeyResolver,
  ) {
    this.gates = {
      ctx,
      keys,
      matcher: () => this.matcher,
      wrapperOf: (d) => this.wrapperOf(d),
      exported: (decl, name, file) => isExported(decl, name, this.ctx.symbols(file)?.exports),
    };
  }

  attach(matcher: ReadMatching): void {
    this.matcher = matcher;
  }

  /** The wrapper a resolved callee declaration is, if any. */
  wrapperOf(d: Resolved): WrapperInfo | undefined {
    if (d.kind === 'function') return this.analyze(d.decl, d.file)?.info;
    if (d.kind === 'var' && d.isConst && d.decl.initializer && (functionValue(d.decl.initializer) || wrappedComponent(d.decl.initializer) || (this.matcher.definesFlags && isCall(d.decl.initializer)))) {
      return this.analyze(d.decl, d.file)?.info;
    }
    return undefined;
  }

  /**
   * The wrapper method `name` of a class (own members, then an `extends` chain of classes this
   * project declares), for a call whose receiver is known to be that class.
   */
  methodOf(cls: ts.ClassDeclaration, file: string, name: string, depth = 0, statics = false): WrapperInfo | undefined {
    for (const m of cls.members) {
      if (!(ts.isMethodDeclaration(m) || ts.isPropertyDeclaration(m)) || propertyName(m) !== name || isStatic(m) !== statics) continue;
      return isWrapperShaped(m) ? this.analyze(m, file)?.info : undefined;
    }
    const base = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    if (!base || !ts.isIdentifier(base) || depth > 8) return undefined;
    const d = this.keys.lookup(base, file, 'value');
    return d?.kind === 'class' ? this.methodOf(d.decl, d.file, name, depth + 1, statics) : undefined;
  }

  /**
   * The wrapper member `name` of what a call's receiver resolved to: a class called statically
   * (`FeatureGate.on(k)`), or a module-level helper object (`Utils.getFlagsmithHasFeature(k)`,
   * also imported, and built with `Object.assign` or spreads of other such objects).
   */
  namespaceMemberOf(receiver: Resolved, name: string): WrapperInfo | undefined {
    if (receiver.kind === 'class') return this.methodOf(receiver.decl, receiver.file, name, 0, true);
    if (receiver.kind === 'var' && receiver.isConst) return this.objectMemberOf(objectParts(receiver.decl.initializer), receiver.file, name, 0) ?? undefined;
    if (receiver.kind === 'expression') return this.objectMemberOf(objectParts(receiver.expr), receiver.file, name, 0) ?? undefined;
    return undefined;
  }

  /** Null: the object has `name`, and it is no wrapper (or cannot be seen through). */
  private objectMemberOf(parts: ReturnType<typeof objectParts>, file: string, name: string, depth: number): WrapperInfo | null | undefined {
    if (depth > 8) return null;
    for (const part of parts) {
      let spreads: ts.Identifier[];
      if (ts.isObjectLiteralExpression(part)) {
        const own = ownMember(part, name);
        if (own === null) return null;
        if (!('spreads' in own)) return this.analyzeMember(own, file);
        spreads = own.spreads;
      } else {
        spreads = [part];
      }
      for (const id of spreads) {
        const d = this.keys.lookup(id, file, 'value');
        if (d?.kind !== 'var' || !d.isConst) return null;
        const found = this.objectMemberOf(objectParts(d.decl.initializer), d.file, name, depth + 1);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }

  private analyzeMember(member: ObjectMember, file: string): WrapperInfo | null {
    if (!isWrapperShapedMember(member) || !memberHolder(member)) return null;
    return this.analyze(member, file)?.info ?? null;
  }

  /** All wrappers declared at the top level of a file. */
  inFile(file: string): WrapperRecord[] {
    const cached = this.byFile.get(file);
    if (cached) return cached;
    const sf = this.ctx.parsed(file);
    const out: WrapperRecord[] = [];
    if (sf) {
      for (const decl of candidateDecls(sf, this.matcher.definesFlags)) {
        const rec = this.analyze(decl, file);
        if (rec) out.push(rec);
      }
      if (this.aliases.note(file, this.ctx.symbols(file)?.exports)) this.knownNames = null;
    }
    this.byFile.set(file, out);
    return out;
  }

  /** (alias, re-exporting file) of every known wrapper's alias, for a caller that seals later with names. */
  aliasEntries(): Array<[string, string]> {
    return this.aliases.entries(this.known().map((w) => w.name));
  }

  /** Every wrapper analysed so far. */
  known(): WrapperInfo[] {
    const out: WrapperInfo[] = [];
    for (const rec of this.byDecl.values()) if (rec) out.push(rec.info);
    return out;
  }

  /**
   * Every file that can declare a wrapper has been analysed (the scanner's pre-filter reached
   * its fixed point): from now on a call of any other name is not followed into its module.
   *
   * With `names` and `covers`: the wrappers declared in the files `covers` accepts have exactly
   * those names (what a warm-up over those files found). A call of another name is then not
   * followed into a covered module; a module outside them is still followed, so a wrapper there
   * is found whatever the names say.
   */
  seal(names?: Iterable<string>, covers?: (file: string) => boolean): void {
    this.deferred = null;
    this.sealing = { names: this.aliases.close(new Set(names ?? this.known().map((w) => w.name))), covers: names === undefined ? null : (covers ?? (() => true)) };
    this.knownNames = null;
  }

  /** Sealed, and not cleared since: every wrapper's name that matters is known. */
  get sealed(): boolean {
    return this.sealing !== null;
  }

  /**
   * Whether a call of method `name` may be a class method wrapper's: sealed, when a wrapper has
   * that name; otherwise when a method wrapper of that name was analysed (discovery runs first).
   */
  mayBeMethodWrapper(name: string): boolean {
    return this.sealing !== null ? this.sealing.names.has(name) || this.methodNames.has(name) : this.methodNames.has(name);
  }

  /**
   * True when a callee exported as `name` from the module `moduleOf()` names (null: it cannot be
   * resolved to a project file) cannot be a wrapper, so it need not be looked up. Only asked
   * for the module when the name alone does not decide.
   */
  rulesOut(name: string, moduleOf: () => string | null): boolean {
    const sealing = this.sealing;
    if (sealing === null) return this.defers(name, moduleOf);
    if (sealing.names.has(name)) return false;
    if (name === 'default') {
      // A default import has any local name, so the name decides nothing. Sealed by discovery
      // itself, every wrapper's name is a candidate word: a module that spells none, and
      // imports or re-exports nothing under another name, declares none (its text tells,
      // without parsing it; on Unleash, 50 modules of default-imported components).
      if (sealing.covers !== null) return false;
      const file = moduleOf();
      return file === null || !this.ctx.maySpellWrapper(file);
    }
    if (sealing.covers === null) return true;
    const file = moduleOf();
    return file === null || sealing.covers(file);
  }

  /**
   * During a candidate search (`deferLookups`): a callee whose module spells no candidate word
   * known so far (and imports or re-exports none under another name) is not looked up, so the
   * module is not parsed (a component's JSX children, mostly). Provisional: `settle` decides.
   */
  private defers(name: string, moduleOf: () => string | null): boolean {
    if (this.deferred === null || this.names().has(name)) return false;
    const file = moduleOf();
    if (file === null || this.ctx.maySpellWrapper(file)) return false;
    this.deferred.add(file);
    return true;
  }

  /** Lookups into modules that cannot declare a wrapper are deferred until `settle` (see `defers`). */
  deferLookups(): void {
    this.deferred = new Set();
  }

  /**
   * The candidate words are final (the search found no new wrapper): if a module whose lookups
   * were deferred spells one of them now, everything analysed is forgotten and true is returned:
   * discover again, with nothing deferred (deferring again could meet the same module before
   * the wrapper whose name it spells, for ever). Otherwise every deferred lookup would have
   * found no wrapper, as the pre-filter's premise says of a module that spells no candidate
   * word: the analyses stand. Either way lookups are no longer deferred.
   */
  settle(): boolean {
    const deferred = this.deferred;
    if (deferred === null) return false;
    this.deferred = null;
    if (![...deferred].some((file) => this.ctx.maySpellWrapper(file))) return false;
    this.clear();
    return true;
  }

  /**
   * Forgets what was analysed in `sf`, the tree `file` had, which its owner let go: a later tree
   * of the same text is analysed afresh (a read inside a wrapper body is matched by node).
   */
  forgetTree(file: string, sf: ts.SourceFile): void {
    this.byFile.delete(file);
    for (const [decl, rec] of this.byDecl) {
      if (decl.getSourceFile() !== sf) continue;
      // The name stays known (so `names()` is unchanged): files that call it must still pass the
      // pre-filter and the skim.
      if (rec) this.namesOfForgotten.add(rec.info.name);
      this.byDecl.delete(decl);
    }
  }

  /**
   * Every wrapper name known: analysed, sealed with, or analysed in a tree let go since. The
   * same set object until one is added or removed; callers must not change it.
   */
  names(): ReadonlySet<string> {
    if (this.knownNames === null) {
      const names = new Set([...this.namesOfForgotten, ...(this.sealing?.names ?? [])]);
      for (const rec of this.byDecl.values()) if (rec) names.add(rec.info.name);
      this.knownNames = this.aliases.close(names);
    }
    return this.knownNames;
  }

  clear(): void {
    this.namesOfForgotten.clear();
    this.aliases.clear();
    // `methodNames` stay: a superset only costs resolving a few more receivers.
    this.sealing = null;
    this.byDecl.clear();
    this.byFile.clear();
    this.inProgress.clear();
    this.knownNames = null;
    if (this.deferred !== null) this.deferred = new Set();
  }

  private analyze(decl: WrapperDecl, file: string): WrapperRecord | null {
    const cached = this.byDecl.get(decl);
    if (cached !== undefined) return cached;
    // A cycle (a wrapper calling itself through others) is simply not a wrapper.
    if (this.inProgress.has(decl)) return null;
    this.inProgress.add(decl);
    let rec: WrapperRecord | null = null;
    try {
      rec = this.compute(decl, file);
    } finally {
      this.inProgress.delete(decl);
    }
    this.byDecl.set(decl, rec);
    if (rec?.info.className !== undefined) this.methodNames.add(rec.info.name);
    if (rec && !this.knownNames?.has(rec.info.name)) this.knownNames = null;
    return rec;
  }

  private compute(decl: WrapperDecl, file: string): WrapperRecord | null {
    const defined = this.matcher.definesFlags && ts.isVariableDeclaration(decl) && decl.initializer && isCall(decl.initializer) ? this.definition(decl, file) : null;
    if (defined) return defined;
    const component = componentGate(decl, file, this.gates);
    if (component) return component;
    const fn = functionOf(decl);
    const name = propertyName(decl);
    const sf = this.ctx.parsed(file);
    if (!fn || !name || !sf) return null;
    // Of the values the body returns, exactly one must be a read: the others are other sources.
    let read: ts.Expression | undefined;
    let match: ReadMatch | undefined;
    for (const candidate of returnedReads(fn)) {
      const found = this.matchRead(candidate, file);
      if (!found) continue;
      if (read) return null;
      read = candidate;
      match = found;
    }
    if (!read || !match || match.data !== undefined || this.readsElsewhere(fn, read, file)) return null;

    let key: string | null = null;
    let keyParam: number | undefined;
    if (match.fixedKey !== undefined) {
      key = match.fixedKey;
    } else if (match.keyExpr) {
      keyParam = this.paramIndex(match.keyExpr, fn, file);
      if (keyParam === undefined) key = this.keys.resolveKey(match.keyExpr, file);
    }
    if (key === null && keyParam === undefined) return null;
    if (keyParam !== undefined) this.markParamType(fn.parameters[keyParam], file);

    const whole = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
    const start = whole.getStart(sf);
    const cls = ts.isClassDeclaration(decl.parent) ? decl.parent : undefined;
    const exports = this.ctx.symbols(file)?.exports;
    const info: WrapperInfo = {
      name,
      file,
      span: { start, end: whole.getEnd() },
      ...positionOf(start, sf),
      exported: cls ? isExported(cls, cls.name?.text ?? 'default', exports) : isObjectMember(decl) ? holderExported(decl, exports) : isExported(decl as ts.FunctionDeclaration | ts.VariableDeclaration, name, exports),
      key,
      accessor: match.accessor,
    };
    if (cls) info.className = cls.name?.text ?? 'default';
    if (keyParam !== undefined) info.keyParam = keyParam;
    return { info, bodyRead: read };
  }

  private matchRead(expr: ts.Expression, file: string): ReadMatch | undefined {
    if (ts.isCallExpression(expr)) return this.matcher.matchCall(expr, file, file);
    if (ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr)) return this.matcher.matchMember(expr, file);
    return undefined;
  }

  /**
   * `export const showBanner = flag({ key: 'show-banner', ... })` with a `define` accessor: the
   * const is a fixed-key wrapper whose own read is the definition, so calls of it (through
   * imports, re-exports and namespaces) are evaluations of the key, as for any wrapper.
   */
  private definition(decl: ts.VariableDeclaration, file: string): WrapperRecord | null {
    const call = skipOuterExpressions(decl.initializer!) as ts.CallExpression;
    const sf = this.ctx.parsed(file);
    const match = this.matcher.matchDefinition(call, file);
    if (!match?.keyExpr || !sf || !ts.isIdentifier(decl.name) || !isConstDeclaration(decl)) return null;
    const key = this.keys.resolveKey(match.keyExpr, file);
    if (key === null) return null;
    const whole = decl.parent.parent;
    const start = whole.getStart(sf);
    const info: WrapperInfo = {
      name: decl.name.text,
      file,
      span: { start, end: whole.getEnd() },
      ...positionOf(start, sf),
      exported: isExported(decl, decl.name.text, this.ctx.symbols(file)?.exports),
      key,
      accessor: match.accessor,
    };
    return { info, bodyRead: call };
  }

  /**
   * Whether the body reads a flag besides `read`: then a call of the function is not a read of
   * that one flag (`if (isOn(a)) return true; return isOn(b)`). Nested functions are not walked.
   */
  private readsElsewhere(fn: ts.FunctionLikeDeclaration, read: ts.Expression, file: string): boolean {
    const body = fn.body;
    if (!body) return false;
    const stack: ts.Node[] = ts.isBlock(body) ? [...body.statements] : [body];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n === read || ((ts.isFunctionLike(n) || ts.isClassLike(n)) && n !== body)) continue;
      if (ts.isCallExpression(n) && this.matcher.matchCall(n, file, file)) return true;
      if ((ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) && this.matcher.matchMember(n, file)) return true;
      ts.forEachChild(n, (c) => {
        stack.push(c);
      });
    }
    return false;
  }

  private paramIndex(expr: ts.Expression, fn: ts.SignatureDeclaration, file: string): number | undefined {
    const e = skipOuterExpressions(expr);
    if (!ts.isIdentifier(e)) return undefined;
    const symbols = this.ctx.symbols(file);
    if (!symbols) return undefined;
    const d = this.ctx.scopes.lookup(e.text, e, file, 'value', symbols);
    return d?.kind === 'param' && d.fn === fn ? d.index : undefined;
  }

  /**
   * The declared type of a forwarding wrapper's key parameter is a key source (`k: FlagKey`),
   * and so is what that type is built from (`type FlagKey = (typeof FLAGS)[keyof typeof FLAGS]`).
   */
  private markParamType(param: ts.ParameterDeclaration, file: string): void {
    const stack: { node: ts.Node; file: string }[] = param.type ? [{ node: param.type, file }] : [];
    const seen = new Set<ts.Node>();
    while (stack.length > 0 && seen.size < 512) {
      const { node: n, file: f } = stack.pop()!;
      if (seen.has(n)) continue;
      seen.add(n);
      let target: Resolved | undefined;
      if (ts.isTypeReferenceNode(n) && ts.isIdentifier(n.typeName)) target = this.keys.lookup(n.typeName, f, 'type');
      else if (ts.isTypeQueryNode(n) && ts.isIdentifier(n.exprName)) target = this.keys.lookup(n.exprName, f, 'value');
      if (target?.kind === 'type') {
        this.keys.keySources.add(target.decl);
        stack.push({ node: target.decl.type, file: target.file });
      } else if (target?.kind === 'enum' || target?.kind === 'var') {
        this.keys.keySources.add(target.decl);
      }
      ts.forEachChild(n, (c) => {
        stack.push({ node: c, file: f });
      });
    }
  }
}

/** `definitions`: also consts initialised with a call (`flag({ ... })` of a `define` accessor). */
function candidateDecls(sf: ts.SourceFile, definitions: boolean): WrapperDecl[] {
  const out: WrapperDecl[] = [];
  for (const stmt of sf.statements) {
    if (ts.isFunctionDeclaration(stmt) && stmt.name && stmt.body) out.push(stmt);
    else if (ts.isClassDeclaration(stmt)) {
      for (const m of stmt.members) if ((ts.isMethodDeclaration(m) || ts.isPropertyDeclaration(m)) && isWrapperShaped(m)) out.push(m);
    }
    else if (ts.isVariableStatement(stmt)) {
      for (const d of stmt.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer || !isConstDeclaration(d)) continue;
        if (functionValue(d.initializer) || wrappedComponent(d.initializer) || (definitions && isCall(d.initializer))) out.push(d);
        else for (const part of objectParts(d.initializer)) if (ts.isObjectLiteralExpression(part)) out.push(...wrapperShapedMembers(part));
      }
    } else if (ts.isExportAssignment(stmt) && !stmt.isExportEquals) {
      for (const part of objectParts(stmt.expression)) if (ts.isObjectLiteralExpression(part)) out.push(...wrapperShapedMembers(part));
    }
  }
  return out;
}

/** `flag({ ... })`, `flag<boolean>({ ... })`: what a flag definition's const holds. */
function isCall(init: ts.Expression): boolean {
  return ts.isCallExpression(skipOuterExpressions(init));
}

function functionOf(decl: WrapperDecl): ts.FunctionLikeDeclaration | undefined {
  if (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl)) return decl;
  if (ts.isPropertyAssignment(decl)) return functionValue(decl.initializer);
  return decl.initializer ? functionValue(decl.initializer) : undefined;
}

/** A method with a body, or a property initialised with a function (`isNewNav = () => ...`). */
function isWrapperShaped(m: ts.MethodDeclaration | ts.PropertyDeclaration): boolean {
  if (ts.isMethodDeclaration(m)) return m.body !== undefined && propertyName(m) !== undefined;
  return m.initializer !== undefined && isFunctionLikeValue(skipOuterExpressions(m.initializer)) && propertyName(m) !== undefined;
}

function propertyName(decl: WrapperDecl): string | undefined {
  return decl.name && (ts.isIdentifier(decl.name) || ts.isStringLiteral(decl.name)) ? decl.name.text : undefined;
}

function isStatic(m: ts.ClassElement): boolean {
  return ts.canHaveModifiers(m) && (ts.getModifiers(m)?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword) ?? false);
}

/** A helper object's member is exported with its object (`export const Utils`, `export default Utils`, `export default {...}`). */
function holderExported(member: ObjectMember, exports: Map<string, ExportEntry> | undefined): boolean {
  const holder = memberHolder(member);
  if (!holder) return false;
  if (ts.isExportAssignment(holder)) return true;
  return ts.isIdentifier(holder.name) && isExported(holder, holder.name.text, exports);
}

function isExported(decl: ts.FunctionDeclaration | ts.VariableDeclaration | ts.ClassDeclaration, name: string, exports: Map<string, ExportEntry> | undefined): boolean {
  const holder = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
  if (hasExportModifier(holder)) return true;
  if (!exports) return false;
  for (const e of exports.values()) if (e.kind === 'local' && e.name === name) return true;
  return false;
}
