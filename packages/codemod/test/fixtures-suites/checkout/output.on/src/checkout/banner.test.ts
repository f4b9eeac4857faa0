import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkoutBanner } from './banner';

afterEach(() => {
  delete process.env.FLAG_NEW_CHECKOUT;
  vi.unstubAllEnvs();
});

describe('checkoutBanner', () => {
  it('invites EU shoppers in German', () => {
    expect(checkoutBanner('eu')).toBe('Neuer Checkout');
  });

  it('invites everyone else in English', () => {
    expect(checkoutBanner('us')).toBe('Try the new checkout');
  });
});
