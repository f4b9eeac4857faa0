import { describe, expect, it } from 'vitest';
import { at, openFixture, read, summarize } from './helpers.js';

describe('components found as gates by prop', () => {
  const { project, file } = openFixture('component-gates');
  const page = file('src/Page.tsx');
  const notGates = file('src/NotGates.tsx');

  it('reads a component that passes a prop to an accessor at its JSX, and reports a key it cannot resolve as dynamic', () => {
    expect(summarize(project.readsIn(page))).toEqual([
      read('new-page', 'Gate', at(page, '<Gate flag="new-page">')),
      read(null, 'Gate', at(page, "<Gate flag={'new-'")),
    ]);
    expect(project.readsIn(file('src/Gate.tsx'))).toEqual([]);
  });

  it('does not take a shadowed name, a `let`, a lower-case function or a component in a .ts file for a prop read', () => {
    expect(summarize(project.readsIn(notGates))).toEqual([
      read(null, 'useFlag', at(notGates, 'useFlag(flag) ?')),
      read(null, 'useFlag', at(notGates, 'useFlag(key)')),
      read(null, 'useFlag', at(notGates, 'useFlag(flag);')),
    ]);
    const flags = file('src/flags.ts');
    expect(summarize(project.readsIn(flags))).toEqual([read(null, 'useFlag', at(flags, 'useFlag(flag)'))]);
    expect(project.discoverWrappers([notGates, flags]).filter((w) => w.keyProp !== undefined)).toEqual([]);
  });
});
