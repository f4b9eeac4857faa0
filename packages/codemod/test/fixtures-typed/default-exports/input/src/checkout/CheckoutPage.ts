import { flags } from '../flags';
import LegacyCheckout from './LegacyCheckout';
import NewCheckout from './NewCheckout';
import OldSummary from './OldSummary';
import Receipt from './Receipt';
import formatTotal from './Totals';
import LegacyCartPage from '../pages/legacy-cart';

export function checkoutPage(total: number, items: number): string {
  if (flags.isEnabled('new-checkout', false)) {
    return NewCheckout(total);
  }
  return [LegacyCartPage(), LegacyCheckout(total), OldSummary(items), Receipt(total), formatTotal(total)].join('\n');
}
