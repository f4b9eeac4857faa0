/**
 * With type information (parserOptions.projectService or project), a key core cannot resolve
 * from syntax alone may still be known: a parameter typed `'new-checkout'`, a generic bound to
 * one literal. Only a single string literal type counts; a union is several flags, not one.
 * Without type information this changes nothing, so every rule also works without it.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { FlagRead } from '@flagdebt/core';
import { nodeAtSpan } from './estree-spans.js';

export interface AnalyzedRead extends FlagRead {
  /** True when the key came from the type checker, not from core's static resolution. */
  keyFromType?: boolean;
}

export function resolveKeysWithTypes(sourceCode: Readonly<TSESLint.SourceCode>, reads: FlagRead[]): AnalyzedRead[] {
  const services = sourceCode.parserServices;
  const program = services?.program;
  const toTsNode = services?.esTreeNodeToTSNodeMap;
  if (!program || !toTsNode || !reads.some((r) => r.kind === 'dynamic' && r.keySpan)) return reads;
  const checker = program.getTypeChecker();
  return reads.map((read) => {
    if (read.kind !== 'dynamic' || !read.keySpan) return read;
    const keyNode = nodeAtSpan(sourceCode, read.keySpan);
    if (!keyNode) return read;
    const type = checker.getTypeAtLocation(toTsNode.get(keyNode));
    if (!type.isStringLiteral()) return read;
    return { ...read, kind: 'evaluation', key: type.value, keyFromType: true };
  });
}
