import { flags } from '../flags';

/** The banner that invites shoppers to the new checkout. */
export function checkoutBanner(region: string): string | null {
  if (!flags.isEnabled('new-checkout', false)) return null;
  return region === 'eu' ? 'Neuer Checkout' : 'Try the new checkout';
}
