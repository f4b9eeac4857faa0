import AppUtils from '../utils/app-utils';

export function checkoutPath(total: number): string {
  return '/checkout';
}

export function cartBanner(): string | null {
  return null;
}

export function checkoutButton(): string {
  return `<button>${AppUtils.checkoutLabel()}</button>`;
}

export function wishlistVisible(): boolean {
  return AppUtils.hasFeature('wishlist');
}
