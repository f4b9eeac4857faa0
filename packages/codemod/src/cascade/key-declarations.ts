import ts from '../ts-morph-ts.cjs';
import type { FlagProject, KeyDeclaration } from '@flagdebt/core';
import { attachedCommentStart, expandToLines, withoutNewTrailingBlankLines } from '../edit/layout.js';
import { applyEdits, type Edit } from '../edit/text-edits.js';
import { parse } from '../fold/fold-engine.js';
import type { SourceSet } from '../removal/source-set.js';

/**
 * Enum members, `as const` properties and union members that declare a removed key. An enum
 * member or property goes once its last use (`Flags.NewCheckout`) was removed by this run; a
 * union member goes when this run removed reads of the key (never the union's only member).
 */
export function deleteKeyDeclarations(project: FlagProject, sources: SourceSet, removedKeys: Set<string>): number {
  let deleted = 0;
  const fromUnions: UnionDeletion[] = [];
  // Union members last: whether one may go depends on the enum members and properties that
  // still spell the key out.
  for (const phase of ['named', 'union'] as const) {
    for (const key of removedKeys) deleted += deleteIn(project, sources, key, phase, fromUnions);
  }
  for (const u of fromUnions) deleted += deleteListingMembers(sources, u);
  return deleted;
}

interface UnionDeletion {
  key: string;
  /** The other string members of the union the key left. */
  members: Set<string>;
}

/**
 * An interface or type literal that lists the union's keys as properties (`interface UiFlags {
 * newNav?: boolean; other?: boolean }`) loses the removed key's member too, once nothing reads
 * `.newNav` any more. Objects typed by the union are settled by the type-check (see remove-flags).
 */
