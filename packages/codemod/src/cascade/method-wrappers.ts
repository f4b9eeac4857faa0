import ts from '../ts-morph-ts.cjs';
import type { Span } from '@flagdebt/core';
import { removeNode } from '../edit/layout.js';
import { applyEdits, type Edit } from '../edit/text-edits.js';
import { isPure } from '../fold/fold-context.js';
import { parse } from '../fold/fold-engine.js';
import { identifiersNamed } from '../fold/scope.js';
import type { SourceSet } from '../removal/source-set.js';
import type { EntryPoints } from './entry-points.js';
import { removeListMember } from './key-declarations.js';

/** A file as it was folded: the text the reads were found in and where they were. */
export interface FoldedFile {
  file: string;
  text: string;
  spans: Span[];
}

export interface MethodWrapperOptions {
  sources: SourceSet;
  folded: FoldedFile[];
  entries: EntryPoints;
  isTest(file: string): boolean;
  resolveModule(specifier: string, fromFile: string): string | null;
}

interface Candidate {
  file: string;
  /** The class, or the module-level const holding the helper object (`const AppUtils = {...}`), that declares it. */
  holder: { kind: 'class' | 'object'; name: string };
  name: string;
}

/**
 * Per-flag wrappers that are class members (`isNewNavEnabled() { return this.flags.isEnabled('newNav') }`,
 * `isNewNav = () => (this.svc ? this.svc.read(K) : false)`), or members of a module-level helper
 * object (`const AppUtils = { isNewCheckout: () => flags.isEnabled('new-checkout', false) }`),
 * once the removal folded every call.
 * The cascade only deletes private members (their uses are all in the class); a public one is
 * called through instances elsewhere, so it goes here, after a search of the whole project:
 *
 * - the member read a removed key, and its folded body is now only a constant (or a pure guard
 *   of one): a member that computes anything else is not a per-flag wrapper;
 * - it was named somewhere else before the run and is named nowhere now, except by the
 *   declarations that go with it: the member of an interface the class implements, the same
 *   member of a fake class in a test file, and a property of that name in a test file's object
 *   literal (a mock of the service);
 * - the class is not in a package entry point (public API), and the member is not static.
 *
 * Generic wrappers taking a key (`isEnabled(key)`) never read a removed key as a literal, and
 * the SDK's own methods have no folded read in them, so neither is ever a candidate.
 */
export function deleteFoldedMethodWrappers(options: MethodWrapperOptions): { deleted: number; changed: string[] } {
  const { sources } = options;
  const candidates: Candidate[] = [];
  for (const f of options.folded) {
    if (options.entries.isEntry(f.file)) continue;
    const sf = parse(f.file, f.text);
    const folded = (m: ts.Node) => f.spans.some((s) => s.start >= m.getStart(sf) && s.end <= m.getEnd());
    for (const cls of sf.statements.filter(ts.isClassDeclaration)) {
      if (!cls.name) continue;
      for (const m of cls.members) {
        const name = publicMemberName(m);
        if (name !== undefined && folded(m)) candidates.push({ file: f.file, holder: { kind: 'class', name: cls.name.text }, name });
      }
    }
    for (const [holder, members] of helperObjects(sf)) {
      for (const m of members) {
        const name = objectMemberName(m);
        if (name !== undefined && folded(m)) candidates.push({ file: f.file, holder: { kind: 'object', name: holder }, name });
      }
    }
  }
  let deleted = 0;
  const changed = new Set<string>();
  for (const c of candidates) {
    const plan = planDeletion(c, options);
    if (!plan) continue;
    for (const [file, edits] of plan) {
      const text = sources.text(file);
      if (typeof text !== 'string') continue;
      sources.set(file, applyEdits(text, edits, { constants: [], touched: [] }).text);
      changed.add(file);
    }
    deleted++;
  }
  return { deleted, changed: [...changed] };
}

