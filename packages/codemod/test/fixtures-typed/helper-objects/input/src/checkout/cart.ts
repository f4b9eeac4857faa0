import AppUtils from '../utils/app-utils';

export function checkoutPath(total: number): string {
  if (AppUtils.hasFeature('new-checkout')) {
    return `/checkout/v2?total=${AppUtils.money(total)}`;
  }
  return '/checkout';
}

export function cartBanner(): string | null {
  return AppUtils.isNewCheckout() ? 'Try the new checkout' : null;
}

export function checkoutButton(): string {
  return `<button>${AppUtils.checkoutLabel()}</button>`;
}

export function wishlistVisible(): boolean {
  return AppUtils.hasFeature('wishlist');
}
