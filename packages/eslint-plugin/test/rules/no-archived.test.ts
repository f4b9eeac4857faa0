import rule from '../../src/rules/no-archived.js';
import { createRuleTester, storefront } from '../rule-tester.js';

const banner = storefront('src/home/Home.tsx');

createRuleTester().run('no-archived', rule, {
  valid: [
    { filename: banner, code: `import { useFlag } from '../flags/client';\nexport const A = () => (useFlag('dark-mode') ? 1 : 0);` },
    // Unregistered keys are \`registered\`'s business.
    { filename: banner, code: `import { useFlag } from '../flags/client';\nexport const A = () => (useFlag('legacy-baner') ? 1 : 0);` },
  ],
  invalid: [
    {
      filename: banner,
      code: `import { useFlag } from '../flags/client';\nexport function Home() {\n  return useFlag('legacy-banner') ? <aside>Sale</aside> : null;\n}`,
      errors: [{ messageId: 'archived', line: 3, column: 10, endColumn: 34, data: { key: 'legacy-banner', since: ' since 2026-05-02' } }],
    },
    // Through an \`as const\` object in another file.
    {
      filename: banner,
      code: `import { flags } from '../flags/client';\nimport { FLAG_KEYS } from '../flags/keys';\nexport const show = () => (flags.isEnabled(FLAG_KEYS.legacyBanner, false) ? 1 : 0);`,
      errors: [{ messageId: 'archived', line: 3, column: 28 }],
    },
  ],
});
