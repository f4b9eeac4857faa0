import { describe, expect, it } from 'vitest';
import { FlagProject } from '../../src/index.js';
import { ACCESSORS, at, fixtureDir, openFixture, read, summarize } from './helpers.js';

describe('tsconfig paths', () => {
  const { project, file } = openFixture('tsconfig-paths');
  const home = file('apps/web/src/home.ts');
  const call = (arg: string) => at(home, `flags.isEnabled(${arg})`);

  it('resolves path aliases from an extended tsconfig (relative to the file that declares them)', () => {
    expect(project.resolveModule('@acme/flags', home)).toBe(file('packages/flags/src/index.ts'));
    expect(summarize(project.readsIn(home))).toEqual([
      read('search-everywhere', 'flags.isEnabled', call('SEARCH')),
      read('one-tap-reorder', 'flags.isEnabled', call('Flag.Reorder')),
      read('deep-import', 'flags.isEnabled', call('DEEP_IMPORT')),
    ]);
  });

  it('finds the tsconfig above a nested root, and can be told not to read one', () => {
    const nested = new FlagProject({ root: fixtureDir('tsconfig-paths/apps/web'), accessors: ACCESSORS });
    expect(nested.resolveModule('@acme/flags', home)).toBe(file('packages/flags/src/index.ts'));
    const none = new FlagProject({ root: fixtureDir('tsconfig-paths'), accessors: ACCESSORS, tsconfig: false });
    expect(none.resolveModule('@acme/flags', home)).toBeNull();
    expect(none.readsIn(home).map((r) => r.kind)).toEqual(['dynamic', 'dynamic', 'dynamic']);
  });
});
