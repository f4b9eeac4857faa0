import rule from '../../src/rules/naming.js';
import { createRuleTester, fixtureFile, storefront } from '../rule-tester.js';

const cart = storefront('src/checkout/Cart.tsx');

createRuleTester().run('naming', rule, {
  valid: [
    { filename: cart, code: `import { useFlag } from '../flags/client';\nexport const A = () => (useFlag('dark-mode') || useFlag('ops-disable-recommendations') ? 1 : 0);` },
    // The key comes from a const: judged where the wrapper or const is, not here.
    { filename: cart, code: `import { useDarkMode } from '../flags/hooks';\nexport const A = () => (useDarkMode() ? 1 : 0);` },
    // A project without \`naming\` in its config accepts any key.
    { filename: fixtureFile('no-naming', 'src/app.ts'), code: `import { useFlag } from './flags';\nexport const A = () => (useFlag('Whatever_Key') ? 1 : 0);` },
  ],
  invalid: [
    {
      filename: cart,
      code: `import { config } from '../flags/client';\nexport const promo = () => (config.featureToggles.promoBanner ? 'promo' : null);`,
      errors: [{ messageId: 'badName', line: 2, column: 51, endColumn: 62, data: { problem: 'Key "promoBanner" does not match the naming pattern /^[a-z0-9]+(-[a-z0-9]+)*$/', config: 'flagdebt.config.json' } }],
    },
    // kill-payments is an ops flag: ops keys must start with "ops-".
    {
      filename: cart,
      code: `import { flags } from '../flags/client';\nexport const pay = () => (flags.isEnabled('kill-payments', false) ? null : 'pay');`,
      errors: [{ messageId: 'badName', line: 2, column: 43, data: { problem: 'Ops flag "kill-payments" does not match the ops naming pattern /^ops-/', config: 'flagdebt.config.json' } }],
    },
    // Unregistered keys are judged by the global pattern only.
    {
      filename: cart,
      code: `import { useFlag } from '../flags/client';\nexport const A = () => (useFlag('NEW_SEARCH') ? 1 : 0);`,
      errors: [{ messageId: 'badName' }],
    },
  ],
});
