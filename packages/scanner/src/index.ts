export type * from './types.js';
export { scan, type IndexedProject, type ScanOptions } from './scan.js';
export { diskScanHost, type ScanHost, type ListFilesOptions, type RawSource } from '@flagdebt/core/files';
export { renderers, renderScan, type RenderOptions, type Renderer } from './render/index.js';
export { overBudget, budgetStatus, type BudgetStatus } from './reconcile/budget.js';
export { findingsOf, suppressFindings, narrowToFiles, type Finding } from './findings/findings.js';
export { createBaseline, serializeBaseline, parseBaseline, baselineFilter, type Baseline, type BaselineEntry } from './findings/baseline.js';
export { changedFiles } from './findings/changed-files.js';
export { sourceLineReader, type SourceLines } from './findings/source-lines.js';
export { groupFindings, type GroupBy, type FindingGroup } from './render/groups.js';
export { ReferenceIndex, type FileReferences, type KeyReferences } from './index/reference-index.js';
export { history } from './history/history.js';
export type { HistoryOptions, HistoryPoint, HistoryResult, SkippedCommit, SubsetDetail } from './history/types.js';
// History formats live with history (json, csv) and with the html dashboard.
export * from './history/render.js';
export { renderHistoryHtml } from './render/html.js';
