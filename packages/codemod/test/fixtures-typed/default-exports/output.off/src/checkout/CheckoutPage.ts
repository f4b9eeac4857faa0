import LegacyCheckout from './LegacyCheckout';
import OldSummary from './OldSummary';
import Receipt from './Receipt';
import formatTotal from './Totals';
import LegacyCartPage from '../pages/legacy-cart';

export function checkoutPage(total: number, items: number): string {
  return [LegacyCartPage(), LegacyCheckout(total), OldSummary(items), Receipt(total), formatTotal(total)].join('\n');
}
