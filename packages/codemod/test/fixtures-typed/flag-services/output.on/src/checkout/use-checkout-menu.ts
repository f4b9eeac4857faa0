/** The cart's menu entries. */
export function useCheckoutMenu(): string[] {
  const items = ['View cart'];
  items.push('Buy now');
  return items;
}
