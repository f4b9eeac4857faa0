import NewCheckout from './NewCheckout';

export function checkoutPage(total: number, items: number): string {
  return NewCheckout(total);
}
