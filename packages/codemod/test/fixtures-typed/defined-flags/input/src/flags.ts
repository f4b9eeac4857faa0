import { flag } from 'flags/next';

export const showBanner = flag({
  key: 'show-banner',
  description: 'The holiday banner above the header',
  decide: () => false,
});

export const freeShipping = flag<boolean>({
  key: 'free-shipping',
  defaultValue: false,
  decide: () => false,
});
