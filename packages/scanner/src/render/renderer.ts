import type { BudgetConfig } from '@flagdebt/core';
import type { HistoryResult } from '../history/types.js';
import type { ScanResult } from '../types.js';

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
}

/** A report format: one pure function from the scan result to the report's text. */
export type Renderer = (result: ScanResult, options: RenderOptions) => string;
