/** The CI gate: `budget` in the config caps each kind of finding. */
import type { BudgetConfig } from '@flagdebt/core';
import type { ScanResult } from '../types.js';

type BudgetKey = keyof BudgetConfig & keyof ScanResult['summary'];

/** Per limit: how reports name it, and what to do when it is exceeded. */
const LIMITS: { what: BudgetKey; noun: [string, string]; fix: string }[] = [
  { what: 'stale', noun: ['stale flag', 'stale flags'], fix: 'remove some with `flagdebt remove <flag>`' },
  { what: 'unregistered', noun: ['unregistered flag read', 'unregistered flag reads'], fix: 'add the keys to the registry or fix the typos' },
  {
    what: 'archivedReferenced',
    noun: ['archived flag still read', 'archived flags still read'],
    fix: 'an archived key must never be used again: rename the flag in code, or restore it in the registry',
  },
  { what: 'dynamic', noun: ['dynamic flag key', 'dynamic flag keys'], fix: 'pass keys as literals or constants so they can be checked' },
  { what: 'unused', noun: ['unused flag', 'unused flags'], fix: 'archive flags no code reads in the registry' },
];

/** Limits that apply even when the config does not set them. */
const DEFAULTS: BudgetConfig = { archivedReferenced: 0 };

function limitOf(budget: BudgetConfig | undefined, what: BudgetKey): number | undefined {
  return budget?.[what] ?? DEFAULTS[what];
}

/** One message per exceeded limit; empty when the scan is within budget (the CLI exits 1 otherwise). */
export function overBudget(result: ScanResult, budget: BudgetConfig): string[] {
  const messages: string[] = [];
  for (const { what, noun, fix } of LIMITS) {
    const limit = limitOf(budget, what);
    const actual = result.summary[what];
    if (limit !== undefined && actual > limit) messages.push(`${actual} ${noun[actual === 1 ? 0 : 1]}, budget is ${limit}: ${fix}`);
  }
  return messages;
}

export interface BudgetStatus {
  what: BudgetKey;
  /** How reports name it: the summary table's column. */
  label: string;
  actual: number;
  limit: number;
  exceeded: boolean;
}

/**
 * Each limit the config sets, and each default limit the scan exceeds, with the scan's count
 * against it, for reports.
 */
export function budgetStatus(result: ScanResult, budget: BudgetConfig | undefined): BudgetStatus[] {
  const out: BudgetStatus[] = [];
  // No budget given: the caller did not load a config, so there is nothing to judge against.
  if (budget === undefined) return out;
  for (const { what } of LIMITS) {
    const limit = limitOf(budget, what);
    if (limit === undefined) continue;
    const actual = result.summary[what];
    const exceeded = actual > limit;
    if (budget?.[what] !== undefined || exceeded) out.push({ what, label: what === 'archivedReferenced' ? 'archived in use' : what, actual, limit, exceeded });
  }
  return out;
}
