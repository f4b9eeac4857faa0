import { useGrowthBook } from "@growthbook/growthbook-react";
import type { AppFeatures } from "../types/app-features";
import { openTotalsClient } from "./totals-client";

export function useSummaryTitle(): string {
  const client = useGrowthBook<AppFeatures>();
  return client?.isOn("new-checkout") ? "Review and pay" : "Order summary";
}

/**
 * Another `client` in the same module, made by a call with effects: the removal tells the two
 * apart by their initializers, so this one is not taken for the flag's client and stays.
 */
export function totalOf(lines: number[]): number {
  const client = openTotalsClient();
  return client.sum(lines);
}
