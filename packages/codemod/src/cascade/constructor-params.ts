import ts from '../ts-morph-ts.cjs';
import { applyEdits, OverlappingEditsError, type Edit } from '../edit/text-edits.js';
import { isPure } from '../fold/fold-context.js';
import { referencesInScope } from '../fold/scope.js';
import type { SourceSet } from '../removal/source-set.js';
import type { EntryPoints } from './entry-points.js';
import { removeListMember } from './key-declarations.js';
import { isInertCall } from './inert-calls.js';

/**
 * Constructor parameters that only carried the flag (`constructor(db: Db, flagResolver:
 * IFlagResolver)`, `constructor(private flagResolver: IFlagResolver)`, `{ getLogger, flagResolver }:
 * Pick<IUnleashConfig, 'getLogger' | 'flagResolver'>`), once the fold and the cascade left them
 * unread: the parameter goes together with its argument at every `new Service(...)` site, or not
 * at all. That needs every construction in view: the class is not exported from a package entry,
 * not extended, not imported under another name, not passed around as a value; or it is a
 * decorated class built by a DI container, which resolves parameters by type and passes none.
 */
export interface PlumbingContext {
  sources: SourceSet;
  entries: EntryPoints;
  parse(file: string, text: string): ts.SourceFile;
  parseOriginal(file: string, text: string): ts.SourceFile;
}

/** A construction: `new Service(...)`, or `super(...)` in the constructor of a subclass. */
type Construction = ts.NewExpression | ts.CallExpression;
type Sites = { kind: 'new'; calls: Array<{ file: string; call: Construction }> } | { kind: 'injected' };

/**
 * Where the class is built, or null when some construction may be out of view (see above). The
 * class's own file counts like any other.
 */
export function constructionSites(cls: ts.ClassDeclaration, file: string, ctx: PlumbingContext, depth = 0): Sites | null {
  const name = cls.name?.text;
  if (!name || depth > 3 || hasModifier(cls, ts.SyntaxKind.DefaultKeyword) || hasModifier(cls, ts.SyntaxKind.AbstractKeyword)) return null;
  if (hasModifier(cls, ts.SyntaxKind.ExportKeyword) && ctx.entries.isEntry(file)) return null;
  // A class built by a DI container (`@injectable()`): handing it to a call registers or mocks it
  // (`addSingleton(IToken, Service)`, `bind(T).to(Service)`, ts-mockito's `mock(Service)`); the
  // container resolves its parameters by their decorators, so none of those passes arguments.
  const decorated = ts.canHaveDecorators(cls) && (ts.getDecorators(cls)?.length ?? 0) > 0;
  const calls: Array<{ file: string; call: Construction }> = [];
  for (const other of ctx.sources.filesMentioning(name)) {
    const text = ctx.sources.text(other);
    if (typeof text !== 'string') continue;
    const sf = ctx.parse(other, text);
    let ok = true;
    const visit = (n: ts.Node): void => {
      if (!ok) return;
      if (ts.isIdentifier(n) && n.text === name) {
        const use = useOf(n, cls, decorated);
        if (use === 'other') ok = false;
        else if (use === 'new') calls.push({ file: other, call: n.parent as ts.NewExpression });
        else if (use === 'extends') {
          const sub = n.parent.parent.parent as ts.ClassLikeDeclaration;
          const supers = superCalls(sub);
          // A subclass with no constructor of its own is built with this one's parameters:
          // its constructions are this class's (a test's `class TestService extends Service {}`).
          const inherited = supers === null && !sub.members.some(ts.isConstructorDeclaration) && ts.isClassDeclaration(sub) ? constructionSites(sub, other, ctx, depth + 1) : null;
          if (supers !== null) for (const call of supers) calls.push({ file: other, call });
          else if (inherited?.kind === 'new') calls.push(...inherited.calls);
          else if (inherited === null) ok = false;
        }
        return;
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
    if (!ok) return null;
  }
  if (calls.length > 0) return { kind: 'new', calls };
  return decorated ? { kind: 'injected' } : null;
}

/** How an identifier named like the class uses it: what is not a construction, a type or an import leaves it in doubt. */
function useOf(id: ts.Identifier, cls: ts.ClassDeclaration, injected: boolean): 'new' | 'extends' | 'fine' | 'other' {
  const p = id.parent;
  if (p === cls) return 'fine';
  if (injected && ts.isCallExpression(p) && p.arguments.includes(id)) return 'fine';
  if (ts.isNewExpression(p) && p.expression === id) return p.arguments ? 'new' : 'other';
  if (ts.isTypeReferenceNode(p) || (ts.isQualifiedName(p) && p.right === id)) return 'fine';
  // `implements Service` is a type; `extends Service` calls its constructor through `super(...)`.
  if (ts.isExpressionWithTypeArguments(p) && p.expression === id && ts.isHeritageClause(p.parent)) return p.parent.token === ts.SyntaxKind.ImplementsKeyword ? 'fine' : 'extends';
  if ((ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && (!p.propertyName || (ts.isIdentifier(p.propertyName) && p.propertyName.text === id.text) || p.propertyName === id) && p.name.text === id.text) return 'fine';
  // `Service.create()` reaches a static member, which builds through `new` in the class (seen above).
  if (ts.isPropertyAccessExpression(p) && p.expression === id) return 'fine';
  // A property or method named like the class (`this.Service`, `{ Service: ... }`) is another name.
  if ((ts.isPropertyAccessExpression(p) && p.name === id) || (ts.isPropertyAssignment(p) && p.name === id) || (ts.isMethodDeclaration(p) && p.name === id) || (ts.isPropertyDeclaration(p) && p.name === id)) return 'fine';
  return 'other';
}

/**
 * The `super(...)` calls of a subclass's constructor: constructions like `new`. Null when the
 * subclass has no constructor of its own (its `new` sites pass the parent's parameters).
 */
function superCalls(sub: ts.ClassLikeDeclaration): ts.CallExpression[] | null {
  const ctors = sub.members.filter(ts.isConstructorDeclaration);
  if (ctors.length !== 1 || !ctors[0].body) return null;
  const out: ts.CallExpression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.SuperKeyword) out.push(n);
    // A nested function's `super` is not this constructor's.
    if (!ts.isFunctionLike(n) || ts.isArrowFunction(n)) ts.forEachChild(n, visit);
  };
  ts.forEachChild(ctors[0].body, visit);
  return out.length > 0 ? out : null;
}

/**
 * Whether the positional parameter `name` of the class's constructor can leave with its argument
 * everywhere: every construction passes a side-effect-free argument there (or none), and no
 * spread stands before it.
 */
export function parameterCanGo(cls: ts.ClassDeclaration, file: string, name: string, ctx: PlumbingContext): boolean {
  const ctor = soleConstructor(cls);
  const index = ctor?.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === name) ?? -1;
  if (!ctor || index === -1 || ctor.parameters[index].dotDotDotToken) return false;
  const sites = constructionSites(cls, file, ctx);
  if (!sites) return false;
  return sites.kind === 'injected' || sites.calls.every(({ call }) => argumentCanGo(call, index));
}

