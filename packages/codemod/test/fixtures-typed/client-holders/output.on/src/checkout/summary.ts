import { openTotalsClient } from "./totals-client";

export function useSummaryTitle(): string {
  return "Review and pay";
}

/**
 * Another `client` in the same module, made by a call with effects: the removal tells the two
 * apart by their initializers, so this one is not taken for the flag's client and stays.
 */
export function totalOf(lines: number[]): number {
  const client = openTotalsClient();
  return client.sum(lines);
}
