/** The share of sessions in the checkout rollout, decided once per page load. */
export const checkoutRollout = Math.random() < 0.25;
