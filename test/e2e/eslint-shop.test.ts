/**
 * ESLint 10 with the built plugin on fixtures/shop, the same project the scanner and codemod
 * tests use. Every expected finding below is derived from fixtures/shop/EXPECTED.md (flag
 * states at 2026-11-21, read positions, unsafe default, archived read, unregistered and
 * dynamic keys); key-level findings sit at the key argument, the rest at the read.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import flagdebt from '@flagdebt/eslint-plugin';
import { describe, expect, it } from 'vitest';

const SHOP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/shop');

interface Finding {
  rule: string;
  file: string;
  line: number;
  column: number;
}

function lintConfig(extra: Linter.Config[], typed = false): Linter.Config[] {
  return [
    // Mirrors fixtures/shop/.gitignore, which the scanner honours and ESLint does not.
    { ignores: ['src/generated/**'] },
    {
      files: ['**/*.{ts,tsx}'],
      languageOptions: {
        parser: tseslint.parser,
        parserOptions: typed ? { projectService: true, tsconfigRootDir: SHOP } : { ecmaFeatures: { jsx: true } },
      },
      // The shop has `eslint-disable` comments for react-hooks, which this run does not load.
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
    ...extra,
    { settings: { flagdebt: { now: '2026-11-21' } } },
  ];
}

async function lintShop(config: Linter.Config[]): Promise<{ findings: Finding[]; fatal: string[] }> {
  const eslint = new ESLint({ cwd: SHOP, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(['src']);
  const findings: Finding[] = [];
  const fatal: string[] = [];
  for (const result of results) {
    const file = path.relative(SHOP, result.filePath).split(path.sep).join('/');
    for (const m of result.messages) {
      if (m.fatal) fatal.push(`${file}: ${m.message}`);
      if (m.ruleId?.startsWith('flagdebt/')) findings.push({ rule: m.ruleId, file, line: m.line, column: m.column });
    }
  }
  return { findings, fatal };
}

const f = (rule: string, file: string, line: number, column: number): Finding => ({ rule: `flagdebt/${rule}`, file, line, column });

const RECOMMENDED: Finding[] = [
  // new-checkout is complete (value true): every read, wrapper calls and wrapper bodies included.
  f('ready-to-remove', 'src/components/CartSummary.tsx', 12, 14),
  f('ready-to-remove', 'src/components/Header.tsx', 6, 23),
  f('ready-to-remove', 'src/components/OrderSteps.tsx', 4, 19),
  f('ready-to-remove', 'src/hooks/useNewCheckout.ts', 3, 37),
  f('ready-to-remove', 'src/hooks/useOnePageCheckout.ts', 5, 10),
  f('ready-to-remove', 'src/pages/CheckoutPage.tsx', 12, 23),
  f('ready-to-remove', 'src/server/checkout.ts', 26, 7),
  f('ready-to-remove', 'src/server/__tests__/checkout.test.ts', 22, 10),
  // checkout-button-color and promo-banner are complete too.
  f('ready-to-remove', 'src/components/CheckoutButton.tsx', 4, 19),
  f('ready-to-remove', 'src/components/CartSummary.tsx', 13, 19),
  f('ready-to-remove', 'src/components/ProductList.tsx', 14, 17),
  f('ready-to-remove', 'src/pages/HomePage.tsx', 15, 21),
  // search-v2 is active and expired on 2026-11-15.
  f('no-expired', 'src/components/SearchBar.tsx', 7, 20),
  f('no-expired', 'src/hooks/useSearch.ts', 10, 19),
  f('no-expired', 'src/server/search.ts', 17, 7),
  f('no-expired', 'src/lib/__tests__/flags.test.ts', 6, 10),
  f('no-expired', 'src/lib/__tests__/flags.test.ts', 12, 10),
  // The re-used tombstone.
  f('no-archived', 'src/components/ProductCard.tsx', 14, 18),
  // gift-cards defaults to `true` where the registry says `false`: reported at the argument.
  f('safe-default', 'src/server/payments.ts', 17, 56),
  // Unregistered keys and the dynamic key, reported at the key argument.
  f('registered', 'src/components/ShippingOptions.tsx', 4, 27),
  f('registered', 'src/pages/OrderConfirmationPage.tsx', 7, 38),
  f('static-key', 'src/pages/DebugFlagsPage.tsx', 7, 25),
];

function sorted(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

describe('ESLint on fixtures/shop', () => {
  it('recommended reports exactly the flag debt listed in EXPECTED.md', async () => {
    const { findings, fatal } = await lintShop(lintConfig([flagdebt.configs.recommended]));
    expect(fatal).toEqual([]);
    expect(sorted(findings)).toEqual(sorted(RECOMMENDED));
  });

  it('gives the same answer with type information', async () => {
    const { findings, fatal } = await lintShop(lintConfig([flagdebt.configs.recommended], true));
    expect(fatal).toEqual([]);
    expect(sorted(findings)).toEqual(sorted(RECOMMENDED));
  });

  it('strict adds how flags are read: the re-assigned `let showPromo` and reads passed to expect()', async () => {
    const { findings } = await lintShop(lintConfig([flagdebt.configs.strict]));
    const added = findings.filter((x) => x.rule === 'flagdebt/inline-evaluation' || x.rule === 'flagdebt/max-flags-per-function');
    expect(sorted(added)).toEqual(
      sorted([
        f('inline-evaluation', 'src/components/CartSummary.tsx', 13, 19),
        f('inline-evaluation', 'src/lib/__tests__/flags.test.ts', 6, 10),
        f('inline-evaluation', 'src/lib/__tests__/flags.test.ts', 12, 10),
        f('inline-evaluation', 'src/server/__tests__/checkout.test.ts', 22, 10),
      ]),
    );
    expect(findings.length - added.length).toBe(RECOMMENDED.length);
  });
});
