import type { Cart } from './cart';
import { legacyAddressStep } from './legacy-address';

export function checkoutSteps(cart: Cart): string[] {
  return ['cart', legacyAddressStep(cart), 'shipping', 'pay'];
}
