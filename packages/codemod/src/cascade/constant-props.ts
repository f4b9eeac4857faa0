import ts from '../ts-morph-ts.cjs';
import type { FlagValue } from '@flagdebt/core';
import { attachedCommentStart, expandToLines } from '../edit/layout.js';
import { applyEdits, type Edit } from '../edit/text-edits.js';
import { isPure, literalValue, preferredQuote, valueText } from '../fold/fold-context.js';
import { foldEvaluations, parse } from '../fold/fold-engine.js';
import { identifiersNamed, isDeclarationName, referencesInScope } from '../fold/scope.js';
import type { SourceSet } from '../removal/source-set.js';
import type { EntryPoints } from './entry-points.js';
import { componentNamed, componentOf, type FunctionComponent } from './function-components.js';
import { removeListMember } from './key-declarations.js';

export interface ConstantPropsOptions {
  sources: SourceSet;
  /** Files the fold rewrote: only props this run made constant are looked at. */
  folded: Iterable<string>;
  resolveModule(specifier: string, fromFile: string): string | null;
  entries: EntryPoints;
}

/** Rounds of following a constant prop one component deeper (`<A on />` passes `on` to `<B on={on} />`). */
const MAX_ROUNDS = 4;

/**
 * A prop the flag decided: `<Summary showFastCheckout={isFastCheckoutOn} />` became
 * `<Summary showFastCheckout />`. When every use of the component passes that same constant,
 * the prop carries nothing: it leaves each use site, the component reads the constant instead
 * (so its own branches fold), and the prop leaves the destructuring and the props type.
 * Conservative, so the type-check cannot change:
 *
 * - the component is a function (declaration or const arrow/function, `FC<Props>` typed or not)
 *   of this project, not default-exported, not in a package entry point, whose first parameter
 *   destructures the prop by name (no rest element that would then hold it);
 * - every use is a JSX tag with the prop set to the same literal and no spread attributes, or a
 *   plain named import of the component from its own module: a component passed as a value,
 *   re-exported or renamed on import keeps its props;
 * - the prop's member leaves a props type written on the parameter or a type of the module used
 *   by this parameter alone; otherwise it must be optional, or nothing changes.
 *
 * Only props this run made constant count: one that was constant before is the code's own business.
 *
 * A prop the fold left unread (`colorScheme` was only passed on by the old path) leaves the
 * component, its props type and every use the same way, when every use passes it a value whose
 * evaluation has no effect (or does not pass it).
 */
export function inlineConstantProps(options: ConstantPropsOptions): string[] {
  const changed = new Set<string>();
  let round = new Set(options.folded);
  for (let i = 0; i < MAX_ROUNDS && round.size > 0; i++) {
    const next = new Set<string>();
    for (const file of round) {
      for (const f of inlineIn(file, options)) {
        changed.add(f);
        next.add(f);
      }
    }
    round = next;
  }
  return [...changed];
}

interface Candidate {
  tag: string;
  prop: string;
  value: FlagValue;
}

/** Constant props this run set in `file`, each inlined where possible; the files changed. */
function inlineIn(file: string, options: ConstantPropsOptions): string[] {
  const { sources } = options;
  const text = sources.text(file);
  const original = sources.originalText(file);
  if (typeof text !== 'string' || typeof original !== 'string' || !/\.[jt]sx$/.test(file)) return [];
  const before = parse(file, original);
  const variable = variableProps(before);
  const out = new Set<string>();
  for (const c of constantProps(parse(file, text))) {
    if (!variable.has(`${c.tag}\0${c.prop}`)) continue;
    const now = sources.text(file) as string;
    const component = componentBehind(parse(file, now), file, c.tag, options);
    if (!component) continue;
    for (const f of inlineProp(component, c, options)) out.add(f);
  }
  for (const u of unreadProps(file, before, sources.text(file) as string)) {
    for (const f of dropUnreadProp(u, options)) out.add(f);
  }
  return [...out];
}

/**
 * Props of the components of `file` that the fold left unread: the component read them before
 * (`colorScheme` only on the old path) and reads them nowhere now.
 */
