import type { Cart } from './cart';
import { legacyAddressStep } from './legacy-address';
import { isNewCheckoutEnabled } from './rollout';

export function checkoutSteps(cart: Cart): string[] {
  if (isNewCheckoutEnabled()) {
    return cart.giftCard ? ['review', 'pay'] : ['details', 'pay'];
  }
  return ['cart', legacyAddressStep(cart), 'shipping', 'pay'];
}
