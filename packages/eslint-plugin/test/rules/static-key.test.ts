import rule from '../../src/rules/static-key.js';
import { createRuleTester, createTypedRuleTester, storefront } from '../rule-tester.js';

const cart = storefront('src/checkout/Cart.tsx');
const banner = storefront('src/home/Banner.ts');

createRuleTester().run('static-key', rule, {
  valid: [
    { filename: cart, code: `import { flags } from '../flags/client';\nexport const on = () => flags.isEnabled('new-checkout', false) ? 1 : 0;` },
    // Keys through imports: a const, an enum member, an \`as const\` property, declared in src/flags/keys.ts.
    {
      filename: cart,
      code: [
        `import { flags, useFlag } from '../flags/client';`,
        `import { Flag, FLAG_KEYS, NEW_CHECKOUT } from '../flags/keys';`,
        `export function Cart() {`,
        `  const dark = useFlag(Flag.DarkMode);`,
        `  if (flags.isEnabled(NEW_CHECKOUT, false) && !useFlag(FLAG_KEYS.recommendationsOff)) return dark;`,
        `  return false;`,
        `}`,
      ].join('\n'),
    },
    { filename: cart, code: 'import { useFlag } from "../flags/client";\nexport const A = () => useFlag(`dark-mode`);' },
    // Not an accessor: `features.isEnabled` is not `flags.isEnabled`.
    { filename: cart, code: `declare const features: { isEnabled(k: string): boolean };\nexport const f = (name: string) => (features.isEnabled(name) ? 1 : 0);` },
    // A forwarding wrapper's own read: the key is the wrapper's parameter, resolved at each call.
    {
      filename: cart,
      code: `import { useFlag } from '../flags/client';\nexport function useFeature(key: string) {\n  return useFlag(key);\n}\nexport const Cart = () => useFeature('dark-mode');`,
    },
  ],
  invalid: [
    {
      filename: cart,
      code: `import { flags } from '../flags/client';\nexport function Cart(flagName: string) {\n  if (flags.isEnabled(flagName + '-v2', false)) return 1;\n  return 0;\n}`,
      errors: [{ messageId: 'dynamicKey', line: 3, column: 23, endColumn: 39, data: { via: 'flags.isEnabled' } }],
    },
    {
      filename: cart,
      code: 'import { useFlag } from "../flags/client";\nexport function Theme(theme: string) {\n  const on = useFlag(`theme-${theme}`);\n  return on;\n}',
      errors: [{ messageId: 'dynamicKey', line: 3, column: 22 }],
    },
    {
      filename: cart,
      code: `import { config } from '../flags/client';\nexport function enabled(name: string) {\n  if (config.featureToggles[name]) return 'on';\n  return 'off';\n}`,
      errors: [{ messageId: 'dynamicKey', line: 3, data: { via: 'config.featureToggles' } }],
    },
    // A \`let\` can be re-assigned, so it is not a static key.
    {
      filename: cart,
      code: `import { useFlag } from '../flags/client';\nlet key = 'dark-mode';\nexport function Dark() {\n  return useFlag(key) ? 'dark' : 'light';\n}`,
      errors: [{ messageId: 'dynamicKey', line: 4, column: 18 }],
    },
  ],
});

// With type information a key typed as one string literal is known; without it, it is not.
const typedCode = `import { useFlag } from '../flags/client';\nexport function Banner(props: { flag: 'dark-mode' }) {\n  return useFlag(props.flag) ? 'dark' : 'light';\n}`;
const unionCode = `import { useFlag } from '../flags/client';\nexport function Banner(props: { flag: 'dark-mode' | 'search-v2' }) {\n  return useFlag(props.flag) ? 'on' : 'off';\n}`;

createTypedRuleTester().run('static-key (type information)', rule, {
  valid: [{ filename: banner, code: typedCode }],
  invalid: [{ filename: banner, code: unionCode, errors: [{ messageId: 'dynamicKey', line: 3, column: 18 }] }],
});

createRuleTester().run('static-key (no type information)', rule, {
  valid: [],
  invalid: [{ filename: banner, code: typedCode, errors: [{ messageId: 'dynamicKey', line: 3, column: 18 }] }],
});