function unreadProps(file: string, before: ts.SourceFile, text: string): Array<{ component: Component; prop: string }> {
  const sf = parse(file, text);
  const out: Array<{ component: Component; prop: string }> = [];
  for (const s of sf.statements) {
    const now = componentOf(s);
    const was = now && componentNamed(before, now.name);
    const pattern = now?.fn.parameters[0]?.name;
    if (!now || !was || !pattern || !ts.isObjectBindingPattern(pattern)) continue;
    const name = now.name;
    for (const el of pattern.elements) {
      const key = el.propertyName ?? el.name;
      if (el.dotDotDotToken || !ts.isIdentifier(el.name) || !(ts.isIdentifier(key) || ts.isStringLiteral(key))) continue;
      const prop = key.text;
      const binding = propBinding(now, prop);
      const old = propBinding(was, prop);
      if (!binding || !old) continue;
      if (readsOf(now, binding).length === 0 && readsOf(was, old).length > 0) out.push({ component: { file, name, exported: now.exported }, prop });
    }
  }
  return out;
}

/** A prop nothing reads any more leaves the component, its props type and every use. */
function dropUnreadProp(u: { component: Component; prop: string }, options: ConstantPropsOptions): string[] {
  const { sources } = options;
  const { component, prop } = u;
  if (component.exported && options.entries.isEntry(component.file)) return [];
  const own = parse(component.file, sources.text(component.file) as string);
  const decl = componentNamed(own, component.name);
  if (!decl || !propBinding(decl, prop) || propsMember(own, decl, prop, options) === null) return [];
  // Passed or not, with any value evaluating which has no effect.
  const pure = (attr: ts.JsxAttribute | undefined) => attr === undefined || !attr.initializer || ts.isStringLiteral(attr.initializer) || (ts.isJsxExpression(attr.initializer) && (!attr.initializer.expression || isPure(attr.initializer.expression)));
  const sites = useSites(component, prop, pure, options);
  if (!sites) return [];
  removeAttributes(sites, options);
  const text = sources.text(component.file) as string;
  const sf = parse(component.file, text);
  const d = componentNamed(sf, component.name)!;
  const edits: Edit[] = [removeListMember(text, propBinding(d, prop)!)];
  const m = propsMember(sf, d, prop, options);
  if (m) edits.push({ ...memberRange(text, m), parts: [''] });
  sources.set(component.file, applyEdits(text, edits, { constants: [], touched: [] }).text);
  return [...new Set([...sites.keys(), component.file])];
}

/** The identifiers that read a prop's binding in the component (not the binding itself). */
function readsOf(decl: FunctionComponent, binding: ts.BindingElement): ts.Identifier[] {
  return referencesInScope(decl.fn, (binding.name as ts.Identifier).text).filter((id) => id !== binding.name);
}

function removeAttributes(sites: Map<string, ts.JsxAttribute[]>, options: ConstantPropsOptions): void {
  for (const [file, attrs] of sites) {
    const text = options.sources.text(file) as string;
    options.sources.set(file, applyEdits(text, attrs.map((a) => ({ start: a.pos, end: a.end, parts: [''] })), { constants: [], touched: [] }).text);
  }
}

function jsxElements(sf: ts.SourceFile): Array<ts.JsxOpeningElement | ts.JsxSelfClosingElement> {
  const out: Array<ts.JsxOpeningElement | ts.JsxSelfClosingElement> = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isJsxOpeningElement(n) || ts.isJsxSelfClosingElement(n)) && ts.isIdentifier(n.tagName) && /^[A-Z]/.test(n.tagName.text)) out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** `on`, `on={true}`, `variant="compact"`: the literal a JSX attribute sets, or undefined. */
function attributeValue(attr: ts.JsxAttribute): FlagValue | undefined {
  const init = attr.initializer;
  if (!init) return true;
  if (ts.isStringLiteral(init)) return init.text;
  if (!ts.isJsxExpression(init) || !init.expression) return undefined;
  let e = init.expression;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  const v = literalValue(e);
  return v === null ? undefined : v;
}

function constantProps(sf: ts.SourceFile): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const el of jsxElements(sf)) {
    for (const attr of el.attributes.properties) {
      if (!ts.isJsxAttribute(attr) || !ts.isIdentifier(attr.name)) continue;
      const value = attributeValue(attr);
      const id = `${(el.tagName as ts.Identifier).text}\0${attr.name.text}`;
      if (value === undefined || seen.has(id)) continue;
      seen.add(id);
      out.push({ tag: (el.tagName as ts.Identifier).text, prop: attr.name.text, value });
    }
  }
  return out;
}

