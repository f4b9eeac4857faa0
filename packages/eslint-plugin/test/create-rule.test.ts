import { describe, expect, it } from 'vitest';
import type { TSESLint } from '@typescript-eslint/utils';
import { createRule, DOCS_BASE_URL } from '../src/create-rule.js';

type Options = [{ max?: number; names?: string[] }];

/** A rule that hands back the options it was created with. */
function probe() {
  const seen: Readonly<Options>[] = [];
  const rule = createRule<Options, 'x'>({
    name: 'probe',
    meta: { type: 'suggestion', docs: { description: 'probe' }, schema: [{ type: 'object' }], messages: { x: 'x' } },
    defaultOptions: [{ max: 3, names: ['a'] }],
    create(_context, options) {
      seen.push(options);
      return {};
    },
  });
  const create = (options: unknown[]) => rule.create({ options } as unknown as Parameters<typeof rule.create>[0]);
  return { rule, seen, create };
}

describe('createRule', () => {
  it('keeps RuleCreator metadata: the docs URL and the name', () => {
    const { rule } = probe();
    expect(rule.meta.docs?.url).toBe(`${DOCS_BASE_URL}probe.md`);
    expect(rule.name).toBe('probe');
  });

  it('merges the default options into the configured ones, as RuleCreator does', () => {
    const { seen, create } = probe();
    create([]);
    create([{ max: 5 }]);
    expect(seen[0]).toEqual([{ max: 3, names: ['a'] }]);
    expect(seen[1]).toEqual([{ max: 5, names: ['a'] }]);
  });

  it('merges each distinct configuration once and shares it, frozen, across files', () => {
    const { seen, create } = probe();
    create([{ max: 5 }]);
    create([{ max: 5 }]);
    create([{ max: 6 }]);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).not.toBe(seen[0]);
    expect(Object.isFrozen(seen[0])).toBe(true);
    expect(Object.isFrozen(seen[0][0])).toBe(true);
    expect(Object.isFrozen(seen[0][0].names)).toBe(true);
    expect(() => (seen[0][0] as { max?: number }).max = 1).toThrow(TypeError);
  });

  it('never lets one configuration leak into another through the shared defaults', () => {
    const { seen, create } = probe();
    create([{ names: ['b'] }]);
    create([]);
    expect(seen[0]).toEqual([{ max: 3, names: ['b'] }]);
    expect(seen[1]).toEqual([{ max: 3, names: ['a'] }]);
  });

  it('returns the listeners of the wrapped create', () => {
    const listeners: TSESLint.RuleListener = { Program() {} };
    const rule = createRule<[], 'x'>({
      name: 'listeners',
      meta: { type: 'problem', docs: { description: 'l' }, schema: [], messages: { x: 'x' } },
      defaultOptions: [],
      create: () => listeners,
    });
    expect(rule.create({ options: [] } as unknown as Parameters<typeof rule.create>[0])).toBe(listeners);
  });
});
