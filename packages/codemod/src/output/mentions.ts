import { ts } from 'ts-morph';
import type { RemainingMention } from '../types.js';

const CODE_FILE = /\.[mc]?[jt]sx?$/;

/**
 * Where a key still appears after the removal: in strings (analytics event names, test titles),
 * comments, or files that are not code (docs, JSON). A human decides about each.
 */
export function mentionsIn(file: string, display: string, text: string, key: string): RemainingMention[] {
  if (!text.includes(key)) return [];
  const out: RemainingMention[] = [];
  const kinds = CODE_FILE.test(file) ? tokenKinds(text) : null;
  let from = 0;
  for (let at = text.indexOf(key, from); at !== -1; at = text.indexOf(key, from)) {
    from = at + key.length;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = text.indexOf('\n', at);
    const line = (text.slice(0, at).match(/\n/g) ?? []).length + 1;
    const kind = kinds ? (kinds.find((k) => k.start <= at && at < k.end)?.kind ?? 'code') : 'non-ts';
    out.push({ key, file: display, line, column: at - lineStart + 1, kind, text: excerpt(text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd), at - lineStart, key.length) });
  }
  return out;
}

/** Longest line shown whole; a longer one (generated docs, minified code) is cut around the key. */
const MAX_EXCERPT = 160;
const CONTEXT = 60;

/** The line, trimmed; cut to the key and CONTEXT characters either side when it is longer than MAX_EXCERPT. */
export function excerpt(line: string, at: number, length: number): string {
  if (line.trim().length <= MAX_EXCERPT) return line.trim();
  const start = Math.max(0, at - CONTEXT);
  const end = Math.min(line.length, at + length + CONTEXT);
  return `${start > 0 ? '…' : ''}${line.slice(start, end).trim()}${end < line.length ? '…' : ''}`;
}

function tokenKinds(text: string): Array<{ start: number; end: number; kind: 'string' | 'comment' }> {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.JSX, text);
  const out: Array<{ start: number; end: number; kind: 'string' | 'comment' }> = [];
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) {
    if (t === ts.SyntaxKind.SingleLineCommentTrivia || t === ts.SyntaxKind.MultiLineCommentTrivia) {
      out.push({ start: scanner.getTokenStart(), end: scanner.getTokenEnd(), kind: 'comment' });
    } else if (
      t === ts.SyntaxKind.StringLiteral || t === ts.SyntaxKind.NoSubstitutionTemplateLiteral || t === ts.SyntaxKind.TemplateHead
    ) {
      out.push({ start: scanner.getTokenStart(), end: scanner.getTokenEnd(), kind: 'string' });
    }
  }
  return out;
}
