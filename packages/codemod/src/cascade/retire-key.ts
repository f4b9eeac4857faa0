import ts from '../ts-morph-ts.cjs';
import type { CodeRegistryRef } from '@flagdebt/core';
import { attachedCommentStart, expandToLines } from '../edit/layout.js';
import { applyEdits, type Edit } from '../edit/text-edits.js';
import { parse } from '../fold/fold-engine.js';
import type { SourceSet } from '../removal/source-set.js';
import { removeListMember } from './key-declarations.js';
import { readRegistryExport, type RegistryExport, type RegistryMember } from './registry-export.js';

type Resolve = (specifier: string, fromFile: string) => string | null | undefined;

/** What the code registry says about the keys: every key, and how code names each one. */
interface Registry {
  /** Every key of every export (to recognise lists of flags). */
  keys: Set<string>;
  /** Export names (`FeatureFlag`), for `FeatureFlag.NewSearch`. */
  exports: Set<string>;
  /** alias (`NewSearch`) -> key (`new-search`). */
  aliases: Map<string, string>;
  /** The members that declare the keys being retired. */
  members: Array<RegistryMember & { file: string }>;
  /** The modules that declare the exports (behind any barrel). */
  files: Set<string>;
}

/**
 * Retires keys from a registry that lives in code (`registry.code`): the export's member goes
 * (the export is the authority, whether or not this run removed reads), and so does every
 * declaration that mirrors the key by name in the registry's modules and the modules importing
 * them: properties of objects and members of interfaces that list the flags (defaults, dev
 * overrides, schemas like `z.object({ newNav: z.boolean() })`), elements of key lists and
 * `switch` cases on the key. Objects typed by the registry elsewhere are settled by the
 * type-check (removal/settle.ts); the gate undoes all of it together when that does not settle.
 */
export function retireFromCodeRegistry(refs: CodeRegistryRef[], sources: SourceSet, keys: Set<string>, resolve: Resolve): number {
  if (refs.length === 0 || keys.size === 0) return 0;
  const registry = readRegistry(refs, sources, keys, resolve);
  const byFile = new Map<string, Edit[]>();
  const add = (file: string, edit: Edit | null): void => {
    if (edit) byFile.set(file, [...(byFile.get(file) ?? []), edit]);
  };
  for (const m of registry.members) {
    const text = sources.text(m.file);
    if (typeof text === 'string') add(m.file, memberDeletion(text, m.node));
  }
  const registryFiles = new Set([...refs.map((r) => r.file), ...registry.files]);
  for (const file of [...registryFiles, ...importersOf(sources, registryFiles, resolve)]) {
    const text = sources.text(file);
    if (typeof text !== 'string') continue;
    if (![...keys].some((k) => text.includes(k)) && ![...registry.aliases].some(([a, k]) => keys.has(k) && text.includes(a))) continue;
    // No type-check guards a JavaScript file: a mirror there goes only when nothing reads `.key` any more.
    const unchecked = /\.[cm]?jsx?$/.test(file);
    const retiredHere = unchecked ? new Set([...keys].filter((k) => !propertyReadAnywhere(sources, k))) : keys;
    for (const e of mirrorDeletions(parse(file, text), text, registry, retiredHere)) add(file, e);
  }
  let deleted = 0;
  for (const [file, edits] of byFile) {
    const text = sources.text(file);
    if (typeof text !== 'string') continue;
    const unique = withoutOverlaps(edits);
    sources.set(file, applyEdits(text, unique, { constants: [], touched: [] }).text);
    deleted += unique.length;
  }
  return deleted;
}

