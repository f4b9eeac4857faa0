import { useGrowthBook } from "@growthbook/growthbook-react";
import type { AppFeatures } from "../types/app-features";

export type Step = "cart" | "address" | "shipping" | "pay";

/** The steps of the checkout: the new flow asks for the address on the payment page. */
export function useCheckoutSteps(): Step[] {
  const growthbook = useGrowthBook<AppFeatures>();

  const newCheckout = growthbook?.isOn("new-checkout");

  return newCheckout ? ["cart", "pay"] : ["cart", "address", "shipping", "pay"];
}
