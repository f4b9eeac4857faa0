/**
 * Which blobs spell one of a list of words, kept from one point to the next. A steering change
 * asks every source file of the tree whether it can hold a read (it spells an accessor or a
 * wrapper): on Unleash ~14 MB of text, ~70 ms per week it happens. A blob's text never changes,
 * so while the word list stays the same only the blobs not asked before are searched.
 */
import { trieSource } from '@flagdebt/core';

export class SpellerMemo {
  private words = '';
  /** `CandidateFilter.matches` for words alone, as one expression: one pass over a text, not one per word. */
  private pattern: RegExp | null | undefined;
  /** Verdicts for `words`, by blob id. */
  private readonly verdicts = new Map<string, boolean>();

  /** Whether `blob` spells one of `words` as a whole word (`CandidateFilter.matches`). */
  spellerOf(words: readonly string[], text: (blob: string) => string | undefined): (blob: string) => boolean {
    const key = [...new Set(words)].sort().join('\u0000');
    if (key !== this.words || this.pattern === undefined) {
      // Another list (a wrapper came or went): the old verdicts say nothing about it.
      this.words = key;
      const list = [...new Set(words)].filter((w) => /^[\w$]+$/.test(w));
      this.pattern = list.length === 0 ? null : new RegExp(`(?<![\\w$])${trieSource(list)}(?![\\w$])`);
      this.verdicts.clear();
    }
    const pattern = this.pattern;
    return (blob) => {
      let verdict = this.verdicts.get(blob);
      if (verdict === undefined) this.verdicts.set(blob, (verdict = pattern !== null && pattern.test(text(blob) ?? '')));
      return verdict;
    };
  }
}
