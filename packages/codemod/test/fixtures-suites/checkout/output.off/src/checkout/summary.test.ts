import { describe, expect, it } from 'vitest';
import { summaryLines } from './summary';

describe('summaryLines in the old checkout', () => {
  it('lists the items and the total', () => {
    expect(summaryLines({ items: [{ sku: 'B-1', qty: 2, cents: 1250 }] })).toEqual(['2 x B-1', 'Total: 25.00']);
  });

  it('promises nothing about returns', () => {
    expect(summaryLines({ items: [] }).some((line) => line.includes('returns'))).toBe(false);
  });
});
