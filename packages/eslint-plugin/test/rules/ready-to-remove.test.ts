import rule from '../../src/rules/ready-to-remove.js';
import { createRuleTester, storefront } from '../rule-tester.js';

const search = storefront('src/search/SearchPage.tsx');

createRuleTester().run('ready-to-remove', rule, {
  valid: [{ filename: search, code: `import { useFlag } from '../flags/client';\nexport const A = () => (useFlag('dark-mode') ? 1 : 0);` }],
  invalid: [
    {
      filename: search,
      code: `import { useFlag } from '../flags/client';\nimport { Flag } from '../flags/keys';\nexport function SearchPage() {\n  const vector = useFlag(Flag.SearchV2);\n  return vector ? 'vector' : 'classic';\n}`,
      errors: [{ messageId: 'readyToRemove', line: 4, column: 18, data: { key: 'search-v2', value: 'true', command: 'flagdebt remove search-v2' } }],
    },
    {
      filename: search,
      code: `import { config } from '../flags/client';\nexport const giftCards = () => (config.featureToggles['gift-cards'] ? ['gift'] : []);`,
      errors: [{ messageId: 'readyToRemove', line: 2, column: 33, data: { key: 'gift-cards', value: 'false', command: 'flagdebt remove gift-cards' } }],
    },
  ],
});