function readRegistry(refs: CodeRegistryRef[], sources: SourceSet, retired: Set<string>, resolve: Resolve): Registry {
  const registry: Registry = { keys: new Set(), exports: new Set(), aliases: new Map(), members: [], files: new Set() };
  for (const ref of refs) {
    const found = declaringModule(sources, ref.file, ref.exportName, resolve, 0);
    if (!found) continue;
    registry.files.add(found.file);
    registry.exports.add(ref.exportName);
    registry.exports.add(found.exp.name);
    for (const m of found.exp.members) {
      registry.keys.add(m.key);
      if (m.alias !== undefined) registry.aliases.set(m.alias, m.key);
      if (retired.has(m.key)) registry.members.push({ ...m, file: found.file });
    }
  }
  return registry;
}

const MAX_REEXPORTS = 5;

/** The module that declares the export, behind barrels (`export { FlagKey } from './keys'`, `export *`). */
function declaringModule(sources: SourceSet, file: string, name: string, resolve: Resolve, depth: number): { file: string; exp: RegistryExport } | null {
  const text = sources.text(file);
  if (typeof text !== 'string' || depth > MAX_REEXPORTS) return null;
  const sf = parse(file, text);
  const exp = readRegistryExport(sf, name);
  if (exp) return { file, exp };
  for (const s of sf.statements) {
    if (!ts.isExportDeclaration(s) || !s.moduleSpecifier || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    let inner: string | undefined;
    if (!s.exportClause) inner = name;
    else if (ts.isNamedExports(s.exportClause)) {
      const spec = s.exportClause.elements.find((e) => e.name.text === name);
      inner = spec ? (spec.propertyName ?? spec.name).text : undefined;
    }
    if (inner === undefined) continue;
    const target = resolve(s.moduleSpecifier.text, file);
    const found = target ? declaringModule(sources, target, inner, resolve, depth + 1) : null;
    if (found) return found;
  }
  return null;
}

/** The declaring member, with its separator (`| 'x'`, `X = 'x',`, `x?: boolean;`). */
function memberDeletion(text: string, node: ts.Node): Edit | null {
  if (ts.isLiteralTypeNode(node) && ts.isUnionTypeNode(node.parent)) {
    const union = node.parent;
    // The union's only member cannot go: the type would be empty; the gate decides about the rest.
    if (union.types.length < 2) return null;
    const i = union.types.indexOf(node);
    if (i > 0) return { start: union.types[i - 1].getEnd(), end: node.getEnd(), parts: [''] };
    return { start: node.getStart(), end: union.types[1].getStart(), parts: [''] };
  }
  if (ts.isPropertySignature(node)) return lineOf(text, node);
  if (ts.isEnumMember(node) || ts.isPropertyAssignment(node) || ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return removeListMember(text, node);
  return null;
}

function lineOf(text: string, node: ts.Node): Edit {
  const r = expandToLines(text, attachedCommentStart(text, node), node.getEnd());
  return { start: r.start, end: r.end, parts: [''] };
}

/** The key a property name, array element or case label stands for, if it names a registry key. */
function keyOf(node: ts.Node, registry: Registry): string | undefined {
  if (ts.isComputedPropertyName(node)) return keyOf(node.expression, registry);
  if (ts.isIdentifier(node) || ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return registry.keys.has(node.text) ? node.text : undefined;
  }
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && registry.exports.has(node.expression.text)) {
    return registry.aliases.get(node.name.text);
  }
  return undefined;
}

/**
 * A list of flags rather than a type or object that happens to have a member of that name: the
 * other members are mostly registry keys too (at least one, and at least half of them).
 */
function listsFlags(names: Array<ts.Node | undefined>, at: number, registry: Registry): boolean {
  const others = names.filter((_, i) => i !== at);
  const keyed = others.filter((n) => n !== undefined && keyOf(n, registry) !== undefined).length;
  return keyed >= 1 && keyed * 2 >= others.length;
}

function mirrorDeletions(sf: ts.SourceFile, text: string, registry: Registry, retired: Set<string>): Edit[] {
  const edits: Edit[] = [];
  const retiredAt = (n: ts.Node | undefined): boolean => {
    const k = n && keyOf(n, registry);
    return k !== undefined && retired.has(k);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isObjectLiteralExpression(n)) {
      const names = n.properties.map((p) => (ts.isShorthandPropertyAssignment(p) ? p.name : p.name));
      n.properties.forEach((p, i) => {
        if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p)) && retiredAt(p.name) && listsFlags(names, i, registry)) edits.push(removeListMember(text, p));
      });
    } else if (ts.isInterfaceDeclaration(n) || ts.isTypeLiteralNode(n)) {
      const names = n.members.map((m) => m.name);
      n.members.forEach((m, i) => {
        if (ts.isPropertySignature(m) && retiredAt(m.name) && listsFlags(names, i, registry)) edits.push(lineOf(text, m));
      });
    } else if (ts.isArrayLiteralExpression(n)) {
      const elements = [...n.elements];
      elements.forEach((e, i) => {
        if (retiredAt(e) && listsFlags(elements, i, registry)) edits.push(removeListMember(text, e));
      });
    } else if (ts.isCaseBlock(n)) {
      edits.push(...caseDeletions(sf, text, n, retiredAt));
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return edits;
}

