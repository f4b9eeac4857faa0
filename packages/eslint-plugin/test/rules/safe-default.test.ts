import rule from '../../src/rules/safe-default.js';
import { createRuleTester, storefront } from '../rule-tester.js';

const cart = storefront('src/checkout/Cart.tsx');
const imports = `import { client, flags, useFlag } from '../flags/client';\nimport { NEW_CHECKOUT } from '../flags/keys';\n`;

createRuleTester().run('safe-default', rule, {
  valid: [
    // The registry's \`default\` wins: new-checkout false, admin-reports true, checkout-theme 'classic'.
    { filename: cart, code: `${imports}export const a = () => (flags.isEnabled(NEW_CHECKOUT, false) ? 1 : 0);` },
    { filename: cart, code: `${imports}export const b = () => (flags.isEnabled('admin-reports', true) ? 1 : 0);` },
    { filename: cart, code: `${imports}export const c = () => client.getStringValue('checkout-theme', 'classic');` },
    // No registry default: a release or experiment defaults to off.
    { filename: cart, code: `${imports}export const d = () => (flags.isEnabled('dark-mode', false) ? 1 : 0);` },
    // No registry default for a permission/ops flag without one, and not registered at all: any literal is accepted.
    { filename: cart, code: `${imports}export const e = () => (flags.isEnabled('unknown-flag', true) ? 1 : 0);` },
    // \`useFlag\` takes no default (no \`defaultArg\` in the config).
    { filename: cart, code: `${imports}export const f = () => (useFlag('dark-mode') ? 1 : 0);` },
  ],
  invalid: [
    {
      filename: cart,
      code: `${imports}export function Cart() {\n  return flags.isEnabled(NEW_CHECKOUT) ? 'new' : 'old';\n}`,
      errors: [
        {
          messageId: 'missingDefault',
          line: 4,
          column: 10,
          data: { call: 'flags.isEnabled("new-checkout")', expected: ' Pass false.' },
          suggestions: [{ messageId: 'useSafeDefault', data: { wanted: 'false' }, output: `${imports}export function Cart() {\n  return flags.isEnabled(NEW_CHECKOUT, false) ? 'new' : 'old';\n}` }],
        },
      ],
    },
    {
      filename: cart,
      code: `${imports}declare const fallback: boolean;\nexport const on = () => (flags.isEnabled('new-checkout', fallback) ? 1 : 0);`,
      errors: [{ messageId: 'nonLiteralDefault', line: 4, column: 58, endColumn: 66 }],
    },
    {
      filename: cart,
      code: `${imports}export const on = () => (flags.isEnabled('dark-mode', true) ? 1 : 0);`,
      errors: [
        {
          messageId: 'wrongDefault',
          line: 3,
          column: 55,
          data: { key: 'dark-mode', actual: 'true', wanted: 'false', why: 'experiment flags default to off' },
          suggestions: [{ messageId: 'useSafeDefault', data: { wanted: 'false' }, output: `${imports}export const on = () => (flags.isEnabled('dark-mode', false) ? 1 : 0);` }],
        },
      ],
    },
    {
      filename: cart,
      code: `${imports}export const theme = () => client.getStringValue("checkout-theme", "modern");`,
      errors: [
        {
          messageId: 'wrongDefault',
          data: { key: 'checkout-theme', actual: '"modern"', wanted: '"classic"', why: '`default` in the registry' },
          suggestions: [{ messageId: 'useSafeDefault', output: `${imports}export const theme = () => client.getStringValue("checkout-theme", "classic");` }],
        },
      ],
    },
    // An ops kill switch defaulting to "disabled" would switch the feature off when the service is down.
    {
      filename: cart,
      code: `${imports}export const recs = () => (flags.isEnabled('ops-disable-recommendations', true) ? [] : ['a']);`,
      errors: [
        {
          messageId: 'wrongDefault',
          data: { key: 'ops-disable-recommendations', actual: 'true', wanted: 'false', why: '`default` in the registry' },
          suggestions: [{ messageId: 'useSafeDefault', output: `${imports}export const recs = () => (flags.isEnabled('ops-disable-recommendations', false) ? [] : ['a']);` }],
        },
      ],
    },
    // Optional chaining, and a string default quoted like the key.
    {
      filename: cart,
      code: `${imports}export const theme = () => client?.getStringValue("checkout-theme");`,
      errors: [
        {
          messageId: 'missingDefault',
          data: { call: 'client.getStringValue("checkout-theme")', expected: ' Pass "classic".' },
          suggestions: [{ messageId: 'useSafeDefault', output: `${imports}export const theme = () => client?.getStringValue("checkout-theme", "classic");` }],
        },
      ],
    },
    // A dynamic key still needs a default.
    {
      filename: cart,
      code: `${imports}export const any = (key: string) => (flags.isEnabled(key) ? 1 : 0);`,
      errors: [{ messageId: 'missingDefault', data: { call: 'flags.isEnabled', expected: ' Pass the safe default explicitly.' }, suggestions: [] }],
    },
  ],
});
