import type { BudgetConfig } from '@flagdebt/core';
import type { HistoryResult } from '../history/types.js';
import type { SourceLines } from '../findings/source-lines.js';
import type { ScanResult } from '../types.js';
import type { GroupBy } from './groups.js';

/** One options bag for every format; each format reads the fields it understands. */
export interface RenderOptions {
  /** ANSI colour (text only); the CLI sets it when stdout is a TTY. */
  color?: boolean;
  /** The config's budget: text and markdown say whether the scan is within it. */
  budget?: BudgetConfig;
  /** Trend points from `history()` (html). */
  history?: HistoryResult;
  /** Report title (html). */
  title?: string;
  /** Directory result URIs are relative to (sarif). */
  srcRoot?: string;
  /** Findings under their flag or their owner instead of by kind (text, markdown). */
  groupBy?: GroupBy;
  /** The code line of a reference (text, markdown); without it, only `file:line:column`. */
  sourceLines?: SourceLines;
}

/** A report format: one pure function from the scan result to the report's text. */
export type Renderer = (result: ScanResult, options: RenderOptions) => string;
