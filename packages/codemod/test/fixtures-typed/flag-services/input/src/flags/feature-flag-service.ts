import { LiveData } from '../lib/live-data';

/** Every flag of the storefront, with what the settings screen shows about it. */
export const STORE_FLAGS = {
  one_click_checkout: { displayName: 'One-click checkout', defaultState: false },
  saved_carts: { displayName: 'Saved carts', defaultState: false },
};

export interface Flag {
  readonly value: boolean;
  readonly $: LiveData<boolean>;
  set(value: boolean): void;
}

function handle(defaultState: boolean): Flag {
  const live = new LiveData(defaultState);
  return {
    get value() {
      return live.value;
    },
    $: live,
    set: (value) => live.next(value),
  };
}

export class FeatureFlagService {
  readonly flags: { [K in keyof typeof STORE_FLAGS]: Flag } = {
    one_click_checkout: handle(STORE_FLAGS.one_click_checkout.defaultState),
    saved_carts: handle(STORE_FLAGS.saved_carts.defaultState),
  };
}
