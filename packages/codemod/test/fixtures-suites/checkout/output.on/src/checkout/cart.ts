export interface CartItem {
  sku: string;
  qty: number;
  cents: number;
}

export interface Cart {
  items: CartItem[];
  giftCard?: boolean;
}

export function totalCents(cart: Cart): number {
  return cart.items.reduce((sum, item) => sum + item.qty * item.cents, 0);
}
