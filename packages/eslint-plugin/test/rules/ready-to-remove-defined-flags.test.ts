/**
 * `ready-to-remove` on calls of a flag defined with a `define` accessor (fixtures/next-flags):
 * `show-banner` is complete, so each call says how to remove it, also a call through a renamed
 * re-export (`export { showBanner as bannerFlag }`).
 */
import fs from 'node:fs';
import rule from '../../src/rules/ready-to-remove.js';
import { createRuleTester, fixtureFile } from '../rule-tester.js';

const page = fixtureFile('next-flags', 'app/page.tsx');
// Calls the flag through a renamed re-export (lib/flags.ts).
const deals = fixtureFile('next-flags', 'app/deals/page.tsx');
const error = (line: number, column: number) => ({ messageId: 'readyToRemove' as const, line, column, data: { key: 'show-banner', value: 'false', command: 'flagdebt remove show-banner' } });

createRuleTester().run('ready-to-remove (define accessors)', rule, {
  valid: [{ filename: page, code: "import { checkoutVariant } from '../flags';\nexport default async function Page() {\n  return (await checkoutVariant()) === 'one-page' ? 'fast' : 'classic';\n}" }],
  invalid: [
    {
      filename: page,
      code: "import { showBanner } from '../flags';\nexport default async function Page() {\n  return (await showBanner()) ? 'deals' : null;\n}",
      errors: [error(3, 17)],
    },
    { filename: deals, code: fs.readFileSync(deals, 'utf8'), errors: [error(4, 17)] },
  ],
});
