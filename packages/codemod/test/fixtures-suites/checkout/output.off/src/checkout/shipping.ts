import { type Cart } from './cart';

/** The line under the total about shipping. */
export function shippingNote(cart: Cart): string {
  return 'Shipping is calculated at the next step';
}
