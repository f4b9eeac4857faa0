import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkoutBanner } from './banner';

afterEach(() => {
  delete process.env.FLAG_NEW_CHECKOUT;
  vi.unstubAllEnvs();
});

describe('checkoutBanner', () => {
  it('shows nothing while the old checkout runs', () => {
    expect(checkoutBanner('us')).toBeNull();
  });
});
