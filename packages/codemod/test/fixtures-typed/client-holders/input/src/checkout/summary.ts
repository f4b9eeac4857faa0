import { useGrowthBook } from "@growthbook/growthbook-react";
import type { AppFeatures } from "../types/app-features";
import { openTotalsClient } from "./totals-client";

export function useSummaryTitle(): string {
  const client = useGrowthBook<AppFeatures>();
  return client?.isOn("new-checkout") ? "Review and pay" : "Order summary";
}

/**
 * Another `client` in the same module, made by a call with effects: the removal tells the two
 * apart only by name, so neither is taken as the flag's client.
 */
export function totalOf(lines: number[]): number {
  const client = openTotalsClient();
  return client.sum(lines);
}
