import { flags } from '../flags/client';

const BaseUtils = {
  money(cents: number): string {
    return `$${(cents / 100).toFixed(2)}`;
  },
};

/** The app's helper namespace: money formatting and the flag helpers. */
const AppUtils = Object.assign({}, BaseUtils, {
  hasFeature(key: string): boolean {
    return flags.isEnabled(key, false);
  },
  /** Still called for its label after the flag goes: it stays. */
  checkoutLabel(): string {
    return 'New checkout';
  },
});

export default AppUtils;
