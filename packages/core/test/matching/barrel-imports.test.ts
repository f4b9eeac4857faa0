import { describe, expect, it } from 'vitest';
import { at, openFixture, read, summarize } from './helpers.js';

describe('imported consts through a barrel', () => {
  const { project, file } = openFixture('barrel-imports');
  const page = file('src/pages/checkout.ts');
  const call = (arg: string) => at(page, `flags.isEnabled(${arg})`);

  it('follows named, aliased, namespace and default imports, with and without .js', () => {
    expect(summarize(project.readsIn(page))).toEqual([
      read('new-checkout', 'flags.isEnabled', call('NEW_CHECKOUT')),
      read('one-click-buy', 'flags.isEnabled', call('BUY_NOW')),
      read('retired-banner', 'flags.isEnabled', call('keys.RETIRED')),
      read('new-checkout', 'flags.isEnabled', call("keys['NEW_CHECKOUT']")),
      read('holiday-theme', 'flags.isEnabled', call('HOLIDAY')),
      read('holiday-theme', 'flags.isEnabled', call('holiday')),
      read(null, 'flags.isEnabled', call('keys.MISSING')),
    ]);
  });

  it('resolves specifiers the way TypeScript does', () => {
    expect(project.resolveModule('../flags/index.js', page)).toBe(file('src/flags/index.ts'));
    expect(project.resolveModule('../flags', page)).toBe(file('src/flags/index.ts'));
    expect(project.resolveModule('../flags/keys', page)).toBe(file('src/flags/keys.ts'));
    expect(project.resolveModule('../nowhere.js', page)).toBeNull();
    expect(project.resolveModule('react', page)).toBeNull();
  });
});
