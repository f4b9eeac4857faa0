/**
 * The candidate search defers looking into modules that spell no candidate word (core's
 * `FlagProject.deferLookups`), and settles once the words are final: a module that spells a
 * word found later is looked into after all, by discovering again.
 */
import { describe, expect, it } from 'vitest';
import { TreeCache, type FileEntry } from '@flagdebt/core';
import { referencesOf, scanFixture } from './helpers.js';

describe('deferred lookups during the candidate search (deferred-gates)', () => {
  it('finds a gate whose child module spelled no known word when discovery first met it', async () => {
    // `FeatureCard` passes its `flag` prop to `Panel`, whose module spells only `useBetaFlag`,
    // a wrapper discovery finds after `FeatureCard` (the files are analysed in path order).
    const result = await scanFixture('references', 'deferred-gates');
    expect(referencesOf(result, 'beta-card')).toEqual(['src/pages/Home.tsx:6:7 evaluation FeatureCard']);
    expect(referencesOf(result, null)).toEqual([]);
    expect(result.unused).toEqual([]);
  });

  it('does not parse a child module that spells no candidate word (deferred-plain)', async () => {
    const parsed = new Set<string>();
    class Recording extends TreeCache {
      override set(file: string, text: string, skimmed: string | undefined, entry: FileEntry | null): void {
        parsed.add(file.split('/deferred-plain/')[1]);
        super.set(file, text, skimmed, entry);
      }
    }
    const result = await scanFixture('references', 'deferred-plain', { trees: new Recording() });
    expect(referencesOf(result, 'card-badge')).toEqual(['src/cards/PromoCard.tsx:5:17 evaluation useFlag']);
    // `PromoCard` passes its `label` prop to `Tooltip`: looking into `Tooltip` was deferred, and
    // settled without parsing it.
    expect(parsed).toContain('src/cards/PromoCard.tsx');
    expect(parsed).not.toContain('src/cards/Tooltip.tsx');
  });
});
