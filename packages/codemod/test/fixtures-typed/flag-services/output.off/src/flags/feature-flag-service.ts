import { LiveData } from '../lib/live-data';

/** Every flag of the storefront, with what the settings screen shows about it. */
export const STORE_FLAGS = {
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
    saved_carts: handle(STORE_FLAGS.saved_carts.defaultState),
  };
}
