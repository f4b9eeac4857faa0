import type { Cart } from './cart';

export function checkoutSteps(cart: Cart): string[] {
  return cart.giftCard ? ['review', 'pay'] : ['details', 'pay'];
}
