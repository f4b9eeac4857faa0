import { describe, expect, it } from 'vitest';
import { at, openFixture, read, summarize } from './helpers.js';

describe('literal keys and call accessor forms', () => {
  const { project, file } = openFixture('literal-keys');
  const checkout = file('src/checkout.ts');

  it('finds every call form in source order, with positions', () => {
    expect(summarize(project.readsIn(checkout))).toEqual([
      read('new-checkout', 'flags.isEnabled', { line: 8, column: 9 }),
      read('tax-v2', 'flags.isEnabled', { line: 11, column: 12 }),
      read('new-banner', 'flags.isEnabled', { line: 18, column: 7 }),
      read('quiet-banner', 'flags.isEnabled', { line: 19, column: 10 }),
      read('deep-path', 'flags.isEnabled', { line: 22, column: 35 }),
      read('bracket-callee', 'flags.isEnabled', { line: 22, column: 83 }),
    ]);
  });

  it('reports default arguments: literals, negative numbers, absent, non-literal', () => {
    const reads = project.readsIn(checkout);
    const byKey = new Map(reads.map((r) => [r.key, r]));
    expect(byKey.get('new-checkout')?.defaultArg).toMatchObject({ present: true, text: 'false', literal: false });
    expect(byKey.get('tax-v2')?.defaultArg).toEqual({ present: false });
    expect(byKey.get('new-banner')?.defaultArg).toMatchObject({ present: true, text: '-1', literal: -1 });
    expect(byKey.get('quiet-banner')?.defaultArg).toMatchObject({ present: true, literal: 'off' });
    expect(byKey.get('deep-path')?.defaultArg?.literal).toBe(3);
    const notLiteral = byKey.get('bracket-callee')?.defaultArg;
    expect(notLiteral).toMatchObject({ present: true, text: '!0' });
    expect(notLiteral && 'literal' in notLiteral).toBe(false);
  });

  it('spans are offsets into the file text that other ASTs can use', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(checkout, 'utf8');
    const r = project.readsIn(checkout)[0];
    expect(text.slice(r.span.start, r.span.end)).toBe("this.flags.isEnabled('new-checkout', false)");
    expect(text.slice(r.keySpan!.start, r.keySpan!.end)).toBe("'new-checkout'");
    expect(text.slice(r.defaultArg!.span!.start, r.defaultArg!.span!.end)).toBe('false');
  });

  it('ignores look-alikes: other objects with the same method, keys in comments and strings', () => {
    expect(project.readsIn(file('src/look-alikes.ts'))).toEqual([]);
  });

  it('matches a single-segment call bare and as a property call, in TSX', () => {
    const banner = file('src/Banner.tsx');
    expect(summarize(project.readsIn(banner))).toEqual([
      read('dark-banner', 'useFlag', at(banner, "useFlag('dark-banner')")),
      read('promo-banner', 'useFlag', at(banner, "hooks.useFlag('promo-banner')")),
    ]);
  });

  it('lists candidate words for the text pre-filter', () => {
    expect(project.candidateWords().sort()).toEqual(['featureToggles', 'getBooleanValue', 'isEnabled', 'useFlag']);
  });
});