/** The edits that delete one candidate and what goes with it, per file; null when it must stay. */
function planDeletion(c: Candidate, options: MethodWrapperOptions): Map<string, Edit[]> | null {
  const { sources } = options;
  const text = sources.text(c.file);
  if (typeof text !== 'string') return null;
  const sf = parse(c.file, text);
  const edits = new Map<string, Edit[]>();
  const add = (file: string, edit: Edit) => edits.set(file, [...(edits.get(file) ?? []), edit]);
  let cls: ts.ClassDeclaration | undefined;
  let member: ts.ClassElement | ts.ObjectLiteralElementLike | undefined;
  if (c.holder.kind === 'class') {
    cls = sf.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === c.holder.name);
    member = cls?.members.find((m) => publicMemberName(m) === c.name);
    if (!cls || !member || !constantBody(member)) return null;
    // Other members of that name (overloads, a getter and a setter): not a plain wrapper.
    if (cls.members.filter((m) => m.name && ts.isIdentifier(m.name) && m.name.text === c.name).length !== 1) return null;
    add(c.file, removeNode(text, member));
  } else {
    const members = helperObjects(sf).get(c.holder.name) ?? [];
    member = members.find((m) => objectMemberName(m) === c.name);
    if (!member || !constantBody(member) || members.filter((m) => m.name && ts.isIdentifier(m.name) && m.name.text === c.name).length !== 1) return null;
    add(c.file, removeListMember(text, member));
  }
  const going = new Set<ts.Node>([member.name!]);
  const parsed = new Map<string, ts.SourceFile>([[c.file, sf]]);
  const parsedAt = (file: string): ts.SourceFile | undefined => {
    if (!parsed.has(file)) {
      const t = sources.text(file);
      if (typeof t !== 'string') return undefined;
      parsed.set(file, parse(file, t));
    }
    return parsed.get(file);
  };
  for (const target of cls ? implementedInterfaces(cls, c.file, options.resolveModule, parsedAt) : []) {
    const sig = target.decl.members.find((m) => (ts.isMethodSignature(m) || ts.isPropertySignature(m)) && m.name && ts.isIdentifier(m.name) && m.name.text === c.name);
    if (!sig) continue;
    // An interface member with other members of the same name (overloads) stays, and so does the wrapper.
    if (target.decl.members.filter((m) => m.name && ts.isIdentifier(m.name) && m.name.text === c.name).length !== 1) return null;
    add(target.file, removeNode(sources.text(target.file) as string, sig));
    going.add(sig.name!);
  }

  // Every mention now must be one of those declarations, a mock or fake of it in a test file.
  const mentioned = sources.filesMentioning(c.name, 'current');
  for (const file of mentioned) {
    const fsf = parsedAt(file);
    if (!fsf) return null;
    const test = options.isTest(file);
    for (const id of identifiersNamed(fsf, c.name)) {
      if (going.has(id)) continue;
      const decl = id.parent;
      if (test && (ts.isPropertyAssignment(decl) || ts.isMethodDeclaration(decl) || ts.isShorthandPropertyAssignment(decl)) && decl.name === id && ts.isObjectLiteralExpression(decl.parent)) {
        // A shorthand property names a variable of the test: that is a use, not a mock.
        if (ts.isShorthandPropertyAssignment(decl)) return null;
        add(file, removeListMember(fsf.text, decl));
        continue;
      }
      if (test && ts.isMethodDeclaration(decl) && decl.name === id && ts.isClassLike(decl.parent) && constantBody(decl)) {
        add(file, removeNode(fsf.text, decl));
        continue;
      }
      return null;
    }
    // The name spelled in a string (`vi.spyOn(nav, 'isNewNavEnabled')`) or a comment is a use a human should look at.
    if (stringMentions(fsf, c.name)) return null;
  }
  // A member nobody called before the run is API of its own, not residue of this removal.
  if (!calledBefore(c, sources)) return null;
  return edits;
}

/** A class member's name when it is a public instance method or function-valued property. */
function publicMemberName(m: ts.ClassElement): string | undefined {
  if (!(ts.isMethodDeclaration(m) || ts.isPropertyDeclaration(m) || ts.isGetAccessorDeclaration(m)) || !m.name || !ts.isIdentifier(m.name)) return undefined;
  const mods = ts.canHaveModifiers(m) ? (ts.getModifiers(m) ?? []) : [];
  if (mods.some((x) => x.kind === ts.SyntaxKind.StaticKeyword || x.kind === ts.SyntaxKind.PrivateKeyword || x.kind === ts.SyntaxKind.AbstractKeyword || x.kind === ts.SyntaxKind.OverrideKeyword)) return undefined;
  if (ts.canHaveDecorators(m) && (ts.getDecorators(m)?.length ?? 0) > 0) return undefined;
  if (ts.isPropertyDeclaration(m) && !(m.initializer && (ts.isArrowFunction(m.initializer) || ts.isFunctionExpression(m.initializer)))) return undefined;
  return m.name.text;
}

/**
 * The members of each module-level helper object (`const AppUtils = { ... }`, also the literals of
 * `Object.assign({}, Base, { ... })`), by the const's name: core's scanner matches calls through
 * the const (`AppUtils.isNewCheckout()`) as it does through a class's instances.
 */
