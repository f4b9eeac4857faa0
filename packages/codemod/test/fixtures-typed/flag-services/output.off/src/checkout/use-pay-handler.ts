import { useAsyncCallback } from '../lib/di';

/** What the pay button does: one-click pays with the saved card, otherwise the form opens. */
export function usePayHandler(pay: (savedCard: boolean) => Promise<void>): () => void {
  return useAsyncCallback(async () => {
    await pay(false);
  }, [pay]);
}
