import { CartService } from './cart-service';
import { FeatureFlagService } from '../flags/feature-flag-service';
import { useServices } from '../lib/di';
import { LiveData } from '../lib/live-data';

/** The line under the cart's total. */
export function useCartSummary(): string {
  const { featureFlagService, cartService } = useServices({ FeatureFlagService, CartService });
  const total = cartService.total();
  return featureFlagService.flags.one_click_checkout.value ? `Pay ${total} now` : `Total: ${total}`;
}

/** Whether the "pay now" badge shows on the cart icon, from live inputs. */
export function payNowBadge(featureFlagService: FeatureFlagService, items: LiveData<number>): LiveData<boolean> {
  return LiveData.computed((get) => get(featureFlagService.flags.one_click_checkout.$) && get(items) > 0);
}
