/**
 * Core reports reads as character offsets into the file text; ESLint works with ESTree nodes
 * over the same text. These helpers translate one into the other.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Span } from '@flagdebt/core';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The innermost ESTree node covering exactly `span`, or null when the two ASTs disagree. */
export function nodeAtSpan(sourceCode: SourceCode, span: Span): TSESTree.Node | null {
  let node: TSESTree.Node | null | undefined = sourceCode.getNodeByRangeIndex(span.start);
  while (node && node.range[1] < span.end) node = node.parent;
  return node && node.range[0] === span.start && node.range[1] === span.end ? node : null;
}

/** A report location for a span. */
export function spanLoc(sourceCode: SourceCode, span: Span): TSESTree.SourceLocation {
  return { start: sourceCode.getLocFromIndex(span.start), end: sourceCode.getLocFromIndex(span.end) };
}

/** Line 1, column 0: where whole-file problems (bad config, bad registry) are reported. */
export const FILE_START: TSESTree.SourceLocation = { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } };
