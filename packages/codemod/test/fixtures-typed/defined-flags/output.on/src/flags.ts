import { flag } from 'flags/next';

export const showBanner = flag({
  key: 'show-banner',
  description: 'The holiday banner above the header',
  decide: () => false,
});
