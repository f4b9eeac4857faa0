import { describe, expect, it } from 'vitest';
import { summaryLines } from './summary';

const cart = { items: [{ sku: 'B-7', qty: 1, cents: 4999 }] };

describe('the summary in each flow', () => {
  it('keeps the old summary short', () => {
    expect(summaryLines(cart)).toHaveLength(2);
  });

  it('always shows the total', () => {
    expect(summaryLines(cart)).toContain('Total: 49.99');
  });
});
