import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { at, openFixture, read, summarize } from './helpers.js';

describe('local consts and shadowing', () => {
  const { project, file } = openFixture('local-consts');
  const search = file('src/search.ts');
  const call = (arg: string, nth = 0) => at(search, `flags.isEnabled(${arg})`, nth);

  it('resolves module and function consts, not lets, and honours shadowing', () => {
    expect(summarize(project.readsIn(search))).toEqual([
      read('search-v2', 'flags.isEnabled', call('SEARCH_V2')),
      read('search-v2', 'flags.isEnabled', call('RANKING')),
      read('search-facets', 'flags.isEnabled', call('FACETS')),
      read(null, 'flags.isEnabled', call('MUTABLE')),
      read(null, 'flags.isEnabled', call('SEARCH_V2', 1)),
      read(null, 'flags.isEnabled', call('SEARCH_V2', 2)),
      read(null, 'flags.isEnabled', call('SEARCH_V2', 3)),
      read('block-scoped', 'flags.isEnabled', call('SEARCH_V2', 4)),
    ]);
  });

  it('exposes resolveKey for nodes of the project source file', () => {
    const sf = project.sourceFile(search);
    const ids: string[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n) && n.text === 'RANKING' && ts.isCallExpression(n.parent)) ids.push(String(project.resolveKey(n, search)));
      n.forEachChild(visit);
    };
    sf.forEachChild(visit);
    expect(ids).toEqual(['search-v2']);
  });
});
