/** Nine rules, one analysis: the file is handed to core once, and not at all when it cannot read a flag. */
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { FlagProject } from '@flagdebt/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import plugin from '../src/index.js';
import { FIXTURES, NOW, storefront } from './rule-tester.js';

function lint(code: string, filename: string): Linter.LintMessage[] {
  return new Linter({ cwd: FIXTURES }).verify(
    code,
    [{ files: ['**/*.tsx'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } }, plugin.configs.strict, { settings: { flagdebt: { now: NOW } } }],
    { filename },
  );
}

afterEach(() => vi.restoreAllMocks());

describe('shared file analysis', () => {
  it('asks core for the reads of a file once, whatever the number of rules', () => {
    const readsIn = vi.spyOn(FlagProject.prototype, 'readsIn');
    const messages = lint(
      `import { flags } from '../flags/client';\nexport const NEW_ON = flags.isEnabled('new-checkout', true);\n`,
      storefront('src/checkout/Cart.tsx'),
    );
    expect(readsIn).toHaveBeenCalledTimes(1);
    // And every rule saw the read: expired, unsafe default, exported as a value.
    expect(messages.map((m) => m.ruleId).sort()).toEqual(['flagdebt/inline-evaluation', 'flagdebt/no-expired', 'flagdebt/safe-default']);
  });

  it('skips files that name no accessor and no wrapper', () => {
    const readsIn = vi.spyOn(FlagProject.prototype, 'readsIn');
    const messages = lint(`export function total(prices: number[]) {\n  return prices.reduce((a, b) => a + b, 0);\n}\n`, storefront('src/checkout/total.tsx'));
    expect(messages).toEqual([]);
    expect(readsIn).not.toHaveBeenCalled();
  });

  it('analyses a file that only calls a wrapper declared in another file', () => {
    const readsIn = vi.spyOn(FlagProject.prototype, 'readsIn');
    const messages = lint(
      `import { isNewCheckoutEnabled } from '../flags/hooks';\nexport const label = () => (isNewCheckoutEnabled() ? 'New' : 'Classic');\n`,
      storefront('src/checkout/Label.tsx'),
    );
    expect(readsIn).toHaveBeenCalledTimes(1);
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['flagdebt/no-expired', 2, 29]]);
  });

  it('re-analyses the same path when its text changes (an editor buffer)', () => {
    const file = storefront('src/checkout/Cart.tsx');
    expect(lint(`import { useFlag } from '../flags/client';\nexport const a = () => (useFlag('dark-mode') ? 1 : 0);\n`, file)).toEqual([]);
    const after = lint(`import { useFlag } from '../flags/client';\nexport const a = () => (useFlag('legacy-banner') ? 1 : 0);\n`, file);
    expect(after.map((m) => m.ruleId)).toEqual(['flagdebt/no-archived']);
  });
});
