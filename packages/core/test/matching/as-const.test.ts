import { describe, expect, it } from 'vitest';
import { at, openFixture, read, summarize } from './helpers.js';

describe('as const objects', () => {
  const { project, file } = openFixture('as-const');
  const search = file('src/search.ts');
  const call = (arg: string) => at(search, `flags.isEnabled(${arg}`);

  it('resolves nested, bracket and destructured properties of as-const, frozen and satisfies objects; not mutable objects or let bindings', () => {
    expect(summarize(project.readsIn(search))).toEqual([
      read('new-search', 'flags.isEnabled', call('FLAGS.newSearch')),
      read('search-ranking-v3', 'flags.isEnabled', call("FLAGS['search-ranking']")),
      read('checkout-v2', 'flags.isEnabled', call('FLAGS.checkout.v2')),
      read('express-checkout', 'flags.isEnabled', call('(FLAGS.checkout as')),
      read('promo-banner', 'flags.isEnabled', call('FROZEN.banner')),
      read('reviews-v2', 'flags.isEnabled', call('CHECKED.reviews')),
      read('local-sort', 'flags.isEnabled', call('LOCAL.sort!')),
      read(null, 'flags.isEnabled', call('MUTABLE.plain')),
      read(null, 'flags.isEnabled', call('FLAGS.checkout as unknown')),
      read('new-search', 'flags.isEnabled', call('newSearch')),
      read('checkout-v2', 'flags.isEnabled', call('CHECKOUT_V2')),
      read(null, 'flags.isEnabled', call('banner')),
    ]);
  });
});