/**
 * `case 'newNav':` goes. Its body goes too when only this label reaches it; when an earlier
 * label falls through into it, the body stays with that label. The only clause of a switch stays.
 */
function caseDeletions(sf: ts.SourceFile, text: string, block: ts.CaseBlock, retiredAt: (n: ts.Node) => boolean): Edit[] {
  const edits: Edit[] = [];
  const clauses = block.clauses;
  if (clauses.length < 2) return edits;
  clauses.forEach((c, i) => {
    if (!ts.isCaseClause(c) || !retiredAt(c.expression)) return;
    const fallsInto = i > 0 && clauses[i - 1].statements.length === 0 && !isRetiredCase(clauses[i - 1], retiredAt);
    if (c.statements.length === 0 || !fallsInto) {
      // An empty label falls through to the next clause: deleting it changes nothing else.
      const r = expandToLines(text, attachedCommentStart(text, c), c.getEnd());
      edits.push({ start: r.start, end: r.end, parts: [''] });
    } else {
      // Only the label: the body stays with the label that falls into it.
      const r = expandToLines(text, attachedCommentStart(text, c), text.lastIndexOf(':', c.statements[0].getStart(sf)) + 1);
      edits.push({ start: r.start, end: r.end, parts: [''] });
    }
  });
  return edits;
}

function isRetiredCase(c: ts.CaseOrDefaultClause, retiredAt: (n: ts.Node) => boolean): boolean {
  return ts.isCaseClause(c) && retiredAt(c.expression);
}

/** `x.key`, `x?.key` or `x['key']` in any file of the project (after this run's edits). */
function propertyReadAnywhere(sources: SourceSet, key: string): boolean {
  const name = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`\\.\\s*${name}(?![\\w$])|\\[\\s*['"\`]${name}['"\`]\\s*\\]`);
  return sources.files().some((f) => {
    const t = sources.text(f);
    return typeof t === 'string' && t.includes(key) && re.test(t);
  });
}

/** Files importing one of the registry modules (static imports, re-exports, `import()`). */
function importersOf(sources: SourceSet, targets: Set<string>, resolve: Resolve): string[] {
  const stems = [...targets].map((t) => t.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''));
  const out: string[] = [];
  for (const file of sources.files()) {
    if (targets.has(file)) continue;
    const text = sources.text(file);
    if (typeof text !== 'string' || !stems.some((s) => s === 'index' || text.includes(s))) continue;
    for (const imp of ts.preProcessFile(text, true, true).importedFiles) {
      const target = resolve(imp.fileName, file);
      if (target && targets.has(target)) {
        out.push(file);
        break;
      }
    }
  }
  return out;
}

/** Two rules may pick the same member (a listing interface that is also the registry). */
function withoutOverlaps(edits: Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Edit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) continue;
    out.push(e);
  }
  return out;
}
