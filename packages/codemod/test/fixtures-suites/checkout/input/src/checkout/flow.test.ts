import { describe, expect, it, vi } from 'vitest';
import { isNewCheckoutEnabled } from './rollout';
import { summaryLines } from './summary';

vi.mock('./rollout', () => ({ isNewCheckoutEnabled: vi.fn(() => false) }));

const cart = { items: [{ sku: 'B-7', qty: 1, cents: 4999 }] };

describe('the summary in each flow', () => {
  it('promises free returns in the one-page checkout', () => {
    vi.mocked(isNewCheckoutEnabled).mockReturnValue(true);
    expect(summaryLines(cart)).toContain('Free returns within 30 days');
  });

  it('keeps the old summary short', () => {
    vi.mocked(isNewCheckoutEnabled).mockReturnValue(false);
    expect(summaryLines(cart)).toHaveLength(2);
  });

  it('always shows the total', () => {
    expect(summaryLines(cart)).toContain('Total: 49.99');
  });
});
