import { CartService } from './cart-service';
import { FeatureFlagService } from '../flags/feature-flag-service';
import { useServices } from '../lib/di';
import { LiveData } from '../lib/live-data';

/** The line under the cart's total. */
export function useCartSummary(): string {
  const { cartService } = useServices({ FeatureFlagService, CartService });
  const total = cartService.total();
  return `Pay ${total} now`;
}

/** Whether the "pay now" badge shows on the cart icon, from live inputs. */
export function payNowBadge(featureFlagService: FeatureFlagService, items: LiveData<number>): LiveData<boolean> {
  return LiveData.computed((get) => get(items) > 0);
}
