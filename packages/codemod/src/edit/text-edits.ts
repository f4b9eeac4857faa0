import type { Span } from '@flagdebt/core';

/**
 * A replacement of `[start, end)` by `parts`: literal strings or slices of the text being edited.
 * Slices let marks (constants, touched ranges) inside moved code follow it to its new place.
 */
export interface Edit {
  start: number;
  end: number;
  parts: Array<string | Span>;
  /** The replacement text is a folded constant (a literal produced by this run). */
  constant?: boolean;
}

/**
 * What the folder knows about the text: where the literals it wrote are (`constants`) and which
 * ranges it produced (`touched`). Only code around these is ever simplified, so pre-existing
 * `if (true)` or `DEBUG &&` stays as the author wrote it.
 */
export interface Marks {
  constants: Span[];
  touched: Span[];
}

interface Mapping {
  oldStart: number;
  oldEnd: number;
  newStart: number;
}

export function replaceWith(start: number, end: number, text: string, constant = false): Edit {
  return { start, end, parts: [text], constant };
}

export function sliceOf(start: number, end: number, from: Span): Edit {
  return { start, end, parts: [from] };
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Raised when a rule produced edits over the same text. It carries the text and position so the
 * caller can turn it into a diagnostic (file and line) instead of an internal crash.
 */
export class OverlappingEditsError extends Error {
  constructor(
    readonly at: number,
    readonly text: string,
  ) {
    super(`overlapping edits at ${at}`);
    this.name = 'OverlappingEditsError';
  }
}

/**
 * One rule's edits with those inside another of them dropped: deleting a statement already
 * deletes the references it holds. Edits that only partly overlap cannot both be right: null.
 */
export function withoutNested(edits: Edit[]): Edit[] | null {
  const inside = (inner: Edit, outer: Edit): boolean =>
    inner !== outer && outer.start <= inner.start && inner.end <= outer.end && (overlaps(inner, outer) || (outer.start < inner.start && inner.end < outer.end));
  const kept = edits.filter((e) => !edits.some((o) => inside(e, o) && !(inside(o, e) && edits.indexOf(o) > edits.indexOf(e))));
  for (let i = 0; i < kept.length; i++) {
    for (let j = i + 1; j < kept.length; j++) if (overlaps(kept[i], kept[j])) return null;
  }
  return kept;
}

/** Applies non-overlapping edits in one go and carries the marks over to the new text. */
export function applyEdits(text: string, edits: Edit[], marks: Marks): { text: string; marks: Marks } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const mappings: Mapping[] = [];
  const produced: Array<{ span: Span; constant: boolean }> = [];
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new OverlappingEditsError(edit.start, text);
    mappings.push({ oldStart: cursor, oldEnd: edit.start, newStart: out.length });
    out += text.slice(cursor, edit.start);
    const newStart = out.length;
    for (const part of edit.parts) {
      if (typeof part === 'string') {
        out += part;
      } else {
        mappings.push({ oldStart: part.start, oldEnd: part.end, newStart: out.length });
        out += text.slice(part.start, part.end);
      }
    }
    if (out.length > newStart) produced.push({ span: { start: newStart, end: out.length }, constant: edit.constant === true });
    cursor = edit.end;
  }
  mappings.push({ oldStart: cursor, oldEnd: text.length, newStart: out.length });
  out += text.slice(cursor);

  const constants: Span[] = [];
  for (const span of marks.constants) {
    const m = mappings.find((x) => x.oldStart <= span.start && span.end <= x.oldEnd);
    if (m) constants.push(shift(span, m));
  }
  const touched: Span[] = [];
  for (const span of marks.touched) {
    const start = mapPoint(mappings, span.start, false);
    const end = mapPoint(mappings, span.end, true);
    if (start !== null && end !== null && end > start) touched.push({ start, end });
  }
  for (const p of produced) {
    touched.push(p.span);
    if (p.constant) constants.push(p.span);
  }
  return { text: out, marks: { constants: dedupe(constants), touched: dedupe(touched) } };
}

function shift(span: Span, m: Mapping): Span {
  const delta = m.newStart - m.oldStart;
  return { start: span.start + delta, end: span.end + delta };
}

function mapPoint(mappings: Mapping[], point: number, isEnd: boolean): number | null {
  for (const m of mappings) {
    const inside = isEnd ? m.oldStart < point && point <= m.oldEnd : m.oldStart <= point && point < m.oldEnd;
    if (inside) return point + m.newStart - m.oldStart;
  }
  return null;
}

function dedupe(spans: Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const k = `${s.start}:${s.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
