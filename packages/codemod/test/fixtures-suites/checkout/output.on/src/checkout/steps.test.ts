import { afterEach, describe, expect, it } from 'vitest';
import { mockFlag, resetFlags } from '../../test/flags';
import type { Cart } from './cart';
import { checkoutSteps } from './steps';

const cart: Cart = {
  items: [
    { sku: 'B-100', qty: 1, cents: 2500 },
    { sku: 'D-200', qty: 2, cents: 900 },
  ],
};

afterEach(() => resetFlags());

describe('checkoutSteps', () => {
  it('skips the details step for gift cards on the one-page checkout', () => {
    expect(checkoutSteps({ ...cart, giftCard: true })).toEqual(['review', 'pay']);
  });

  it('asks for details on the one-page checkout', () => {
    const steps = checkoutSteps(cart);
    expect(steps).toEqual(['details', 'pay']);
  });

  it('always ends with payment', () => {
    expect(checkoutSteps(cart).at(-1)).toBe('pay');
  });

  it.each([
    [true, 2],
  ])('with new-checkout=%s has %i steps', (enabled, count) => {
    mockFlag('new-checkout', enabled);
    expect(checkoutSteps(cart)).toHaveLength(count);
  });
});
