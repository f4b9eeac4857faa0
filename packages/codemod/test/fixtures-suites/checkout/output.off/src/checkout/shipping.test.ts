import { afterEach, describe, expect, it } from 'vitest';
import { resetFlags } from '../../test/flags';
import { shippingNote } from './shipping';

afterEach(() => resetFlags());

describe('shippingNote', () => {
  // Sets nothing: runs with the flag's default (off), that is the old checkout.
  it('leaves shipping to the next step', () => {
    expect(shippingNote({ items: [{ sku: 'T-1', qty: 1, cents: 2000 }] })).toBe('Shipping is calculated at the next step');
  });
});
