import { useFlag } from './lib/flags';

function legacyLabel(): string {
  return 'Go to checkout';
}

export function cartButton(): string {
  return useFlag('new-checkout') ? 'Pay now' : legacyLabel();
}
