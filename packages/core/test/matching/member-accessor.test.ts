import { describe, expect, it } from 'vitest';
import { at, openFixture, read, summarize } from './helpers.js';

describe('member accessor', () => {
  const { project, file } = openFixture('member-accessor');
  const header = file('src/header.ts');
  const via = 'config.featureToggles';

  it('reads property, bracket, optional-chain and this-rooted forms; assignments, deletes and method calls are not reads', () => {
    expect(summarize(project.readsIn(header))).toEqual([
      read('searchV2', via, at(header, 'config.featureToggles.searchV2')),
      read('search-suggest', via, at(header, "config.featureToggles['search-suggest']")),
      read('darkHeader', via, at(header, 'window.config?.featureToggles?.darkHeader')),
      read('megaMenu', via, at(header, 'this.config.featureToggles.megaMenu')),
      read('reviews-v2', via, at(header, 'config.featureToggles[TOGGLES.reviews]')),
      read(null, via, at(header, 'config.featureToggles[name]')),
      read('newFooter', via, at(header, 'newFooter,')),
      read('legal-links', via, at(header, "'legal-links': legal")),
    ]);
  });

  it('key spans cover the property name or the bracket argument', () => {
    const reads = project.readsIn(header);
    const text = project.sourceFile(header).text;
    expect(reads.map((r) => text.slice(r.keySpan!.start, r.keySpan!.end)).slice(0, 5)).toEqual([
      'searchV2',
      "'search-suggest'",
      'darkHeader',
      'megaMenu',
      'TOGGLES.reviews',
    ]);
  });
});
