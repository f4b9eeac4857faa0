export { removeFlags } from './removal/remove-flags.js';
export { findFlagReads } from './removal/flag-reads.js';
export { foldEvaluations, foldSourceFile, type FoldRequest, type FoldOutcome } from './fold/fold-engine.js';
export type {
  RemoveOptions,
  FlagToRemove,
  RemovalResult,
  RemovalStats,
  ChangedFile,
  DeletedFile,
  RemainingMention,
  VerifyReport,
} from './types.js';
