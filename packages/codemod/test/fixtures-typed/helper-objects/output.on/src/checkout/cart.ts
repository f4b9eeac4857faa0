import AppUtils from '../utils/app-utils';

export function checkoutPath(total: number): string {
  return `/checkout/v2?total=${AppUtils.money(total)}`;
}

export function cartBanner(): string | null {
  return 'Try the new checkout';
}

export function checkoutButton(): string {
  return `<button>${AppUtils.checkoutLabel()}</button>`;
}

export function wishlistVisible(): boolean {
  return AppUtils.hasFeature('wishlist');
}
