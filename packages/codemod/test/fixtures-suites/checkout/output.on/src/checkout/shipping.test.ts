import { afterEach, describe, expect, it } from 'vitest';
import { resetFlags } from '../../test/flags';
import { shippingNote } from './shipping';

afterEach(() => resetFlags());

describe('shippingNote', () => {
  it('ships large orders for free on the one-page checkout', () => {
    expect(shippingNote({ items: [{ sku: 'T-1', qty: 3, cents: 2000 }] })).toBe('Free shipping');
  });

  it('charges small orders on the one-page checkout', () => {
    expect(shippingNote({ items: [{ sku: 'T-1', qty: 1, cents: 2000 }] })).toBe('Shipping: 4.90');
  });
});