function argumentCanGo(call: Construction, index: number): boolean {
  const args = call.arguments ?? ts.factory.createNodeArray();
  if (args.slice(0, index + 1).some((a) => ts.isSpreadElement(a))) return false;
  // A test double (`instance(experiments)`) or a container lookup goes with its argument too.
  return index >= args.length || isPure(args[index], isInertCall);
}


/**
 * One pass over the given files: deletes constructor parameters that became unread in this run
 * (read before it, not now) with their arguments, and options-object properties a destructured
 * constructor parameter stopped naming (from its `Pick<...>` or type literal and from the object
 * literals passed there). Returns the files it changed.
 */
export function dropConstructorPlumbing(files: Iterable<string>, lost: ReadonlySet<string>, ctx: PlumbingContext): string[] {
  const edits = new Map<string, Edit[]>();
  const push = (file: string, edit: Edit): void => {
    if (!edits.has(file)) edits.set(file, []);
    edits.get(file)!.push(edit);
  };
  for (const file of files) {
    const text = ctx.sources.text(file);
    const original = ctx.sources.originalText(file);
    if (typeof text !== 'string' || original === undefined || text === original || !text.includes('constructor')) continue;
    const sf = ctx.parse(file, text);
    for (const cls of classesOf(sf)) {
      const ctor = soleConstructor(cls);
      if (!ctor || !ctor.body) continue;
      const before = originalConstructor(ctx.parseOriginal(file, original), cls.name!.text);
      if (!before) continue;
      const positional: number[] = [];
      const options: Array<{ index: number; keys: string[] }> = [];
      ctor.parameters.forEach((p, index) => {
        if (ts.isIdentifier(p.name) && lost.has(p.name.text) && !p.dotDotDotToken && becameUnread(cls, ctor, p, before)) positional.push(index);
        if (ts.isObjectBindingPattern(p.name)) {
          const keys = droppedKeys(p, before.ctor.parameters[index], lost);
          if (keys.length > 0) options.push({ index, keys });
        }
      });
      if (positional.length === 0 && options.length === 0) continue;
      const sites = constructionSites(cls, file, ctx);
      if (!sites) continue;
      // One positional parameter a pass: two neighbours' comma ranges would overlap; the cascade's next round takes the next.
      const goes = positional.filter((i) => sites.kind === 'injected' || sites.calls.every(({ call }) => argumentCanGo(call, i))).slice(0, 1);
      for (const i of goes) {
        push(file, removeListMember(text, ctor.parameters[i]));
        if (sites.kind === 'new') for (const { file: at, call } of sites.calls) if (i < call.arguments!.length) push(at, removeListMember(ctx.sources.text(at) as string, call.arguments![i]));
      }
      if (sites.kind !== 'new') continue;
      for (const { index, keys } of options) {
        const typeEdits = optionTypeEdits(text, ctor.parameters[index], keys);
        const argEdits = sites.calls.map(({ file: at, call }) => ({ at, edits: optionArgumentEdits(ctx.sources.text(at) as string, call.arguments![index], keys) }));
        if (!typeEdits || argEdits.some((a) => a.edits === null)) continue;
        for (const e of typeEdits) push(file, e);
        for (const { at, edits: es } of argEdits) for (const e of es!) push(at, e);
      }
    }
  }
  // All files or none: a parameter must not lose its arguments in some files only.
  const results = new Map<string, string>();
  try {
    for (const [file, es] of edits) results.set(file, applyEdits(ctx.sources.text(file) as string, es, { constants: [], touched: [] }).text);
  } catch (error) {
    if (error instanceof OverlappingEditsError) return [];
    throw error;
  }
  for (const [file, text] of results) ctx.sources.set(file, text);
  return [...results.keys()];
}

