/** Generated from the GrowthBook account: every feature and its value type. */
export type AppFeatures = {
  "new-checkout": boolean;
  "checkout-step-limit": number;
};
