import { describe, expect, it } from 'vitest';
import type { Accessor } from '../../src/index.js';
import { at, openFixture, read, summarize } from './helpers.js';

/** Reads whose value is a property of the result, a promise or an observable: still references. */
const ACCESSORS: Accessor[] = [
  { call: 'useFeature', keyArg: 0 },
  { call: 'useGate', keyArg: 0 },
  { call: 'flags.evaluate', keyArg: 0 },
  { call: 'flags.observe', keyArg: 0 },
];

describe('result reads', () => {
  const { project, file } = openFixture('result-reads', ACCESSORS);

  it('reads `.on`, `.value`, destructured results and hooks returning `.on` or a const\'s `.value`', () => {
    const cart = file('src/components/Cart.tsx');
    expect(summarize(project.readsIn(cart))).toEqual([
      read('new-cart', 'useNewCart', at(cart, 'useNewCart();')),
      read('checkout-copy', 'useFeature', at(cart, 'useFeature(Features.CheckoutCopy)')),
      read('recommendations', 'useFeature', at(cart, 'useFeature(Features.Recommendations)')),
      read('express_checkout', 'useGate', at(cart, 'useGate(')),
      read('express_checkout', 'useExpressCheckout', at(cart, 'useExpressCheckout()')),
    ]);
    const hooks = file('src/features/hooks.ts');
    expect(summarize(project.readsIn(hooks))).toEqual([
      read('new-cart', 'useFeature', at(hooks, 'useFeature(Features.NewCart)'), { inWrapper: true }),
      read('express_checkout', 'useGate', at(hooks, 'useGate("express_checkout")'), { inWrapper: true }),
    ]);
  });

  it('reads awaited evaluations and observed flags', () => {
    const pricing = file('src/server/pricing.ts');
    expect(summarize(project.readsIn(pricing))).toEqual([
      read('recommendations', 'flags.observe', at(pricing, 'flags.observe(')),
      read('new-cart', 'flags.evaluate', at(pricing, 'flags.evaluate(')),
    ]);
  });
});
