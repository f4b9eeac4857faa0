/** The CI gate: `budget` in the config caps stale flags and unregistered keys. */
import type { BudgetConfig } from '@flagdebt/core';
import type { ScanResult } from '../types.js';

/** One message per exceeded limit; empty when the scan is within budget (the CLI exits 1 otherwise). */
export function overBudget(result: ScanResult, budget: BudgetConfig): string[] {
  const messages: string[] = [];
  const { stale, unregistered } = result.summary;
  if (budget.stale !== undefined && stale > budget.stale) {
    messages.push(`${stale} stale ${stale === 1 ? 'flag' : 'flags'}, budget is ${budget.stale}: remove some with \`flagdebt remove <flag>\``);
  }
  if (budget.unregistered !== undefined && unregistered > budget.unregistered) {
    messages.push(
      `${unregistered} unregistered flag ${unregistered === 1 ? 'read' : 'reads'}, budget is ${budget.unregistered}: add the keys to the registry or fix the typos`,
    );
  }
  return messages;
}

export interface BudgetStatus {
  what: 'stale' | 'unregistered';
  actual: number;
  limit: number;
  exceeded: boolean;
}

/** Each configured limit with the scan's count against it, for reports. */
export function budgetStatus(result: ScanResult, budget: BudgetConfig | undefined): BudgetStatus[] {
  const out: BudgetStatus[] = [];
  for (const what of ['stale', 'unregistered'] as const) {
    const limit = budget?.[what];
    if (limit !== undefined) out.push({ what, actual: result.summary[what], limit, exceeded: result.summary[what] > limit });
  }
  return out;
}