function deleteListingMembers(sources: SourceSet, u: UnionDeletion): number {
  if (usesOf(sources, u.key, 'current') > 0) return 0;
  let deleted = 0;
  for (const file of sources.files()) {
    const text = sources.text(file);
    if (typeof text !== 'string' || !text.includes(u.key)) continue;
    const sf = parse(file, text);
    const edits: Edit[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isInterfaceDeclaration(n) || ts.isTypeLiteralNode(n)) {
        const names = n.members.map((m) => (m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : null));
        const listed = names.filter((x) => x !== null && x !== u.key && u.members.has(x)).length;
        const i = names.indexOf(u.key);
        // A list of flags, not a type that happens to have a member of that name.
        if (i >= 0 && ts.isPropertySignature(n.members[i]) && listed >= 2 && listed * 2 >= names.length - 1) {
          const r = expandToLines(text, attachedCommentStart(text, n.members[i]), n.members[i].getEnd());
          edits.push({ start: r.start, end: r.end, parts: [''] });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
    if (edits.length === 0) continue;
    sources.set(file, applyEdits(text, edits, { constants: [], touched: [] }).text);
    deleted += edits.length;
  }
  return deleted;
}

function unionOf(sf: ts.SourceFile, decl: KeyDeclaration): ts.UnionTypeNode | null {
  const node = nodeAt(sf, decl.span.start, decl.span.end);
  const member = node && (ts.isLiteralTypeNode(node) ? node : node.parent);
  return member && ts.isUnionTypeNode(member.parent) ? member.parent : null;
}

function literalMembers(union: ts.UnionTypeNode): Set<string> {
  const out = new Set<string>();
  for (const t of union.types) if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) out.add(t.literal.text);
  return out;
}

function deleteIn(project: FlagProject, sources: SourceSet, key: string, phase: 'named' | 'union', deletedFrom: UnionDeletion[]): number {
  let deleted = 0;
  for (const file of sources.files()) {
    const text = sources.text(file);
    if (typeof text !== 'string' || !text.includes(key)) continue;
    const decls = project
      .declarationsIn(file, text)
      .filter((d) => d.key === key && (d.declKind === 'union-member') === (phase === 'union'));
    if (decls.length === 0) continue;
    const sf = parse(file, text);
    const edits = decls.map((d) => deletion(sf, text, d, sources)).filter((e): e is Edit => e !== null);
    if (phase === 'union') {
      for (const d of decls) {
        const union = unionOf(sf, d);
        if (union && edits.some((e) => e.start >= union.pos && e.end <= union.end)) deletedFrom.push({ key, members: literalMembers(union) });
      }
    }
    if (edits.length === 0) continue;
    sources.set(file, withoutNewTrailingBlankLines(text, applyEdits(text, edits, { constants: [], touched: [] }).text));
    deleted += edits.length;
  }
  return deleted;
}

function deletion(sf: ts.SourceFile, text: string, decl: KeyDeclaration, sources: SourceSet): Edit | null {
  const node = nodeAt(sf, decl.span.start, decl.span.end);
  if (!node) return null;
  if (decl.declKind === 'union-member') {
    const member = ts.isLiteralTypeNode(node) ? node : node.parent;
    const union = member.parent;
    if (!ts.isUnionTypeNode(union) || union.types.length < 2) return null;
    // Code that still passes the literal (`trackExposure('new-checkout', ...)`) needs the member.
    if (quotedUses(sources, decl.key) > 1) return null;
    const i = union.types.indexOf(member as ts.TypeNode);
    if (i > 0) return { start: union.types[i - 1].getEnd(), end: member.getEnd(), parts: [''] };
    return { start: member.getStart(sf), end: union.types[1].getStart(sf), parts: [''] };
  }
  if (decl.declKind !== 'enum-member' && decl.declKind !== 'const-object-property') return null;
  let member: ts.Node | undefined = node;
  while (member && !ts.isEnumMember(member) && !ts.isPropertyAssignment(member)) member = member.parent;
  if (!member || !member.name || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) return null;
  const name = member.name.text;
  if (ts.isEnumMember(member)) return enumMemberDeletion(sf, text, member, name, sources);
  if (usesOf(sources, name, 'current') > 0 || usesOf(sources, name, 'original') === 0) return null;
  return removeListMember(text, member);
}

/**
 * An enum member goes once its last use (`Flags.NewCheckout`, counted by the enum's name:
 * every experiment enum of a project may call its member `experiment`) was removed by this run.
 * The enum's only member takes the enum with it (`export enum CacheDebugConfig { experiment = 'k' }`)
 * once nothing names the enum any more; while something does (a type annotation), the member stays.
 */
function enumMemberDeletion(sf: ts.SourceFile, text: string, member: ts.EnumMember, name: string, sources: SourceSet): Edit | null {
  const decl = member.parent;
  const owner = decl.name.text;
  if (qualifiedUses(sources, owner, name, 'current') > 0 || qualifiedUses(sources, owner, name, 'original') === 0) return null;
  // Imported under another name (`import { Flags as F }`), its uses spell no `Flags.`: then every `.name` counts.
  if (usesOf(sources, name, 'current') > 0 && aliasedAnywhere(sources, owner)) return null;
  if (decl.members.length > 1) return removeListMember(text, member);
  if (mentionsOf(sources, owner) > 1) return null;
  const r = expandToLines(text, attachedCommentStart(text, decl), decl.getEnd());
  return { start: r.start, end: r.end, parts: [''] };
}

/** `Owner.name`, `Owner?.name` or `Owner['name']` in the project, also behind a namespace. */
function qualifiedUses(sources: SourceSet, owner: string, name: string, version: 'original' | 'current'): number {
  const o = escaped(owner);
  const n = escaped(name);
  // Through a namespace too (`groups.Flags.NewCheckout`).
  return countMatches(sources, owner, new RegExp(`(?<![\\w$])${o}\\s*(?:\\?\\.|\\.)\\s*${n}(?![\\w$])|(?<![\\w$])${o}\\s*\\[\\s*['"\`]${n}['"\`]\\s*\\]`, 'g'), version);
}

function aliasedAnywhere(sources: SourceSet, name: string): boolean {
  return countMatches(sources, name, new RegExp(`(?<![\\w$])${escaped(name)}\\s+as\\s+[\\w$]`, 'g'), 'current') > 0;
}

/** Whole-word occurrences of a name in the project's current texts (its declaration included). */
function mentionsOf(sources: SourceSet, name: string): number {
  return countMatches(sources, name, new RegExp(`(?<![\\w$])${escaped(name)}(?![\\w$])`, 'g'), 'current');
}

function quotedUses(sources: SourceSet, key: string): number {
  let n = 0;
  for (const file of sources.files()) {
    const text = sources.text(file);
    if (typeof text !== 'string' || !text.includes(key)) continue;
    for (const q of ["'", '"', '`']) n += text.split(`${q}${key}${q}`).length - 1;
  }
  return n;
}

/**
 * `X.Name` or `X['Name']` anywhere in the project; an environment variable of that name
 * (`process.env.NAME`, `import.meta.env.NAME`, as e2e suites set them) is no use of a member.
 */
export function usesOf(sources: SourceSet, name: string, version: 'original' | 'current'): number {
  const env = '(?<!process\\.env|import\\.meta\\.env)';
  return countMatches(sources, name, new RegExp(`${env}(\\?\\.|\\.)\\s*${escaped(name)}(?![\\w$])|${env}\\[\\s*['"\`]${escaped(name)}['"\`]\\s*\\]`, 'g'), version);
}

/** Matches of a global `re` in the texts (current or original) of the files that mention `name`. */
function countMatches(sources: SourceSet, name: string, re: RegExp, version: 'original' | 'current'): number {
  let n = 0;
  for (const file of sources.filesMentioning(name, version)) {
    const text = version === 'current' ? sources.text(file) : sources.originalText(file);
    if (typeof text === 'string') n += (text.match(re) ?? []).length;
  }
  return n;
}

const escaped = (name: string): string => name.replace(/[$]/g, '\\$');

/** Deletes a member of a comma-separated list (enum, object literal) with its comma and line. */
export function removeListMember(text: string, member: ts.Node): Edit {
  const after = /^\s*,/.exec(text.slice(member.getEnd()));
  if (after) {
    const r = expandToLines(text, attachedCommentStart(text, member), member.getEnd() + after[0].length);
    return { start: r.start, end: r.end, parts: [''] };
  }
  const before = /,\s*$/.exec(text.slice(0, member.getStart()));
  const start = before ? member.getStart() - before[0].length : member.getStart();
  return { start, end: member.getEnd(), parts: [''] };
}

function nodeAt(sf: ts.SourceFile, start: number, end: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (found || n.getEnd() < start || n.pos > start) return;
    if (n.getStart(sf) === start && n.getEnd() === end) {
      found = n;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}