/** Tag and prop pairs set to something other than a literal somewhere in the file. */
function variableProps(sf: ts.SourceFile): Set<string> {
  const out = new Set<string>();
  for (const el of jsxElements(sf)) {
    for (const attr of el.attributes.properties) {
      if (ts.isJsxAttribute(attr) && ts.isIdentifier(attr.name) && attributeValue(attr) === undefined) out.add(`${(el.tagName as ts.Identifier).text}\0${attr.name.text}`);
    }
  }
  return out;
}

interface Component {
  file: string;
  name: string;
  exported: boolean;
}

/** The component a tag of `file` names: declared there, or imported by name from a project module. */
function componentBehind(sf: ts.SourceFile, file: string, tag: string, options: ConstantPropsOptions): Component | undefined {
  for (const s of sf.statements) {
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && s.importClause && !s.importClause.isTypeOnly) {
      const named = s.importClause.namedBindings;
      const spec = named && ts.isNamedImports(named) ? named.elements.find((e) => e.name.text === tag) : undefined;
      if (s.importClause.name?.text === tag) return undefined;
      if (!spec) continue;
      if (spec.propertyName || spec.isTypeOnly) return undefined;
      const target = options.resolveModule(s.moduleSpecifier.text, file);
      const text = target ? options.sources.text(target) : undefined;
      if (!target || typeof text !== 'string') return undefined;
      const decl = componentNamed(parse(target, text), tag);
      return decl?.exported ? { file: target, name: tag, exported: true } : undefined;
    }
  }
  const local = componentNamed(sf, tag);
  return local ? { file, name: tag, exported: local.exported } : undefined;
}

/**
 * Every use site of the component with its attribute `prop` (when passed), or null when one of
 * them is not a JSX tag whose attribute `accept`s.
 */
function useSites(component: Component, prop: string, accept: (attr: ts.JsxAttribute | undefined) => boolean, options: ConstantPropsOptions): Map<string, ts.JsxAttribute[]> | null {
  const { sources } = options;
  const out = new Map<string, ts.JsxAttribute[]>();
  let uses = 0;
  for (const file of sources.filesMentioning(component.name, 'current')) {
    const text = sources.text(file);
    if (typeof text !== 'string') return null;
    const sf = parse(file, text);
    const attrs: ts.JsxAttribute[] = [];
    for (const id of identifiersNamed(sf, component.name)) {
      const p = id.parent;
      if (file === component.file && isDeclarationName(id)) continue;
      if (ts.isJsxClosingElement(p)) continue;
      if ((ts.isJsxOpeningElement(p) || ts.isJsxSelfClosingElement(p)) && p.tagName === id) {
        if (p.typeArguments || p.attributes.properties.some(ts.isJsxSpreadAttribute)) return null;
        const attr = p.attributes.properties.find((a): a is ts.JsxAttribute => ts.isJsxAttribute(a) && ts.isIdentifier(a.name) && a.name.text === prop);
        if (!accept(attr)) return null;
        if (attr) attrs.push(attr);
        uses++;
        continue;
      }
      if (file !== component.file && ts.isImportSpecifier(p) && !p.propertyName && !p.isTypeOnly) {
        const decl = p.parent.parent.parent;
        if (!ts.isImportDeclaration(decl) || !ts.isStringLiteral(decl.moduleSpecifier) || options.resolveModule(decl.moduleSpecifier.text, file) !== component.file) return null;
        continue;
      }
      // A value use (passed on, re-exported, a property of the same name): props unknown there.
      if (ts.isPropertyAccessExpression(p) && p.name === id) continue;
      if ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || ts.isJsxAttribute(p)) && p.name === id) continue;
      return null;
    }
    // Only files that change: a use that does not pass the prop leaves its file as it is.
    if (attrs.length > 0) out.set(file, attrs);
  }
  return uses > 0 ? out : null;
}

