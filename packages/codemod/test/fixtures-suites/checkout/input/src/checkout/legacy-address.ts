import type { Cart } from './cart';

/** The old flow asked for the address on its own page, unless everything was digital. */
export function legacyAddressStep(cart: Cart): string {
  return cart.items.every((item) => item.sku.startsWith('D-')) ? 'email' : 'address';
}
