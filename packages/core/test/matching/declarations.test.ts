import { describe, expect, it } from 'vitest';
import { FlagProject } from '../../src/index.js';
import { ACCESSORS, at, declSummary, fixtureDir, openFixture } from './helpers.js';

const REGISTERED = ['new-checkout', 'dark-mode', 'search-v2', 'reviews-v2'];

describe('key declarations', () => {
  it('lists members of used and wrapper-typed key sources, and registered members of flag-named ones', () => {
    const root = fixtureDir('declarations');
    const project = new FlagProject({ root, accessors: ACCESSORS, registered: REGISTERED });
    const file = (rel: string) => `${root}/${rel}`;
    const keys = file('src/keys.ts');
    project.readsIn(file('src/app.ts'));
    const d = (key: string, declKind: string, container: string, snippet: string) => ({ key, declKind, container, ...at(keys, snippet) });
    expect(declSummary(project.declarationsIn(keys))).toEqual([
      d('new-checkout', 'enum-member', 'Flags', "NewCheckout = 'new-checkout'"),
      d('dark-mode', 'enum-member', 'Flags', "DarkMode = 'dark-mode'"),
      d('red', 'enum-member', 'Colors', "Red = 'red'"),
      d('blue', 'enum-member', 'Colors', "Blue = 'blue'"),
      d('pricing-test', 'const-object-property', 'Experiments', "pricing: 'pricing-test'"),
      d('onboarding-v2', 'const-object-property', 'Experiments', "v2: 'onboarding-v2'"),
      d('search-v2', 'const-object-property', 'FEATURE_KEYS', "search: 'search-v2'"),
      d('reviews-v2', 'union-member', 'ToggleName', "'reviews-v2'"),
      d('one-tap', 'union-member', 'Key', "'one-tap'"),
      d('express', 'union-member', 'Key', "'express'"),
      d('one-tap', 'const', 'ONE_TAP', "ONE_TAP = 'one-tap'"),
    ]);
  });

  it('without reads or a registry, only wrapper key types count: a name alone declares nothing', () => {
    const { project, file } = openFixture('declarations');
    const keys = file('src/keys.ts');
    project.declarationsIn(file('src/app.ts'));
    const containers = new Set(project.declarationsIn(keys).map((x) => x.container));
    expect([...containers]).toEqual(['Key']);
  });

  it('a flag-named object whose strings are schema values declares nothing unless they are registered keys', () => {
    const root = fixtureDir('declarations');
    const project = new FlagProject({ root, accessors: ACCESSORS, registered: ['new-checkout'] });
    const decls = project.declarationsIn(`${root}/src/keys.ts`);
    expect(decls.map((x) => `${x.container}:${x.key}`)).toEqual(['Flags:new-checkout']);
  });

  it("follows a wrapper's key type back to the object it is derived from", () => {
    const { project, file } = openFixture('declarations');
    const catalog = file('src/catalog.ts');
    project.discoverWrappers([file('src/catalog-page.ts')]);
    expect(declSummary(project.declarationsIn(catalog))).toEqual([
      { key: 'catalog-grid', declKind: 'const-object-property', container: 'CATALOG', ...at(catalog, "grid: 'catalog-grid'") },
      { key: 'catalog-filters', declKind: 'const-object-property', container: 'CATALOG', ...at(catalog, "filters: 'catalog-filters'") },
    ]);
  });
});
