import { describe, expect, it } from 'vitest';
import { summaryLines } from './summary';

const cart = { items: [{ sku: 'B-7', qty: 1, cents: 4999 }] };

describe('the summary in each flow', () => {
  it('promises free returns in the one-page checkout', () => {
    expect(summaryLines(cart)).toContain('Free returns within 30 days');
  });
});
