import { APP_ENV, readOverride } from '../config/env';

export const isLocal = APP_ENV === 'local';

/** Values used when the flag service cannot be reached (offline development, outages). */
export const LOCAL_FLAGS: Record<string, boolean> = {
  'dark-mode': false,
  'bulk-export': readOverride('bulk-export'),
  'saved-carts': !isLocal && APP_ENV !== 'staging',
};
