import { describe, expect, it } from 'vitest';
import { at, openFixture, read, summarize } from './helpers.js';

describe('enum keys', () => {
  const { project, file } = openFixture('enums');
  const app = file('src/app.ts');
  const call = (arg: string) => at(app, `flags.isEnabled(${arg}`);

  it('resolves string enum members, const enums, bracket names and aliases; numeric members are dynamic', () => {
    expect(summarize(project.readsIn(app))).toEqual([
      read('new-checkout', 'flags.isEnabled', call('Flags.NewCheckout')),
      read('dark-mode', 'flags.isEnabled', call("Flags['Dark Mode']")),
      read('price-test', 'flags.isEnabled', call('Experiments.PriceTest')),
      read('new-checkout', 'flags.isEnabled', call('FlagsAlias.NewCheckout')),
      read('audit-log', 'flags.isEnabled', call('auditKey')),
      read(null, 'flags.isEnabled', call('Flags.Legacy')),
    ]);
  });
});
