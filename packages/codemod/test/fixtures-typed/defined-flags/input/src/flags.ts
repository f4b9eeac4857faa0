import { flag } from 'flags/next';

export const freeShipping = flag<boolean>({
  key: 'free-shipping',
  defaultValue: false,
  decide: () => false,
});

export const showBanner = flag({
  key: 'show-banner',
  description: 'The holiday banner above the header',
  decide: () => false,
});
