import { describe, expect, it } from 'vitest';
import type { FlagValue } from '@flagdebt/core';
import { deleteDeadTests } from '../src/cascade/dead-tests.js';
import fs from 'node:fs';
import path from 'node:path';
import { FlagNames } from '../src/cascade/test-settings.js';
import { removeFlags } from '../src/index.js';
import { tempProject } from './support/temp-project.js';

/** The test file after removing `key` keeping `value` (null: the whole file goes; unchanged: the same text). */
function afterRemoval(text: string, value: FlagValue, key = 'new-nav', words: string[] = ['useNewNav']): string | null {
  const out = deleteDeadTests('nav.test.ts', text, [{ names: new FlagNames(key, words), value }], (callee) => callee === 'flags.isEnabled');
  return out === null ? text : out.text;
}

const titles = (text: string | null) => [...(text ?? '').matchAll(/\bit\('([^']+)'/g)].map((m) => m[1]);

describe('which tests set the flag', () => {
  it('an override object passed to the code under test', () => {
    const text = `import { renderNav } from './render';

describe('Nav', () => {
  it('shows the mega menu', () => {
    const nav = renderNav({ flags: { newNav: true, darkMode: false } });
    expect(nav.items).toHaveLength(6);
  });

  it('shows the old tabs', () => {
    const nav = renderNav({ flags: { newNav: false, darkMode: false } });
    expect(nav.items).toHaveLength(4);
  });
});
`;
    expect(titles(afterRemoval(text, true))).toEqual(['shows the mega menu']);
    expect(titles(afterRemoval(text, false))).toEqual(['shows the old tabs']);
    // On the kept side the override configures nothing any more: the property goes.
    expect(afterRemoval(text, true)).toContain('renderNav({ flags: { darkMode: false } });');
  });

  it('an override of the kept value in a test config goes; an object left empty stays as {}', () => {
    const text = `import { createTestConfig } from '../config/test-config';

let app: unknown;

beforeAll(async () => {
  app = await setupApp(
    createTestConfig({
      experimental: {
        flags: {
          newNav: true,
        },
      },
    }),
  );
});

test('lists the projects', async () => {
  expect(await projects(app)).toHaveLength(2);
});

test('shows the old menu', async () => {
  const config = createTestConfig({ experimental: { flags: { newNav: false, strictSchemas: true } } });
  expect(menu(await setupApp(config))).toBe('old');
});
`;
    expect(afterRemoval(text, true)).toBe(`import { createTestConfig } from '../config/test-config';

let app: unknown;

beforeAll(async () => {
  app = await setupApp(
    createTestConfig({
      experimental: {
        flags: {},
      },
    }),
  );
});

test('lists the projects', async () => {
  expect(await projects(app)).toHaveLength(2);
});
`);
  });

  it('a stub of the flag getter in an injected dependency', () => {
    const text = `import { NavService } from './nav-service';

const base = { getLocale: () => 'en' };

it('lists the new sections', () => {
  const service = new NavService({ ...base, getNewNavEnabled: () => true });
  expect(service.sections()).toContain('explore');
});

it('lists the old sections', () => {
  const service = new NavService({ ...base, isNewNavEnabled: vi.fn().mockReturnValue(false) });
  expect(service.sections()).not.toContain('explore');
});
`;
    expect(titles(afterRemoval(text, true))).toEqual(['lists the new sections']);
    expect(titles(afterRemoval(text, false))).toEqual(['lists the old sections']);
  });

  it('environment variables, with a prefix, by assignment and by stubEnv', () => {
    const text = `it('renders the new header', () => {
  process.env['VITE_NEW_NAV'] = '1';
  expect(header()).toMatch(/mega/);
});

it('renders the old header', () => {
  vi.stubEnv('VITE_NEW_NAV', 'off');
  expect(header()).toMatch(/tabs/);
});
`;
    expect(afterRemoval(text, true)).toBe(`it('renders the new header', () => {
  expect(header()).toMatch(/mega/);
});
`);
    expect(afterRemoval(text, false)).toBe(`it('renders the old header', () => {
  expect(header()).toMatch(/tabs/);
});
`);
  });

  it('a helper that takes a browser context first (`setFeatureFlag(page, K, true)`); a non-boolean beside a context sets nothing', () => {
    const text = `import { FLAGS } from '../src/flags';
import { setFeatureFlag, track } from './utils/browser';

test('opens the template store', async ({ page }) => {
  await setFeatureFlag(page, FLAGS.NEW_NAV, true);
  await page.goto('/workflows');
  await expect(page.getByText('Templates')).toBeVisible();
});

test('opens the blank editor', async ({ page }) => {
  await setFeatureFlag(page, FLAGS.NEW_NAV, false);
  await page.goto('/workflows');
  await track(page, FLAGS.NEW_NAV, 'shown');
});
`;
    // The ON test stays without its setting; the OFF test goes.
    expect(afterRemoval(text, true, 'new-nav', ['NEW_NAV'])).toBe(`import { FLAGS } from '../src/flags';
import { setFeatureFlag, track } from './utils/browser';

test('opens the template store', async ({ page }) => {
  await page.goto('/workflows');
  await expect(page.getByText('Templates')).toBeVisible();
});
`);
    // Kept OFF: the OFF test stays, and \`track(page, FLAGS.NEW_NAV, 'shown')\` is no setting of it.
    const off = afterRemoval(text, false, 'new-nav', ['NEW_NAV']);
    expect(off).toContain("test('opens the blank editor'");
    expect(off).not.toContain("test('opens the template store'");
    expect(off).toContain("await track(page, FLAGS.NEW_NAV, 'shown');");
    expect(off).not.toContain('setFeatureFlag(page');
  });

  it('never deletes a test that does not set the flag, whatever its title says', () => {
    const text = `describe('when newNav is off', () => {
  it('renders the old tabs (new-nav disabled)', () => {
    expect(renderNav().tabs).toBe(true);
  });
});
`;
    expect(afterRemoval(text, true)).toBe(text);
  });

  it('leaves a test that sets both values (it tests the switch) and the setup of its scope', () => {
    const text = `beforeEach(() => {
  mockFlag('new-nav', true);
});

it('re-renders when the flag flips', () => {
  mockFlag('new-nav', false);
  mockFlag('new-nav', true);
  expect(renders).toBe(2);
});

it('shows the new nav', () => {
  expect(nav()).toBe('new');
});
`;
    expect(afterRemoval(text, true)).toBe(text);
  });

  it('a test of its own side wins over the setting of its describe', () => {
    const text = `describe('old nav', () => {
  beforeEach(() => {
    mockFlag('new-nav', false);
    seedMenu();
  });

  it('shows tabs', () => {
    expect(nav()).toBe('tabs');
  });

  it('still shows the new nav when forced on', () => {
    mockFlag('new-nav', true);
    expect(nav()).toBe('mega');
  });
});
`;
    expect(afterRemoval(text, true)).toBe(`describe('old nav', () => {
  beforeEach(() => {
    mockFlag('new-nav', false);
    seedMenu();
  });

  it('still shows the new nav when forced on', () => {
    expect(nav()).toBe('mega');
  });
});
`);
    expect(afterRemoval(text, false)).toBe(`describe('old nav', () => {
  beforeEach(() => {
    seedMenu();
  });

  it('shows tabs', () => {
    expect(nav()).toBe('tabs');
  });
});
`);
  });

  it('a short one-word key counts only as a string: `{ search: false }` is some other option', () => {
    const text = `it('renders without the search box', () => {
  expect(render({ search: false }).box).toBeNull();
});

it('renders the new search', () => {
  mockFlag('search', true);
  expect(render({}).box).not.toBeNull();
});
`;
    expect(titles(afterRemoval(text, false, 'search', []))).toEqual(['renders without the search box']);
  });

  it('an assertion about a flag-named value is not a setting', () => {
    const text = `it('defaults every flag to off', () => {
  expect(defaults()).toEqual({ newNav: false, darkMode: false });
});
`;
    expect(afterRemoval(text, true)).toBe(text);
  });

  it('it.each rows of the dead side go; with none left, the test goes', () => {
    const text = `it.each([
  [true, 'mega'],
  [false, 'tabs'],
])('with newNav=%s renders %s', (enabled, kind) => {
  mockFlag('new-nav', enabled);
  expect(nav()).toBe(kind);
});

it.each([false])('keeps the legacy footer (%s)', (enabled) => {
  mockFlag('new-nav', enabled);
  expect(footer()).toBe('legacy');
});
`;
    expect(afterRemoval(text, true)).toBe(`it.each([
  [true, 'mega'],
])('with newNav=%s renders %s', (enabled, kind) => {
  mockFlag('new-nav', enabled);
  expect(nav()).toBe(kind);
});
`);
  });

  it('a file whose every test is of the dead side goes whole', () => {
    const text = `import { render } from './render';

vi.mock('./use-new-nav', () => ({ useNewNav: () => false }));

it('renders tabs', () => {
  expect(render().tabs).toBe(true);
});
`;
    expect(deleteDeadTests('nav.test.ts', text, [{ names: new FlagNames('new-nav', ['useNewNav']), value: true }], () => false)?.text).toBeNull();
  });

  it('an e2e suite that switches the flag on in beforeEach and back in afterEach loses both; the enum member goes although the env var spells it', async () => {
    const suite = `import { sendToTopic } from '../src/topics';

describe('topics', () => {
  beforeEach(() => {
    process.env.IS_TOPICS_ENABLED = 'true';
    process.env.API_URL = 'http://localhost';
  });

  afterEach(() => {
    process.env.IS_TOPICS_ENABLED = 'false';
  });

  it('sends to every subscriber of the topic', async () => {
    expect(await sendToTopic('news')).toBe('sent to news');
  });
});
`;
    const dir = tempProject({
      'flags.yaml': 'flags:\n  IS_TOPICS_ENABLED:\n    type: release\n    owner: api\n    created: 2026-01-01\n    expires: 2026-06-01\n    state: complete\n    value: true\n    since: 2026-07-01\n    default: false\n',
      'src/flag-keys.ts': "export enum FlagKeys {\n  IS_TOPICS_ENABLED = 'IS_TOPICS_ENABLED',\n  IS_DIGEST_ENABLED = 'IS_DIGEST_ENABLED',\n}\n",
      'src/client.ts': 'export const flags = { isEnabled: (key: string, fallback = false): boolean => process.env[key] === "true" || fallback };\n',
      'src/topics.ts': "import { flags } from './client';\nimport { FlagKeys } from './flag-keys';\n\nexport async function sendToTopic(topic: string): Promise<string> {\n  if (!flags.isEnabled(FlagKeys.IS_TOPICS_ENABLED)) {\n    return 'skipped';\n  }\n  return `sent to ${topic}`;\n}\n",
      'src/digest.ts': "import { flags } from './client';\nimport { FlagKeys } from './flag-keys';\n\nexport const digestOn = (): boolean => flags.isEnabled(FlagKeys.IS_DIGEST_ENABLED);\n",
      // Deployment tooling prints the environment variable of the same name: no use of the member.
      'scripts/print-env.ts': "console.log(`topics: ${process.env.IS_TOPICS_ENABLED ?? 'unset'}`);\n",
      'test/topics.e2e-spec.ts': suite,
    });
    await removeFlags({ dir, flags: [{ key: 'IS_TOPICS_ENABLED', value: true }], allowDirty: true, now: '2026-11-21' });
    expect(fs.readFileSync(path.join(dir, 'test/topics.e2e-spec.ts'), 'utf8')).toBe(`import { sendToTopic } from '../src/topics';

describe('topics', () => {
  beforeEach(() => {
    process.env.API_URL = 'http://localhost';
  });

  it('sends to every subscriber of the topic', async () => {
    expect(await sendToTopic('news')).toBe('sent to news');
  });
});
`);
    expect(fs.readFileSync(path.join(dir, 'src/flag-keys.ts'), 'utf8')).toBe("export enum FlagKeys {\n  IS_DIGEST_ENABLED = 'IS_DIGEST_ENABLED',\n}\n");
  });

  it('a generic name bound to the key elsewhere (`flag` of a route entry) does not name the flag in tests', async () => {
    const resolverTest = `import { resolve } from './resolver';

test('falls back to the variant when a flag is off', () => {
  const config = { flags: { flag: false }, variant: 'b' };
  expect(resolve(config)).toBe('b');
});

test('the new checkout takes the fast path', () => {
  mockFlag('new-checkout', false);
  expect(resolve({ flags: {}, variant: 'a' })).toBe('slow');
});
`;
    const dir = tempProject({
      'src/routes.ts': "export const routes = [{ path: '/checkout', flag: 'new-checkout' }, { path: '/search', flag: 'search-v2' }];\n",
      'src/checkout.ts': "import { flags } from './flags';\n\nexport const fast = () => flags.isEnabled('new-checkout', false);\n",
      'src/resolver.test.ts': resolverTest,
    });
    const result = await removeFlags({ dir, flags: [{ key: 'new-checkout', value: true }], allowDirty: true, now: '2026-11-21' });
    const after = fs.readFileSync(path.join(dir, 'src/resolver.test.ts'), 'utf8');
    expect(after).toContain("test('falls back to the variant when a flag is off'");
    expect(after).not.toContain('the new checkout takes the fast path');
    expect(result.warnings.filter((w) => w.code === 'remove/deleted-test').map((w) => w.file)).toEqual(['src/resolver.test.ts']);
  });
});
