import ts from '../ts-morph-ts.cjs';
import { applyEdits, type Edit } from '../edit/text-edits.js';
import { parse } from '../fold/fold-engine.js';
import { identifiersNamed, isDeclarationName } from '../fold/scope.js';
import { componentNamed, componentOf } from './function-components.js';
import type { SourceSet } from '../removal/source-set.js';

export interface ForwardingOptions {
  sources: SourceSet;
  /** Files the fold rewrote: only components this run turned into forwarders are looked at. */
  folded: Iterable<string>;
  resolveModule(specifier: string, fromFile: string): string | null;
}

interface Forwarder {
  file: string;
  name: string;
  target: string;
}

/**
 * A component the fold left forwarding its props unchanged,
 * `const MenuSwitch = (props: MenuProps) => { return <NewMenu {...props} />; }` (it picked
 * `<NewMenu>` or `<OldMenu>` by the flag), is replaced by its target at every use site
 * (`<MenuSwitch a={1} />` becomes `<NewMenu a={1} />`, and the import follows); the cascade then
 * deletes the unused forwarder. Conservative, so the type-check cannot change:
 *
 * - the body is only that one element: no hooks, no state, no other prop;
 * - the target is declared in the forwarder's module with the same props type (the text of the
 *   first parameter's type annotation is the same), and exported when another module uses it;
 * - every use of the forwarder is a JSX tag or a plain named import (`import { MenuSwitch }`):
 *   a forwarder passed as a value, re-exported, renamed on import or given type arguments stays;
 * - a using module that already has something named like the target is left alone (and so the
 *   forwarder stays).
 *
 * `const Gate = ({ children }) => <>{children}</>` is not inlined (its children would have to
 * be spliced into each use site); the cascade deletes such a wrapper once nothing uses it.
 */
export function inlineForwardingComponents(options: ForwardingOptions): string[] {
  const { sources } = options;
  const changed = new Set<string>();
  for (const file of options.folded) {
    const text = sources.text(file);
    const original = sources.originalText(file);
    if (typeof text !== 'string' || original === undefined || !/\.[jt]sx$/.test(file)) continue;
    const sf = parse(file, text);
    const before = parse(file, original);
    for (const fw of forwardersIn(sf, file)) {
      // Only what this run made a forwarder: it was something else before.
      const was = componentNamed(before, fw.name);
      const now = componentNamed(sf, fw.name);
      if (!was || !now || was.statement.getText(before) === now.statement.getText(sf)) continue;
      const edits = useSiteEdits(fw, options);
      if (!edits) continue;
      for (const [f, list] of edits) {
        const t = sources.text(f) as string;
        sources.set(f, applyEdits(t, list, { constants: [], touched: [] }).text);
        changed.add(f);
      }
    }
  }
  return [...changed];
}

/** Top-level components of `sf` whose whole body is `<Target {...props} />`. */
function forwardersIn(sf: ts.SourceFile, file: string): Forwarder[] {
  const out: Forwarder[] = [];
  for (const s of sf.statements) {
    const c = componentOf(s);
    if (!c) continue;
    const param = c.fn.parameters.length === 1 ? c.fn.parameters[0] : undefined;
    if (!param || !ts.isIdentifier(param.name) || !param.type || param.dotDotDotToken) continue;
    const el = soleReturnedElement(c.fn);
    if (!el || !ts.isIdentifier(el.tagName) || el.typeArguments) continue;
    const attrs = el.attributes.properties;
    if (attrs.length !== 1 || !ts.isJsxSpreadAttribute(attrs[0]) || !ts.isIdentifier(attrs[0].expression) || attrs[0].expression.text !== param.name.text) continue;
    const target = el.tagName.text;
    if (target === c.name) continue;
    // Same props: the target is a component of this module whose first parameter has the same type.
    const tc = componentNamed(sf, target);
    const tParam = tc?.fn.parameters[0];
    if (!tc || !tParam?.type || tParam.type.getText(sf) !== param.type.getText(sf)) continue;
    out.push({ file, name: c.name, target });
  }
  return out;
}

function soleReturnedElement(fn: ts.FunctionLikeDeclaration): ts.JsxSelfClosingElement | undefined {
  let e: ts.Node | undefined = fn.body;
  if (e && ts.isBlock(e)) e = e.statements.length === 1 && ts.isReturnStatement(e.statements[0]) ? e.statements[0].expression : undefined;
  while (e && ts.isParenthesizedExpression(e)) e = e.expression;
  return e && ts.isJsxSelfClosingElement(e) ? e : undefined;
}

/** The edits that make every use of `fw` a use of its target, per file; null when one use cannot be rewritten. */
function useSiteEdits(fw: Forwarder, options: ForwardingOptions): Map<string, Edit[]> | null {
  const { sources } = options;
  const out = new Map<string, Edit[]>();
  const ownText = sources.text(fw.file) as string;
  const own = parse(fw.file, ownText);
  const targetExported = componentNamed(own, fw.target)!.exported;
  let uses = 0;
  for (const file of sources.filesMentioning(fw.name, 'current')) {
    const text = sources.text(file) as string;
    const sf = file === fw.file ? own : parse(file, text);
    const edits: Edit[] = [];
    for (const id of identifiersNamed(sf, fw.name)) {
      const p = id.parent;
      if (file === fw.file && isDeclarationName(id)) continue;
      if ((ts.isJsxOpeningElement(p) || ts.isJsxSelfClosingElement(p) || ts.isJsxClosingElement(p)) && p.tagName === id && !('typeArguments' in p && p.typeArguments)) {
        edits.push({ start: id.getStart(sf), end: id.getEnd(), parts: [fw.target] });
        uses++;
        continue;
      }
      if (file !== fw.file && ts.isImportSpecifier(p) && !p.propertyName && !p.isTypeOnly && targetExported) {
        const decl: ts.Node = p.parent.parent.parent;
        if (!ts.isImportDeclaration(decl) || decl.importClause?.isTypeOnly || !ts.isStringLiteral(decl.moduleSpecifier) || options.resolveModule(decl.moduleSpecifier.text, file) !== fw.file) return null;
        // The target's name must be free in the using module (or already imported from the same place).
        const already = p.parent.elements.some((e) => e.name.text === fw.target && !e.propertyName);
        if (!already && identifiersNamed(sf, fw.target).length > 0) return null;
        edits.push(already ? removeSpecifier(text, p) : { start: id.getStart(sf), end: id.getEnd(), parts: [fw.target] });
        continue;
      }
      return null;
    }
    if (edits.length > 0) out.set(file, edits);
  }
  return uses > 0 ? out : null;
}

function removeSpecifier(text: string, spec: ts.ImportSpecifier): Edit {
  const after = /^\s*,\s*/.exec(text.slice(spec.getEnd()));
  if (after) return { start: spec.getStart(), end: spec.getEnd() + after[0].length, parts: [''] };
  const before = /,\s*$/.exec(text.slice(0, spec.getStart()));
  return { start: before ? spec.getStart() - before[0].length : spec.getStart(), end: spec.getEnd(), parts: [''] };
}

