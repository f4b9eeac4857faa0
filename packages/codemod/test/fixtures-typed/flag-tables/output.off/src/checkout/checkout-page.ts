import { isLocal } from '../flags/local-flags';

export interface Cart {
  items: number;
  total: number;
}

export function checkoutTitle(cart: Cart): string {
  return 'Your cart';
}

export function debugBanner(): string | null {
  return isLocal ? 'local build' : null;
}
