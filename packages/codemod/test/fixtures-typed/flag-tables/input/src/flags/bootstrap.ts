import { checkoutRollout } from './rollout';

/** Values the client starts with before the flag service answers. */
export const BOOTSTRAP = {
  'new-checkout': checkoutRollout,
  'dark-mode': false,
  'saved-carts': false,
};
