/** The event each page sends when it is viewed (one page happens to share a flag's name). */
export const PAGE_EVENTS: Record<string, string> = {
  cart: 'cart_viewed',
  'new-checkout': 'checkout_v2_viewed',
  search: 'search_viewed',
  account: 'account_viewed',
};

export function viewEvent(page: string): string | undefined {
  return PAGE_EVENTS[page];
}
