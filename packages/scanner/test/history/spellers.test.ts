import { CandidateFilter } from '@flagdebt/core';
import { describe, expect, it } from 'vitest';
import { SpellerMemo } from '../../src/history/spellers.js';

// After a steering change, history asks every source file whether it can hold a read. Verdicts
// are kept by blob while the word list (accessors and wrapper names) stays the same.
const texts: Record<string, string> = {
  checkout: "import { useFlag } from './flags';\nexport const pay = () => useFlag('checkout-v2');\n",
  banner: "import { useBanner } from './banner-flag';\nexport const show = () => useBanner();\n",
  money: 'export const cents = (n: number) => Math.round(n * 100);\n',
  spelledInside: 'export const useFlagged = 1; // a longer name, not the hook\n',
  dollar: 'const flag = $feature.enabled && use$Flag();\n',
  prefixes: 'export const variant = flags.get(1) + useFlags;\n',
};

describe('SpellerMemo', () => {
  it('searches each blob once while the words stay the same', () => {
    const asked: string[] = [];
    const memo = new SpellerMemo();
    const text = (blob: string) => {
      asked.push(blob);
      return texts[blob];
    };
    const spells = memo.spellerOf(['useFlag'], text);
    expect(Object.keys(texts).filter(spells)).toEqual(['checkout']);
    // The same words in another order and twice over: the same list.
    const again = memo.spellerOf(['useFlag', 'useFlag'], text);
    expect(Object.keys(texts).filter(again)).toEqual(['checkout']);
    expect(asked).toEqual(Object.keys(texts));
  });

  it('answers as the pre-filter of a scan does for the same words', () => {
    const lists = [['useFlag'], ['use', 'useFlag', 'useFlags'], ['$feature', 'use$Flag'], ['flags', 'get'], ['with-dash', 'useBanner'], []];
    for (const words of lists) {
      const spells = new SpellerMemo().spellerOf(words, (blob) => texts[blob]);
      const filter = new CandidateFilter(words);
      for (const blob of Object.keys(texts)) expect(spells(blob), `${words.join(',')} on ${blob}`).toBe(filter.matches(texts[blob]));
    }
  });

  it('asks again when a word comes or goes (a wrapper appeared)', () => {
    const memo = new SpellerMemo();
    const text = (blob: string) => texts[blob];
    expect(Object.keys(texts).filter(memo.spellerOf(['useFlag'], text))).toEqual(['checkout']);
    // banner was "no" for useFlag alone; with the wrapper it spells, it must be "yes".
    expect(Object.keys(texts).filter(memo.spellerOf(['useFlag', 'useBanner'], text))).toEqual(['checkout', 'banner']);
    expect(Object.keys(texts).filter(memo.spellerOf(['useBanner'], text))).toEqual(['banner']);
  });
});
