import { describe, expect, it } from 'vitest';
import { at, openFixture, read, summarize } from './helpers.js';

describe('dynamic keys', () => {
  it('reports every unresolvable key as dynamic, never guessed', () => {
    const { project, file } = openFixture('dynamic-keys');
    const f = file('src/experiments.ts');
    const call = (arg: string) => at(f, `flags.isEnabled(${arg})`);
    const reads = project.readsIn(f);
    expect(summarize(reads)).toEqual([
      read(null, 'flags.isEnabled', call('key')),
      read(null, 'flags.isEnabled', call('`exp-${user.id}`')),
      read(null, 'flags.isEnabled', call("'exp-' + name")),
      read(null, 'flags.isEnabled', call('name.toLowerCase()')),
      read(null, 'flags.isEnabled', call('current')),
      read(null, 'flags.isEnabled', call('')),
      read(null, 'flags.isEnabled', call('...[name]')),
      read('exp', 'flags.isEnabled', call('PREFIX')),
    ]);
    expect(reads[5].keySpan).toBeUndefined();
  });
});
