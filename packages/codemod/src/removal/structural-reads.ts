import ts from '../ts-morph-ts.cjs';
import { isCallAccessor, type FlagRead, type FlagValue, type Span } from '@flagdebt/core';
import { removeListMember } from '../cascade/key-declarations.js';
import { indentAt } from '../edit/layout.js';
import { isPure } from '../fold/fold-context.js';
import { expressionAt } from './read-shapes.js';

/**
 * Reads that are not an expression with the flag's value, folded by rewriting the structure
 * around them instead:
 * - a JSX gate (`<FeatureGate flag="x" fallback={<Old />}>…</FeatureGate>`) becomes what it
 *   renders: ON the children (a fragment when several), OFF the fallback or nothing;
 * - a key in data (`{ path: '/x', flag: 'k' }`, a `property` accessor) loses its property (ON)
 *   or, as an element of an array, the whole entry (OFF);
 * - a key in an options object of a call that is not a value (`withWorkspace(handler,
 *   { featureFlag: 'folders' })`) loses its property (ON).
 * Anything else is a reason, and the read stays (reported by the caller).
 */
export type StructuralFold = { start: number; end: number; text: string; constant?: boolean } | { keep: string };

export function foldStructuralRead(sf: ts.SourceFile, text: string, read: FlagRead, value: FlagValue): StructuralFold {
  if (typeof value !== 'boolean') return { keep: 'only a boolean flag says whether a gate or an entry stays' };
  if (read.gate) return foldGate(sf, text, read, value);
  if (read.data === 'property') return foldDataProperty(sf, text, read, value);
  return { keep: 'a key exported for a loader is left for a human' };
}

/**
 * A key in the options of a call that also takes a function (`withWorkspace(handler, { featureFlag:
 * 'folders' })`) configures what the call does with that function: the call's value is not the
 * flag's. The handler is a function written there, or declared in this file.
 */
export function isOptionOfHandlerCall(sf: ts.SourceFile, read: FlagRead, call: ts.Expression | undefined): boolean {
  // A `define` accessor's options object defines a flag; only calls take options keys.
  if (!call || !ts.isCallExpression(call) || !isCallAccessor(read.accessor) || read.accessor.keyProperty === undefined) return false;
  if (read.accessor.returns !== undefined) return false;
  const options = call.arguments[read.accessor.keyArg];
  return call.arguments.some((a) => a !== options && isFunctionValue(sf, a));
}

function isFunctionValue(sf: ts.SourceFile, e: ts.Expression): boolean {
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return true;
  if (!ts.isIdentifier(e)) return false;
  return sf.statements.some(
    (s) =>
      (ts.isFunctionDeclaration(s) && s.name?.text === e.text) ||
      (ts.isVariableStatement(s) &&
        s.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === e.text && d.initializer !== undefined && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)))),
  );
}

/** `withWorkspace(handler, { featureFlag: 'folders' })` kept ON: the option goes. */
export function foldOptionKey(sf: ts.SourceFile, text: string, read: FlagRead, value: FlagValue): StructuralFold {
  if (value !== true) return { keep: 'the call serves its handler only while the flag is on; delete it (or its route) by hand' };
  const key = read.keySpan && expressionAt(sf, read.keySpan);
  const property = key?.parent;
  const unsupported = { keep: 'the options are not written at the call' };
  if (!key || !property || !ts.isPropertyAssignment(property) || property.initializer !== key) return unsupported;
  const options = property.parent;
  const call = options.parent;
  // Only options written at the call itself (not a shared const or a factory's argument).
  if (!ts.isCallExpression(call) || !call.arguments.includes(options as ts.Expression) || !isPure(key)) return unsupported;
  if (options.properties.length > 1) return fromEdit(removeListMember(text, property));
  const args = call.arguments;
  const i = args.indexOf(options as ts.Expression);
  if (i === args.length - 1 && i > 0) return { start: args[i - 1].getEnd(), end: options.getEnd(), text: '' };
  return { start: options.getStart(sf), end: options.getEnd(), text: '{}' };
}

function fromEdit(edit: { start: number; end: number; parts: Array<string | Span> }): StructuralFold {
  return { start: edit.start, end: edit.end, text: edit.parts.filter((p): p is string => typeof p === 'string').join('') };
}

function foldDataProperty(sf: ts.SourceFile, text: string, read: FlagRead, on: boolean): StructuralFold {
  const node = nodeAt(sf, read.span);
  if (!node || !ts.isPropertyAssignment(node) || !ts.isObjectLiteralExpression(node.parent)) {
    return { keep: 'the key is one of several in this entry' };
  }
  const entry = node.parent;
  if (on) return fromEdit(removeListMember(text, node));
  if (!ts.isArrayLiteralExpression(entry.parent)) return { keep: 'the entry is not an element of a table (an array), so it cannot simply go' };
  if (!isPure(entry)) return { keep: 'the entry computes something (a call) that would no longer run' };
  return fromEdit(removeListMember(text, entry));
}

function foldGate(sf: ts.SourceFile, text: string, read: FlagRead, on: boolean): StructuralFold {
  const gate = read.gate!;
  const renders = on ? gate.whenOn : gate.whenOff;
  const element = nodeAt(sf, read.span);
  if (renders === 'unknown' || !element || !(ts.isJsxElement(element) || ts.isJsxSelfClosingElement(element))) {
    return { keep: 'what this gate renders is not known statically' };
  }
  const inChildren = ts.isJsxElement(element.parent) || ts.isJsxFragment(element.parent);
  const start = element.getStart(sf);
  const end = element.getEnd();
  const indent = indentAt(text, start);
  if (renders === 'children' && ts.isJsxElement(element)) {
    const kids = element.children.filter((c) => !(ts.isJsxText(c) && c.containsOnlyTriviaWhiteSpaces));
    if (kids.length > 0) {
      const first = kids[0].getStart(sf);
      const body = reindent(text.slice(first, kids[kids.length - 1].getEnd()), indentAt(text, first), indent);
      const single = kids.length === 1 && (ts.isJsxElement(kids[0]) || ts.isJsxSelfClosingElement(kids[0]) || ts.isJsxFragment(kids[0]));
      if (inChildren || single) return { start, end, text: body };
      return { start, end, text: `<>\n${indent}  ${reindent(body, indent, `${indent}  `)}\n${indent}</>` };
    }
  }
  if (renders === 'fallback' && gate.fallbackSpan) {
    const value = expressionAt(sf, gate.fallbackSpan) ?? nodeAt(sf, gate.fallbackSpan);
    const raw = text.slice(gate.fallbackSpan.start, gate.fallbackSpan.end);
    if (!value) return { keep: 'the fallback is not an expression' };
    const jsx = ts.isJsxElement(value) || ts.isJsxSelfClosingElement(value) || ts.isJsxFragment(value);
    const body = reindent(raw, indentAt(text, gate.fallbackSpan.start), indent);
    if (jsx) return { start, end, text: body };
    if (inChildren) return { start, end, text: `{${body}}` };
    return { start, end, text: `(${body})` };
  }
  // Nothing renders.
  return inChildren ? { start, end, text: '' } : { start, end, text: 'null', constant: true };
}

/** Lines after the first move from one indentation to another. */
function reindent(body: string, from: string, to: string): string {
  return body
    .split('\n')
    .map((line, i) => (i > 0 && line.startsWith(from) ? to + line.slice(from.length) : line))
    .join('\n');
}

function nodeAt(sf: ts.SourceFile, span: Span): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (found || n.getEnd() < span.start || n.pos > span.start) return;
    if (n.getStart(sf) === span.start && n.getEnd() === span.end) {
      found = n;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}
