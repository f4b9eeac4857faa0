import ts from '../ts-morph-ts.cjs';
import type { Span } from '@flagdebt/core';
import type { Edit } from './text-edits.js';

/** Line-aware helpers so removed and inlined code leaves no blank holes or odd indentation. */

export function lineStart(text: string, pos: number): number {
  const i = text.lastIndexOf('\n', pos - 1);
  return i + 1;
}

export function indentAt(text: string, pos: number): string {
  const start = lineStart(text, pos);
  const m = /^[ \t]*/.exec(text.slice(start, pos));
  return m ? m[0] : '';
}

/** True when only whitespace separates `pos` from the start of its line. */
function startsLine(text: string, pos: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, pos), pos));
}

/**
 * Start of the comments that belong to a node: the leading comments after the last blank line.
 * A file header or a comment separated by a blank line stays put.
 */
export function attachedCommentStart(text: string, node: ts.Node): number {
  const ranges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  let start = node.getStart();
  for (let i = ranges.length - 1; i >= 0; i--) {
    const between = text.slice(ranges[i].end, start);
    if ((between.match(/\n/g) ?? []).length > 1) break;
    start = ranges[i].pos;
  }
  return start;
}

/** The range to delete for a whole statement (or member), with its attached comments and its line. */
export function removalRange(text: string, node: ts.Node, withComments = true): Span {
  return expandToLines(text, withComments ? attachedCommentStart(text, node) : node.getStart(), node.getEnd());
}

/** Widens `[start, end)` to whole lines when nothing else shares them, else eats trailing spaces. */
export function expandToLines(text: string, start: number, end: number): Span {
  const afterMatch = /^[ \t]*(\/\/[^\n]*)?\r?\n/.exec(text.slice(end));
  if (startsLine(text, start) && afterMatch) {
    const from = lineStart(text, start);
    let to = end + afterMatch[0].length;
    // Do not leave a blank line where the removed lines sat between a blank line (or the start
    // of the file or block) and another blank line.
    const blankAfter = /^[ \t]*\r?\n/.exec(text.slice(to));
    const before = text.slice(0, from);
    if (blankAfter && (from === 0 || /\n[ \t]*\r?\n$/.test(before) || /[{([][ \t]*\r?\n$/.test(before))) to += blankAfter[0].length;
    return { start: from, end: to };
  }
  const spaces = /^[ \t]*/.exec(text.slice(end));
  return { start, end: end + (spaces ? spaces[0].length : 0) };
}

export function removeNode(text: string, node: ts.Node): Edit {
  const r = removalRange(text, node);
  return { start: r.start, end: r.end, parts: [''] };
}

/**
 * Parts that re-create the lines of `[from.start, from.end)` at another indentation: each line's
 * content is a slice (so marks follow it), only the leading whitespace is rewritten.
 */
export function reindentedParts(text: string, from: Span, oldIndent: string, newIndent: string): Array<string | Span> {
  const parts: Array<string | Span> = [];
  let pos = from.start;
  let first = true;
  while (pos < from.end) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 || nl >= from.end ? from.end : nl + 1;
    let contentStart = pos;
    if (!first) {
      const lead = /^[ \t]*/.exec(text.slice(pos, lineEnd))![0];
      const isBlank = text.slice(pos + lead.length, lineEnd).trim() === '';
      if (isBlank) {
        contentStart = pos + lead.length;
      } else if (lead.startsWith(oldIndent)) {
        parts.push(newIndent + lead.slice(oldIndent.length));
        contentStart = pos + lead.length;
      }
    }
    if (lineEnd > contentStart) parts.push({ start: contentStart, end: lineEnd });
    first = false;
    pos = lineEnd;
  }
  return parts;
}

/**
 * After deleting a file's last declarations, the blank line that separated them from the rest is
 * left at the end: trim it, unless the file ended with blank lines before (then it is the user's).
 */
export function withoutNewTrailingBlankLines(before: string, after: string): string {
  if (/\n[ \t]*\r?\n$/.test(before)) return after;
  const m = /\r?\n(?:[ \t]*\r?\n)+$/.exec(after);
  return m ? after.slice(0, m.index) + (m[0].startsWith('\r') ? '\r\n' : '\n') : after;
}
