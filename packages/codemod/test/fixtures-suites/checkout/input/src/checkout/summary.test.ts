import { describe, expect, it, vi } from 'vitest';
import { summaryLines } from './summary';

// The old checkout: no free-returns promise.
vi.mock('./rollout', () => ({ isNewCheckoutEnabled: () => false }));

describe('summaryLines in the old checkout', () => {
  it('lists the items and the total', () => {
    expect(summaryLines({ items: [{ sku: 'B-1', qty: 2, cents: 1250 }] })).toEqual(['2 x B-1', 'Total: 25.00']);
  });

  it('promises nothing about returns', () => {
    expect(summaryLines({ items: [] }).some((line) => line.includes('returns'))).toBe(false);
  });
});
