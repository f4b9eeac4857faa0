import rule from '../../src/rules/no-expired.js';
import { NOW, createRuleTester, storefront } from '../rule-tester.js';

const cart = storefront('src/checkout/Cart.tsx');
const code = `import { flags } from '../flags/client';\nimport { NEW_CHECKOUT } from '../flags/keys';\nexport function Cart() {\n  return flags.isEnabled(NEW_CHECKOUT, false) ? 'new' : 'old';\n}`;

createRuleTester().run('no-expired', rule, {
  valid: [
    // dark-mode expires 2027-03-01; ops flags without \`expires\` never expire.
    { filename: cart, code: `import { useFlag } from '../flags/client';\nexport const A = () => (useFlag('dark-mode') || useFlag('ops-disable-recommendations') ? 1 : 0);` },
    // new-checkout expires 2026-10-15: the day before, it is still fine.
    { filename: cart, code, settings: { flagdebt: { now: '2026-10-14' } } },
    // gift-cards is past expiry but complete: \`ready-to-remove\` reports it. legacy-banner is archived.
    { filename: cart, code: `import { useFlag } from '../flags/client';\nexport const A = () => (useFlag('gift-cards') || useFlag('legacy-banner') ? 1 : 0);` },
  ],
  invalid: [
    {
      filename: cart,
      code,
      errors: [{ messageId: 'expired', line: 4, column: 10, endColumn: 46, data: { key: 'new-checkout', expires: '2026-10-15', ago: '37 days ago', owner: 'payments' } }],
    },
    { filename: cart, code, settings: { flagdebt: { now: '2026-10-15' } }, errors: [{ messageId: 'expired', data: { key: 'new-checkout', expires: '2026-10-15', ago: 'today', owner: 'payments' } }] },
    { filename: cart, code, settings: { flagdebt: { now: '2026-10-16' } }, errors: [{ messageId: 'expired', data: { key: 'new-checkout', expires: '2026-10-15', ago: '1 day ago', owner: 'payments' } }] },
    // A wrapper call from another file is a read of the wrapper's flag.
    {
      filename: cart,
      code: `import { isNewCheckoutEnabled } from '../flags/hooks';\nexport const checkout = () => (isNewCheckoutEnabled() ? 'new' : 'old');`,
      settings: { flagdebt: { now: NOW } },
      errors: [{ messageId: 'expired', line: 2, column: 32 }],
    },
  ],
});