function inlineProp(component: Component, c: Candidate, options: ConstantPropsOptions): string[] {
  const { sources } = options;
  if (component.exported && options.entries.isEntry(component.file)) return [];
  const ownText = sources.text(component.file) as string;
  const own = parse(component.file, ownText);
  const decl = componentNamed(own, component.name);
  const binding = decl && propBinding(decl, c.prop);
  if (!decl || !binding) return [];
  const member = propsMember(own, decl, c.prop, options);
  if (member === null) return [];
  const sites = useSites(component, c.prop, (attr) => attr !== undefined && attributeValue(attr) === c.value, options);
  if (!sites) return [];
  // The uses lose the attribute first; the component is then rewritten on that text.
  removeAttributes(sites, options);
  const text = sources.text(component.file) as string;
  const sf = parse(component.file, text);
  const d = componentNamed(sf, component.name)!;
  const b = propBinding(d, c.prop)!;
  const m = propsMember(sf, d, c.prop, options);
  const quote = preferredQuote(text);
  const evaluations: Array<{ start: number; end: number; value?: FlagValue; text?: string }> = [];
  for (const id of readsOf(d, b)) {
    if (ts.isShorthandPropertyAssignment(id.parent)) evaluations.push({ start: id.getStart(sf), end: id.getEnd(), text: `${id.text}: ${valueText(c.value, quote)}` });
    else evaluations.push({ start: id.getStart(sf), end: id.getEnd(), value: c.value });
  }
  const pattern = removeListMember(text, b);
  evaluations.push({ start: pattern.start, end: pattern.end, text: '' });
  if (m) evaluations.push({ ...memberRange(text, m), text: '' });
  sources.set(component.file, foldEvaluations({ fileName: component.file, text, evaluations }).text);
  return [...new Set([...sites.keys(), component.file])];
}

/** The element of the first parameter's pattern that binds `prop` to a plain name. */
function propBinding(decl: FunctionComponent, prop: string): ts.BindingElement | undefined {
  const param = decl.fn.parameters[0];
  if (!param || decl.fn.parameters.length > 2 || !ts.isObjectBindingPattern(param.name)) return undefined;
  if (param.name.elements.some((e) => e.dotDotDotToken)) return undefined;
  const el = param.name.elements.find((e) => {
    const key = e.propertyName ?? e.name;
    return (ts.isIdentifier(key) || ts.isStringLiteral(key)) && key.text === prop;
  });
  if (!el || !ts.isIdentifier(el.name)) return undefined;
  // A prop the component reassigns is state of its own.
  const writes = referencesInScope(decl.fn, el.name.text).filter((id) => {
    const p = id.parent;
    return (ts.isBinaryExpression(p) && p.left === id && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment) || ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken));
  });
  return writes.length === 0 ? el : undefined;
}

/**
 * The props type member to delete with the prop: on the parameter's own type literal, or on an
 * interface / type literal alias of this module that only this component names. Undefined when
 * there is none to delete and the prop is optional anyway (or untyped); null when a required
 * member would have to stay (the uses could no longer leave the prop out).
 */
function propsMember(sf: ts.SourceFile, decl: FunctionComponent, prop: string, options: ConstantPropsOptions): ts.TypeElement | undefined | null {
  const t = decl.propsType;
  if (!t) return undefined;
  let members: ts.NodeArray<ts.TypeElement> | undefined;
  if (ts.isTypeLiteralNode(t)) members = t.members;
  else if (ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) && !t.typeArguments) {
    const name = t.typeName.text;
    const declared = sf.statements.find((s): s is ts.InterfaceDeclaration | ts.TypeAliasDeclaration => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name.text === name);
    const uses = [...options.sources.filesMentioning(name, 'current')].reduce((n, f) => n + identifiersNamed(f === sf.fileName ? sf : parse(f, options.sources.text(f) as string), name).length, 0);
    if (declared && uses === 2 && !declared.typeParameters) {
      if (ts.isInterfaceDeclaration(declared) && !declared.heritageClauses) members = declared.members;
      else if (ts.isTypeAliasDeclaration(declared) && ts.isTypeLiteralNode(declared.type)) members = declared.type.members;
    }
  }
  const member = members?.find((m) => ts.isPropertySignature(m) && m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) && m.name.text === prop);
  if (member) return member;
  if (members) return null; // the type is ours but does not list the prop: something else is going on
  // A type we cannot edit: leaving the prop out is fine only if it is optional, which we cannot see.
  return null;
}

/**
 * A props type member with its line, or on a one-line type its separator: the last member of
 * `{ user: string; showSearch: boolean }` takes the `;` before it, as a formatter would print it.
 */
function memberRange(text: string, member: ts.TypeElement): { start: number; end: number } {
  const r = expandToLines(text, attachedCommentStart(text, member), member.getEnd());
  const members = (member.parent as ts.TypeLiteralNode | ts.InterfaceDeclaration).members;
  const i = members.indexOf(member);
  const own = !text.slice(r.start, r.end).includes('\n');
  if (own && i === members.length - 1 && i > 0) {
    const previous = members[i - 1];
    const separator = /[;,]$/.test(text.slice(previous.getStart(), previous.getEnd())) ? previous.getEnd() - 1 : previous.getEnd();
    return { start: separator, end: member.getEnd() };
  }
  return r;
}
