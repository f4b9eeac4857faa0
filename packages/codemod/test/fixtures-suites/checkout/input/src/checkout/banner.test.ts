import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkoutBanner } from './banner';

afterEach(() => {
  delete process.env.FLAG_NEW_CHECKOUT;
  vi.unstubAllEnvs();
});

describe('checkoutBanner', () => {
  it('invites EU shoppers in German', () => {
    process.env.FLAG_NEW_CHECKOUT = 'true';
    expect(checkoutBanner('eu')).toBe('Neuer Checkout');
  });

  it('invites everyone else in English', () => {
    vi.stubEnv('FLAG_NEW_CHECKOUT', 'true');
    expect(checkoutBanner('us')).toBe('Try the new checkout');
  });

  it('shows nothing while the old checkout runs', () => {
    process.env.FLAG_NEW_CHECKOUT = 'false';
    expect(checkoutBanner('us')).toBeNull();
  });
});
