import { flags } from '../flags';

/** The one-page checkout, everywhere the old flow branched. */
export function isNewCheckoutEnabled(): boolean {
  return flags.isEnabled('new-checkout', false);
}
