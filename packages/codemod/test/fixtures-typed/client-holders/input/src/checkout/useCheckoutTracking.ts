import { useGrowthBook } from "@growthbook/growthbook-react";
import type { AppFeatures } from "../types/app-features";

/** The client also carries the user's attributes: it stays when the flag goes. */
export function useCheckoutTracking(userId: string): { newFlow: boolean; stepLimit: number } {
  const gb = useGrowthBook<AppFeatures>();
  void gb?.setAttributes({ id: userId });
  const stepLimit = gb?.getFeatureValue("checkout-step-limit", 4) ?? 4;
  return { newFlow: gb?.isOn("new-checkout") ?? false, stepLimit };
}
