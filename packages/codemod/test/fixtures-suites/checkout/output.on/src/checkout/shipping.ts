import { totalCents, type Cart } from './cart';

const FREE_SHIPPING_CENTS = 5000;

/** The line under the total about shipping. */
export function shippingNote(cart: Cart): string {
  return totalCents(cart) >= FREE_SHIPPING_CENTS ? 'Free shipping' : 'Shipping: 4.90';
}