/** Read before this run (in the constructor, or as `this.name` for a parameter property), and not now. */
function becameUnread(cls: ts.ClassDeclaration, ctor: ts.ConstructorDeclaration, p: ts.ParameterDeclaration, before: { cls: ts.ClassDeclaration; ctor: ts.ConstructorDeclaration }): boolean {
  const name = (p.name as ts.Identifier).text;
  const modifiers = ts.getModifiers(p) ?? [];
  // A public or protected parameter property is part of the class's shape.
  if (modifiers.some((m) => m.kind === ts.SyntaxKind.PublicKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword)) return false;
  if (p.initializer && !isPure(p.initializer)) return false;
  const property = modifiers.length > 0;
  const reads = (c: ts.ClassDeclaration, k: ts.ConstructorDeclaration) => bodyReads(k, name) + (property ? memberReads(c, name) : 0);
  const old = before.ctor.parameters.find((q) => ts.isIdentifier(q.name) && q.name.text === name);
  return old !== undefined && reads(cls, ctor) === 0 && reads(before.cls, before.ctor) > 0;
}

function bodyReads(ctor: ts.ConstructorDeclaration, name: string): number {
  let n = 0;
  for (const p of ctor.parameters) if (p.initializer) n += referencesInScope(p.initializer, name).length;
  return n + (ctor.body ? referencesInScope(ctor.body, name).length : 0);
}

function memberReads(cls: ts.ClassDeclaration, name: string): number {
  let n = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === name && node.expression.kind === ts.SyntaxKind.ThisKeyword) n++;
    if (ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression) && node.argumentExpression.text === name) n++;
    ts.forEachChild(node, visit);
  };
  visit(cls);
  return n;
}

/**
 * Names the pattern had before this run and lost in it (the cascade takes unread names out of a
 * destructured parameter) that its type still lists.
 */
function droppedKeys(p: ts.ParameterDeclaration, old: ts.ParameterDeclaration | undefined, lost: ReadonlySet<string>): string[] {
  const pattern = p.name as ts.ObjectBindingPattern;
  if (!old || !ts.isObjectBindingPattern(old.name) || pattern.elements.some((e) => e.dotDotDotToken)) return [];
  const key = (e: ts.BindingElement): string | undefined => {
    const k = e.propertyName ?? e.name;
    return ts.isIdentifier(k) ? k.text : undefined;
  };
  const now = new Set(pattern.elements.map(key));
  return old.name.elements.map(key).filter((k): k is string => k !== undefined && !now.has(k) && lost.has(k) && typeKeys(p.type).has(k));
}

/** The keys a `Pick<T, 'a' | 'b'>` or a type literal lists. */
function typeKeys(type: ts.TypeNode | undefined): Set<string> {
  const out = new Set<string>();
  if (type && isPick(type)) for (const lit of pickLiterals(type)) out.add(lit.literal.text);
  if (type && ts.isTypeLiteralNode(type)) for (const m of type.members) if (ts.isPropertySignature(m) && ts.isIdentifier(m.name)) out.add(m.name.text);
  return out;
}

