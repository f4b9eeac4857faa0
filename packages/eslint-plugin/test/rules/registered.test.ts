import os from 'node:os';
import path from 'node:path';
import rule from '../../src/rules/registered.js';
import { NOW, createRuleTester, fixtureFile, storefront } from '../rule-tester.js';

const cart = storefront('src/checkout/Cart.tsx');

createRuleTester().run('registered', rule, {
  valid: [
    { filename: cart, code: `import { flags } from '../flags/client';\nexport const on = () => (flags.isEnabled('new-checkout', false) ? 1 : 0);` },
    // Archived keys are registered: \`no-archived\` judges them.
    { filename: cart, code: `import { useFlag } from '../flags/client';\nexport const A = () => (useFlag('legacy-banner') ? 1 : 0);` },
    { filename: cart, code: `import { config } from '../flags/client';\nexport const B = () => (config.featureToggles.promoBanner ? 1 : 0);` },
    // A file without any flag read is fine, whatever it says.
    { filename: cart, code: `export const total = (prices: number[]) => prices.reduce((a, b) => a + b, 0);` },
    // Dynamic keys are \`static-key\`'s business.
    { filename: cart, code: `import { useFlag } from '../flags/client';\nexport const C = (k: string) => (useFlag(k) ? 1 : 0);` },
  ],
  invalid: [
    {
      filename: cart,
      code: `import { flags } from '../flags/client';\nexport function Cart() {\n  return flags.isEnabled('new-chekout', false) ? 'new' : 'old';\n}`,
      errors: [
        {
          messageId: 'unregistered',
          line: 3,
          column: 26,
          endColumn: 39,
          data: { key: 'new-chekout', registry: 'flags.yaml', didYouMean: ' Did you mean "new-checkout"?' },
          suggestions: [
            {
              messageId: 'useRegisteredKey',
              data: { key: 'new-checkout' },
              output: `import { flags } from '../flags/client';\nexport function Cart() {\n  return flags.isEnabled('new-checkout', false) ? 'new' : 'old';\n}`,
            },
          ],
        },
      ],
    },
    // Quote style is kept: double quotes stay double, backticks stay backticks.
    {
      filename: cart,
      code: `import { useFlag } from "../flags/client";\nexport const D = () => (useFlag("dark_mode") ? 1 : 0);`,
      errors: [
        {
          messageId: 'unregistered',
          suggestions: [{ messageId: 'useRegisteredKey', data: { key: 'dark-mode' }, output: `import { useFlag } from "../flags/client";\nexport const D = () => (useFlag("dark-mode") ? 1 : 0);` }],
        },
      ],
    },
    {
      filename: cart,
      code: 'import { useFlag } from "../flags/client";\nexport const D = () => (useFlag(`serch-v2`) ? 1 : 0);',
      errors: [
        {
          messageId: 'unregistered',
          suggestions: [{ messageId: 'useRegisteredKey', data: { key: 'search-v2' }, output: 'import { useFlag } from "../flags/client";\nexport const D = () => (useFlag(`search-v2`) ? 1 : 0);' }],
        },
      ],
    },
    // A member read's key is a property name: replaced by another identifier.
    {
      filename: cart,
      code: `import { config } from '../flags/client';\nexport const B = () => (config.featureToggles.promoBaner ? 1 : 0);`,
      errors: [
        {
          messageId: 'unregistered',
          line: 2,
          column: 47,
          suggestions: [{ messageId: 'useRegisteredKey', data: { key: 'promoBanner' }, output: `import { config } from '../flags/client';\nexport const B = () => (config.featureToggles.promoBanner ? 1 : 0);` }],
        },
      ],
    },
    // The key comes from a const in another file: reported at the read, fixed where it is declared.
    {
      filename: cart,
      code: `import { flags } from '../flags/client';\nimport { MISSPELLED_CHECKOUT } from '../flags/keys';\nexport const on = () => (flags.isEnabled(MISSPELLED_CHECKOUT, false) ? 1 : 0);`,
      errors: [{ messageId: 'unregistered', line: 3, column: 42, data: { key: 'new-chekout', registry: 'flags.yaml', didYouMean: ' Did you mean "new-checkout"?' }, suggestions: [] }],
    },
    // An identifier that names a const is not the key: it is never replaced, even by a valid identifier.
    {
      filename: cart,
      code: `import { flags } from '../flags/client';\nconst PROMO = 'promoBaner';\nexport const on = () => (flags.isEnabled(PROMO, false) ? 1 : 0);`,
      errors: [{ messageId: 'unregistered', line: 3, column: 42, data: { key: 'promoBaner', registry: 'flags.yaml', didYouMean: ' Did you mean "promoBanner"?' }, suggestions: [] }],
    },
    // Nothing close enough: no suggestion.
    {
      filename: cart,
      code: `import { useFlag } from '../flags/client';\nexport const E = () => (useFlag('quantum-pricing') ? 1 : 0);`,
      errors: [{ messageId: 'unregistered', data: { key: 'quantum-pricing', registry: 'flags.yaml', didYouMean: '' }, suggestions: [] }],
    },
  ],
});

// Config and registry problems: one error at line 1 of every file, never a crash.
createRuleTester().run('registered (project problems)', rule, {
  valid: [],
  invalid: [
    {
      filename: fixtureFile('broken-registry', 'src/app.ts'),
      code: `export const x = 1;`,
      errors: [{ messageId: 'projectProblem', line: 1, column: 1 }],
    },
    {
      filename: fixtureFile('broken-config', 'src/app.ts'),
      code: `import { useFlag } from './flags';\nexport const on = useFlag('x');`,
      errors: [{ messageId: 'projectProblem', line: 1, column: 1 }],
    },
    {
      // No flagdebt.config.* anywhere above a folder in the system temp dir.
      filename: path.join(os.tmpdir(), 'flagdebt-eslint-no-config', 'src', 'app.ts'),
      code: `export const x = 1;`,
      errors: [{ messageId: 'projectProblem', line: 1, column: 1 }],
    },
    {
      filename: cart,
      settings: { flagdebt: { config: 'does/not/exist/flagdebt.config.json', now: NOW } },
      code: `export const x = 1;`,
      errors: [{ messageId: 'projectProblem', line: 1, column: 1 }],
    },
    {
      filename: cart,
      settings: { flagdebt: { now: '21/11/2026' } },
      code: `export const x = 1;`,
      errors: [{ messageId: 'projectProblem', line: 1, column: 1 }],
    },
  ],
});

// settings.flagdebt.config points at another project's config (relative paths: see settings.test.ts).
createRuleTester().run('registered (explicit config)', rule, {
  valid: [],
  invalid: [
    {
      filename: path.join(os.tmpdir(), 'flagdebt-eslint-elsewhere', 'app.ts'),
      settings: { flagdebt: { config: storefront('flagdebt.config.json'), now: NOW } },
      code: `declare const flags: { isEnabled(k: string, d: boolean): boolean };\nexport const on = () => (flags.isEnabled('new-chekout', false) ? 1 : 0);`,
      errors: [{ messageId: 'unregistered', suggestions: [{ messageId: 'useRegisteredKey', output: `declare const flags: { isEnabled(k: string, d: boolean): boolean };\nexport const on = () => (flags.isEnabled('new-checkout', false) ? 1 : 0);` }] }],
    },
  ],
});
