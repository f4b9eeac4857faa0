/** The cart's menu entries. */
export function useCheckoutMenu(): string[] {
  const items = ['View cart'];
  items.push('Go to checkout');
  return items;
}
