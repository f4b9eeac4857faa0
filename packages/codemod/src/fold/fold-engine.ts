import ts from '../ts-morph-ts.cjs';
import type { SourceFile } from 'ts-morph';
import type { FlagValue, Span } from '@flagdebt/core';
import { applyEdits, overlaps, replaceWith, withoutNested, type Edit, type Marks } from '../edit/text-edits.js';
import { foldExpression } from './expression-rules.js';
import { FoldContext, preferredQuote, valueText, type PureImport } from './fold-context.js';
import { foldStatement } from './statement-rules.js';
import { inlineCarriedValue } from './carried-values.js';
import { inlineTupleSlot } from './tuple-slots.js';
import { inlineEmptyArray, inlineVariable } from './variable-inliner.js';

export interface FoldRequest {
  /** Used for the script kind (`.tsx` parses JSX). */
  fileName: string;
  text: string;
  /**
   * Spans of the flag reads to replace by the value (a span may carry its own, for several flags
   * at once), or by a `text` of their own (a JSX gate's children, a deleted table entry).
   */
  evaluations: Array<Span & { value?: FlagValue; text?: string; constant?: boolean }>;
  value?: FlagValue;
  /** Whether an imported function is side-effect free (see FoldContext.isEffectFree); unknown when absent. */
  pureImport?: PureImport;
}

export interface FoldOutcome {
  text: string;
  changed: boolean;
}

/** More passes than any real file needs; guards against a rule that keeps rewriting. */
const MAX_PASSES = 500;

/**
 * Replaces each evaluation by the value, then folds to a fixed point: one parse per pass, every
 * rule that applies to code touched by this run, non-overlapping edits applied together.
 */
export function foldEvaluations(request: FoldRequest): FoldOutcome {
  const quote = preferredQuote(request.text);
  const initial = nonOverlapping(
    request.evaluations.map((s) => {
      if (s.text !== undefined) return replaceWith(s.start, s.end, s.text, s.constant === true);
      const value = s.value ?? request.value;
      if (value === undefined) throw new Error('foldEvaluations: no value for an evaluation');
      return replaceWith(s.start, s.end, valueText(value, quote), true);
    }),
  );
  if (initial.length === 0) return { text: request.text, changed: false };
  let { text, marks } = applyEdits(request.text, initial, { constants: [], touched: [] });
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = collectEdits(request.fileName, text, marks, request.pureImport);
    if (edits.length === 0) break;
    ({ text, marks } = applyEdits(text, edits, marks));
  }
  return { text, changed: text !== request.text };
}

export function parse(fileName: string, text: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKindOf(fileName));
}

export function scriptKindOf(fileName: string): ts.ScriptKind {
  if (/\.tsx$/.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.[mc]?ts$/.test(fileName)) return ts.ScriptKind.TS;
  return ts.ScriptKind.JSX;
}

function collectEdits(fileName: string, text: string, marks: Marks, pureImport?: PureImport): Edit[] {
  const ctx = new FoldContext(parse(fileName, text), text, marks, pureImport);
  const chosen: Edit[] = [];
  const take = (produced: Edit[] | null): boolean => {
    const edits = produced && withoutNested(produced);
    if (!edits || edits.some((e) => chosen.some((c) => overlaps(e, c) || sameInsertion(e, c)))) return false;
    chosen.push(...edits);
    return true;
  };
  // Post-order: the innermost fold first; an ancestor waits for the next pass.
  // Rules only apply around what this run wrote: skip subtrees that hold none of it.
  const relevant = (node: ts.Node): boolean => marks.touched.some((t) => node.pos <= t.end && t.start <= node.end);
  const visit = (node: ts.Node): boolean => {
    if (!relevant(node)) return false;
    let below = false;
    ts.forEachChild(node, (child) => {
      if (visit(child)) below = true;
    });
    if (below) return true;
    const expression = foldExpression(ctx, node);
    return take(expression ? [expression] : foldStatement(ctx, node));
  };
  visit(ctx.sf);
  if (chosen.length > 0) return chosen;
  // Inlining a variable edits all its references at once, so it runs alone in its pass.
  let inlined: Edit[] | null = null;
  const findVariable = (node: ts.Node): void => {
    if (inlined || !relevant(node)) return;
    if (ts.isVariableDeclaration(node)) inlined = inlineVariable(ctx, node) ?? inlineTupleSlot(ctx, node) ?? inlineCarriedValue(ctx, node) ?? inlineEmptyArray(ctx, node);
    if (!inlined) ts.forEachChild(node, findVariable);
  };
  findVariable(ctx.sf);
  return inlined ?? [];
}

function sameInsertion(a: Edit, b: Edit): boolean {
  return a.start === a.end && b.start === b.end && a.start === b.start;
}

function nonOverlapping(edits: Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Edit[] = [];
  for (const e of sorted) {
    if (out.length && e.start < out[out.length - 1].end) continue;
    out.push(e);
  }
  return out;
}

/**
 * The same fold on a ts-morph source file (for callers that already hold a ts-morph project):
 * the file's text is replaced by the folded text; returns whether it changed.
 */
export function foldSourceFile(sourceFile: SourceFile, evaluations: Span[], value: FlagValue): boolean {
  const outcome = foldEvaluations({ fileName: sourceFile.getFilePath(), text: sourceFile.getFullText(), evaluations, value });
  if (outcome.changed) sourceFile.replaceWithText(outcome.text);
  return outcome.changed;
}
