import { isLocal } from '../flags/local-flags';
import { flags } from '../flags/client';

export interface Cart {
  items: number;
  total: number;
}

export function checkoutTitle(cart: Cart): string {
  if (flags.isEnabled('new-checkout', false)) {
    return `Checkout (${cart.items} items)`;
  }
  return 'Your cart';
}

export function debugBanner(): string | null {
  return isLocal ? 'local build' : null;
}
