import { isLocal } from '../flags/local-flags';

export interface Cart {
  items: number;
  total: number;
}

export function checkoutTitle(cart: Cart): string {
  return `Checkout (${cart.items} items)`;
}

export function debugBanner(): string | null {
  return isLocal ? 'local build' : null;
}
