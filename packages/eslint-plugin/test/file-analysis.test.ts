/** Nine rules, one analysis: the file is handed to core once, and not at all when it cannot read a flag. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

  it('parses again a skimmed function that calls a wrapper first seen after the warm-up (an editor session)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'flagdebt-skim-'));
    try {
      cpSync(path.join(FIXTURES, 'storefront'), dir, { recursive: true });
      const report = path.join(dir, 'src/admin/summary.ts');
      const beta = path.join(dir, 'src/admin/beta.ts');
      const reportText = [
        "import { flags } from '../flags/client';",
        "import { useBeta } from './beta';",
        '',
        'export function darkTheme(): boolean {',
        "  return flags.isEnabled('dark-mode', false);",
        '}',
        '',
        'export function summary(): string {',
        "  return useBeta() ? 'beta' : 'stable';",
        '}',
        '',
      ].join('\n');
      writeFileSync(report, reportText);
      writeFileSync(beta, 'export function useBeta(): boolean {\n  return false;\n}\n');
      const lintIn = (code: string, filename: string) =>
        new Linter({ cwd: dir }).verify(
          code,
          [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended, { settings: { flagdebt: { now: NOW } } }],
          { filename },
        );

      // The warm-up parsed summary.ts skimmed: `summary()` names no accessor or wrapper yet.
      expect(lintIn(reportText, report).map((m) => m.ruleId)).toEqual([]);
      // The editor (unsaved) turns useBeta into a wrapper of an expired flag...
      const wrapper = "import { flags } from '../flags/client';\nexport function useBeta(): boolean {\n  return flags.isEnabled('new-checkout', false);\n}\n";
      expect(lintIn(wrapper, beta).map((m) => [m.ruleId, m.line])).toEqual([['flagdebt/no-expired', 3]]);
      // ...and the call in summary.ts, inside the function that was not parsed, is a read now.
      expect(lintIn(reportText, report).map((m) => [m.ruleId, m.line, m.column])).toEqual([['flagdebt/no-expired', 9, 10]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the TypeScript tree', () => {
  it("is typescript-eslint's own: core does not parse the linted file again", () => {
    let tree: unknown;
    const capture = {
      rules: {
        tree: {
          create: (context: { sourceCode: { ast: object; parserServices?: { esTreeNodeToTSNodeMap?: { get(node: object): unknown } } } }) => ({
            Program: () => {
              tree = context.sourceCode.parserServices?.esTreeNodeToTSNodeMap?.get(context.sourceCode.ast);
            },
          }),
        },
      },
    };
    const filename = storefront('src/checkout/Cart.tsx');
    const sourceFile = vi.spyOn(FlagProject.prototype, 'sourceFile');
    const code = `import { flags } from '../flags/client';\nexport const on = () => (flags.isEnabled('new-checkout', false) ? 1 : 0);\n`;
    const messages = new Linter({ cwd: FIXTURES }).verify(
      code,
      [
        { files: ['**/*.tsx'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
        { plugins: { capture }, rules: { 'capture/tree': 'error' } },
        plugin.configs.recommended,
        { settings: { flagdebt: { now: NOW } } },
      ],
      { filename },
    );
    expect(messages.map((m) => m.ruleId)).toEqual(['flagdebt/no-expired']);
    expect(tree).toBeDefined();
    const used = sourceFile.mock.results.find((r, i) => sourceFile.mock.calls[i][0] === filename)?.value;
    expect(used).toBe(tree);
  });
});
