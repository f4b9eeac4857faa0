import { FeatureFlagService } from '../flags/feature-flag-service';
import { useAsyncCallback, useServices } from '../lib/di';
import { useLiveData } from '../lib/live-data';

/** What the pay button does: one-click pays with the saved card, otherwise the form opens. */
export function usePayHandler(pay: (savedCard: boolean) => Promise<void>): () => void {
  const { featureFlagService } = useServices({ FeatureFlagService });
  const oneClick = useLiveData(featureFlagService.flags.one_click_checkout.$);
  return useAsyncCallback(async () => {
    await pay(oneClick);
  }, [oneClick, pay]);
}
