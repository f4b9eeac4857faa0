/**
 * `registered` on flags defined with a `define` accessor (Vercel `flags`, fixtures/next-flags):
 * the key in `flag({ key })` is checked like any other key; the calls of the defined const carry
 * no key of their own and are not reported again.
 */
import rule from '../../src/rules/registered.js';
import { createRuleTester, fixtureFile } from '../rule-tester.js';

const flagsFile = fixtureFile('next-flags', 'flags.ts');
const page = fixtureFile('next-flags', 'app/page.tsx');

createRuleTester().run('registered (define accessors)', rule, {
  valid: [
    { filename: flagsFile, code: "import { flag } from 'flags/next';\nexport const showBanner = flag({ key: 'show-banner', decide: () => false });" },
    { filename: page, code: "import { showBanner } from '../flags';\nexport default async function Page() {\n  return (await showBanner()) ? 'deals' : null;\n}" },
    // The app's own `flag()` (analytics) is not the SDK's definer.
    { filename: page, code: "import { flag } from '../lib/analytics';\nflag({ key: 'home-view', reason: 'landing' });" },
  ],
  invalid: [
    {
      filename: flagsFile,
      code: "import { flag } from 'flags/next';\nexport const showBanner = flag<boolean>({\n  key: 'show-baner',\n  decide: () => false,\n});",
      errors: [
        {
          messageId: 'unregistered',
          line: 3,
          column: 8,
          endColumn: 20,
          data: { key: 'show-baner', registry: 'flags.yaml', didYouMean: ' Did you mean "show-banner"?' },
          suggestions: [
            {
              messageId: 'useRegisteredKey',
              data: { key: 'show-banner' },
              output: "import { flag } from 'flags/next';\nexport const showBanner = flag<boolean>({\n  key: 'show-banner',\n  decide: () => false,\n});",
            },
          ],
        },
      ],
    },
  ],
});
