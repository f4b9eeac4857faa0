import ts from '../ts-morph-ts.cjs';
import type { RemainingMention } from '../types.js';

const CODE_FILE = /\.[mc]?[jt]sx?$/;

/**
 * Where a key still appears after the removal: in strings (analytics event names, test titles),
 * comments, or files that are not code (docs, JSON). A human decides about each.
 */
export function mentionsIn(file: string, display: string, text: string, key: string): RemainingMention[] {
  if (!text.includes(key)) return [];
  const out: RemainingMention[] = [];
  const kinds = CODE_FILE.test(file) ? tokenKinds(file, text) : null;
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

/**
 * Where the strings and comments are, from TypeScript's scanner. The scanner alone does not know
 * where a template literal resumes after `${...}`: a brace stack tells it, or everything after the
 * first substitution would be taken for the wrong kind.
 */
function tokenKinds(file: string, text: string): Array<{ start: number; end: number; kind: 'string' | 'comment' }> {
  const variant = /\.[jt]sx$/.test(file) ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, variant, text);
  const out: Array<{ start: number; end: number; kind: 'string' | 'comment' }> = [];
  const braces: Array<'template' | 'block'> = [];
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) {
    if (t === ts.SyntaxKind.OpenBraceToken) braces.push('block');
    if (t === ts.SyntaxKind.CloseBraceToken) {
      if (braces.pop() === 'template') t = scanner.reScanTemplateToken(false);
    }
    if (t === ts.SyntaxKind.TemplateHead || t === ts.SyntaxKind.TemplateMiddle) braces.push('template');
    if (t === ts.SyntaxKind.SingleLineCommentTrivia || t === ts.SyntaxKind.MultiLineCommentTrivia) {
      out.push({ start: scanner.getTokenStart(), end: scanner.getTokenEnd(), kind: 'comment' });
    } else if (
      t === ts.SyntaxKind.StringLiteral ||
      t === ts.SyntaxKind.NoSubstitutionTemplateLiteral ||
      t === ts.SyntaxKind.TemplateHead ||
      t === ts.SyntaxKind.TemplateMiddle ||
      t === ts.SyntaxKind.TemplateTail
    ) {
      out.push({ start: scanner.getTokenStart(), end: scanner.getTokenEnd(), kind: 'string' });
    }
  }
  return out;
}