function helperObjects(sf: ts.SourceFile): Map<string, ts.ObjectLiteralElementLike[]> {
  const out = new Map<string, ts.ObjectLiteralElementLike[]>();
  for (const stmt of sf.statements) {
    if (!ts.isVariableStatement(stmt) || !(stmt.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of stmt.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || !d.initializer) continue;
      const init = skip(d.initializer);
      const literals = ts.isObjectLiteralExpression(init) ? [init] : isObjectAssign(init) ? init.arguments.map(skip).filter(ts.isObjectLiteralExpression) : [];
      if (literals.length > 0) out.set(d.name.text, literals.flatMap((l) => [...l.properties]));
    }
  }
  return out;
}

function isObjectAssign(e: ts.Expression): e is ts.CallExpression {
  if (!ts.isCallExpression(e)) return false;
  const callee = skip(e.expression);
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object' && callee.name.text === 'assign';
}

/** A helper object member's name when it is a method or a function-valued property. */
function objectMemberName(m: ts.ObjectLiteralElementLike): string | undefined {
  if (!m.name || !ts.isIdentifier(m.name)) return undefined;
  if (ts.isMethodDeclaration(m)) return m.name.text;
  const init = ts.isPropertyAssignment(m) ? skip(m.initializer) : undefined;
  return init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? m.name.text : undefined;
}

/** The member's body only returns a constant or a pure guard of one (what a folded wrapper leaves). */
function constantBody(m: ts.ClassElement | ts.ObjectLiteralElementLike): boolean {
  const fn = ts.isPropertyDeclaration(m) || ts.isPropertyAssignment(m) ? m.initializer : m;
  if (!fn || !(ts.isMethodDeclaration(fn) || ts.isGetAccessorDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !fn.body) return false;
  if (!ts.isBlock(fn.body)) return isPure(fn.body) && !ts.isArrowFunction(skip(fn.body)) && !ts.isFunctionExpression(skip(fn.body));
  const statements = fn.body.statements;
  if (statements.length !== 1 || !ts.isReturnStatement(statements[0])) return false;
  const value = statements[0].expression;
  return value !== undefined && isPure(value) && !ts.isArrowFunction(skip(value)) && !ts.isFunctionExpression(skip(value));
}

function skip(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) e = e.expression;
  return e;
}

/** Interfaces named in the class's `implements` clause, declared in its file or imported from a project module. */
function implementedInterfaces(
  cls: ts.ClassDeclaration,
  file: string,
  resolve: MethodWrapperOptions['resolveModule'],
  parsedAt: (file: string) => ts.SourceFile | undefined,
): Array<{ file: string; decl: ts.InterfaceDeclaration }> {
  const out: Array<{ file: string; decl: ts.InterfaceDeclaration }> = [];
  const sf = cls.getSourceFile();
  for (const clause of cls.heritageClauses ?? []) {
    if (clause.token !== ts.SyntaxKind.ImplementsKeyword) continue;
    for (const t of clause.types) {
      if (!ts.isIdentifier(t.expression)) continue;
      const name = t.expression.text;
      const local = sf.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
      if (local) {
        out.push({ file, decl: local });
        continue;
      }
      const imported = importedFrom(sf, name);
      const target = imported && resolve(imported.specifier, file);
      const tsf = target ? parsedAt(target) : undefined;
      const decl = tsf?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === imported!.exported);
      if (target && decl) out.push({ file: target, decl });
    }
  }
  return out;
}

function importedFrom(sf: ts.SourceFile, local: string): { specifier: string; exported: string } | undefined {
  for (const s of sf.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    const nb = s.importClause?.namedBindings;
    if (!nb || !ts.isNamedImports(nb)) continue;
    const el = nb.elements.find((e) => e.name.text === local);
    if (el) return { specifier: s.moduleSpecifier.text, exported: (el.propertyName ?? el.name).text };
  }
  return undefined;
}

/** The name occurs in the text outside identifiers (strings, templates, comments). */
function stringMentions(sf: ts.SourceFile, name: string): boolean {
  const re = new RegExp(`(?<![\\w$])${name.replace(/[$]/g, '\\$')}(?![\\w$])`, 'g');
  return [...sf.text.matchAll(re)].length > identifiersNamed(sf, name).length;
}

/** Whether the member was called (or read as `x.name`) anywhere before the run. */
function calledBefore(c: Candidate, sources: SourceSet): boolean {
  const re = new RegExp(`\\.\\s*${c.name.replace(/[$]/g, '\\$')}(?![\\w$])`);
  return sources.filesMentioning(c.name, 'original').some((file) => re.test(sources.originalText(file) ?? ''));
}
