import { totalCents, type Cart } from './cart';
import { isNewCheckoutEnabled } from './rollout';

export function summaryLines(cart: Cart): string[] {
  const lines = cart.items.map((item) => `${item.qty} x ${item.sku}`);
  lines.push(`Total: ${(totalCents(cart) / 100).toFixed(2)}`);
  if (isNewCheckoutEnabled()) lines.push('Free returns within 30 days');
  return lines;
}