function isPick(type: ts.TypeNode): type is ts.TypeReferenceNode {
  return ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'Pick' && type.typeArguments?.length === 2;
}

function pickLiterals(type: ts.TypeReferenceNode): Array<ts.LiteralTypeNode & { literal: ts.StringLiteral }> {
  const keys = type.typeArguments![1];
  const members = ts.isUnionTypeNode(keys) ? [...keys.types] : [keys];
  return members.filter((m): m is ts.LiteralTypeNode & { literal: ts.StringLiteral } => ts.isLiteralTypeNode(m) && ts.isStringLiteral(m.literal));
}

/** `Pick<C, 'a' | 'k'>` without `'k'`, a type literal without its `k` member; null when that would empty it. */
function optionTypeEdits(text: string, p: ts.ParameterDeclaration, keys: string[]): Edit[] | null {
  const type = p.type!;
  if (isPick(type)) {
    const keysNode = type.typeArguments![1];
    const lits = pickLiterals(type);
    const gone = lits.filter((l) => keys.includes(l.literal.text));
    if (!ts.isUnionTypeNode(keysNode) || gone.length >= keysNode.types.length) return null;
    return gone.map((l) => unionMemberEdit(text, keysNode, l));
  }
  if (ts.isTypeLiteralNode(type)) {
    const gone = type.members.filter((m) => ts.isPropertySignature(m) && ts.isIdentifier(m.name) && keys.includes(m.name.text));
    if (gone.length >= type.members.length) return null;
    return gone.map((m) => removeTypeMember(text, m));
  }
  return null;
}

function unionMemberEdit(text: string, union: ts.UnionTypeNode, member: ts.TypeNode): Edit {
  const i = union.types.indexOf(member);
  // `'a' | 'k'` loses ` | 'k'`; `'k' | 'a'` loses `'k' | `.
  if (i > 0) return { start: union.types[i - 1].getEnd(), end: member.getEnd(), parts: [''] };
  return { start: member.getStart(), end: union.types[1].getStart(), parts: [''] };
}

function removeTypeMember(text: string, member: ts.TypeElement): Edit {
  let end = member.getEnd();
  while (text[end] === ' ') end++;
  const lineStart = text.lastIndexOf('\n', member.getStart() - 1) + 1;
  const nl = text.indexOf('\n', end);
  // Alone on its line: the line goes.
  if (/^\s*$/.test(text.slice(lineStart, member.getStart())) && (nl === end || nl === -1)) return { start: lineStart, end: nl === -1 ? end : nl + 1, parts: [''] };
  return { start: member.getStart(), end, parts: [''] };
}

/**
 * The property `k` out of the object literal passed for the options parameter: `{ getLogger,
 * flagResolver }` becomes `{ getLogger }`. Another kind of argument (a whole config) stays: it
 * still satisfies the narrower type. Null when a property to delete may have an effect.
 */
function optionArgumentEdits(text: string, arg: ts.Expression | undefined, keys: string[]): Edit[] | null {
  if (!arg || !ts.isObjectLiteralExpression(arg)) return [];
  const out: Edit[] = [];
  for (const prop of arg.properties) {
    if (!(ts.isShorthandPropertyAssignment(prop) || ts.isPropertyAssignment(prop)) || !ts.isIdentifier(prop.name) || !keys.includes(prop.name.text)) continue;
    if (ts.isPropertyAssignment(prop) && !isPure(prop.initializer)) return null;
    out.push(removeListMember(text, prop));
  }
  // Nothing left: `{}`, still valid for the narrower type.
  if (out.length > 0 && out.length === arg.properties.length) return [{ start: arg.getStart(), end: arg.getEnd(), parts: ['{}'] }];
  return out;
}

function classesOf(sf: ts.SourceFile): ts.ClassDeclaration[] {
  const out: ts.ClassDeclaration[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isClassDeclaration(n) && n.name) out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function soleConstructor(cls: ts.ClassDeclaration): ts.ConstructorDeclaration | undefined {
  const ctors = cls.members.filter(ts.isConstructorDeclaration);
  return ctors.length === 1 && ctors[0].body ? ctors[0] : undefined;
}

function originalConstructor(sf: ts.SourceFile, name: string): { cls: ts.ClassDeclaration; ctor: ts.ConstructorDeclaration } | undefined {
  const matches = classesOf(sf).filter((c) => c.name!.text === name);
  const ctor = matches.length === 1 ? soleConstructor(matches[0]) : undefined;
  return ctor ? { cls: matches[0], ctor } : undefined;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false);
}
