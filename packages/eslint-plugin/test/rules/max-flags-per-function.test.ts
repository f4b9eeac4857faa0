import rule from '../../src/rules/max-flags-per-function.js';
import { createRuleTester, storefront } from '../rule-tester.js';

const page = storefront('src/home/Home.tsx');
const head = `import { flags, useFlag } from '../flags/client';\nimport { useDarkMode } from '../flags/hooks';\n`;
const fourFlags = `${head}export function Home() {\n  const dark = useDarkMode();\n  const checkout = flags.isEnabled('new-checkout', false);\n  const search = useFlag('search-v2');\n  const recs = !useFlag('ops-disable-recommendations');\n  return [dark, checkout, search, recs].filter(Boolean).length;\n}`;

createRuleTester().run('max-flags-per-function', rule, {
  valid: [
    // The same flag read twice counts once.
    { filename: page, code: `${head}export function Home() {\n  if (useFlag('dark-mode')) return 1;\n  return useFlag('dark-mode') || useDarkMode() ? 2 : 3;\n}` },
    { filename: page, code: fourFlags, options: [{ max: 4 }] },
    // Reads in a nested function belong to it, not to the outer one.
    {
      filename: page,
      code: `${head}export function Home() {\n  const a = useFlag('dark-mode');\n  const b = useFlag('search-v2');\n  const later = () => useFlag('new-checkout') && useFlag('gift-cards');\n  return [a, b, later];\n}`,
      options: [{ max: 2 }],
    },
  ],
  invalid: [
    {
      filename: page,
      code: fourFlags,
      errors: [
        {
          messageId: 'tooManyFlags',
          line: 3,
          column: 17,
          endColumn: 21,
          data: { name: 'Home', count: 4, max: 3, keys: '"dark-mode", "new-checkout", "search-v2", "ops-disable-recommendations"' },
        },
      ],
    },
    {
      filename: page,
      code: `${head}export const Header = () => {\n  return useFlag('dark-mode') && useFlag('search-v2') ? 'a' : 'b';\n};`,
      options: [{ max: 1 }],
      errors: [{ messageId: 'tooManyFlags', line: 3, column: 14, data: { name: 'Header', count: 2, max: 1, keys: '"dark-mode", "search-v2"' } }],
    },
  ],
});
