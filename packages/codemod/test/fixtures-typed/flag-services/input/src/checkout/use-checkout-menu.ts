import { FeatureFlagService } from '../flags/feature-flag-service';
import { useService } from '../lib/di';
import { useLiveData } from '../lib/live-data';

/** The cart's menu entries. */
export function useCheckoutMenu(): string[] {
  const featureFlagService = useService(FeatureFlagService);
  const oneClick = useLiveData(featureFlagService.flags.one_click_checkout.$);
  const items = ['View cart'];
  if (oneClick) {
    items.push('Buy now');
  } else {
    items.push('Go to checkout');
  }
  return items;
}
