import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockFlag, resetFlags } from '../../test/flags';
import type { Cart } from './cart';
import { legacyAddressStep } from './legacy-address';
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
    mockFlag('new-checkout', true);
    expect(checkoutSteps({ ...cart, giftCard: true })).toEqual(['review', 'pay']);
  });

  it('asks for details on the one-page checkout', () => {
    mockFlag('new-checkout', true);
    const steps = checkoutSteps(cart);
    expect(steps).toEqual(['details', 'pay']);
  });

  it('walks through the legacy steps when new-checkout is off', () => {
    mockFlag('new-checkout', false);
    expect(checkoutSteps(cart)).toEqual(['cart', legacyAddressStep(cart), 'shipping', 'pay']);
  });

  it('always ends with payment', () => {
    expect(checkoutSteps(cart).at(-1)).toBe('pay');
  });

  it.each([
    [true, 2],
    [false, 4],
  ])('with new-checkout=%s has %i steps', (enabled, count) => {
    mockFlag('new-checkout', enabled);
    expect(checkoutSteps(cart)).toHaveLength(count);
  });
});

describe('the legacy flow', () => {
  beforeEach(() => {
    mockFlag('new-checkout', false);
  });

  it('asks for an address when something ships', () => {
    expect(checkoutSteps(cart)[1]).toBe('address');
  });

  it('asks only for an email when everything is digital', () => {
    expect(checkoutSteps({ items: [{ sku: 'D-1', qty: 1, cents: 100 }] })[1]).toBe('email');
  });
});
