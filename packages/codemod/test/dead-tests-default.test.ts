import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FlagValue } from '@flagdebt/core';
import { deleteDeadTests } from '../src/cascade/dead-tests.js';
import { FlagNames } from '../src/cascade/test-settings.js';
import { removeFlags } from '../src/index.js';
import { tempProject } from './support/temp-project.js';

/** Tests that set nothing and so ran with the flag's default (issue 19, item 1). */
function afterRemoval(text: string, value: FlagValue, unset: FlagValue | undefined) {
  const out = deleteDeadTests('templates.test.tsx', text, [{ names: new FlagNames('projectReleaseTemplates', []), value, unset }], (callee) => callee === 'useUiFlag');
  return { text: out === null ? text : out.text, deleted: out?.deletedTests ?? [] };
}

const titles = (text: string | null) => [...(text ?? '').matchAll(/\bit\('([^']+)'/g)].map((m) => m[1]);

// The shape of a real removal: a helper serves a UI config with the flag on, the tests that call
// it are of the new side, and the tests beside them that call nothing ran with the flag off.
const templatesTest = `import { render, screen } from 'utils/testRenderer';
import { testServerRoute, testServerSetup } from 'utils/testServer';
import { TemplateCards } from './TemplateCards';

const server = testServerSetup();

const setupApi = () => {
  testServerRoute(server, '/api/admin/release-plan-templates', [{ id: '1', name: 'Global template' }]);
};

const setupProjectTemplatesApi = () => {
  testServerRoute(server, '/api/admin/ui-config', {
    flags: { projectReleaseTemplates: true },
  });
};

describe('TemplateCards', () => {
  beforeEach(() => {
    setupApi();
  });

  it('lists global templates while project templates are disabled', async () => {
    render(<TemplateCards projectId='default' />);
    await screen.findByText('Global template');
    expect(screen.queryByText('Global')).not.toBeInTheDocument();
  });

  it('lists project templates alongside global ones when enabled', async () => {
    setupProjectTemplatesApi();
    render(<TemplateCards projectId='default' />);
    await screen.findByText('Project template');
  });

  it('links straight to project template creation', async () => {
    setupProjectTemplatesApi();
    render(<TemplateCards projectId='default' />);
    expect(await screen.findByRole('link')).toHaveAttribute('href', '/projects/default/templates/new');
  });
});
`;

describe('tests that rely on the flag default', () => {
  it('kept ON with the default OFF: an unset test beside tests that set ON goes, and the report says why', () => {
    const { text, deleted } = afterRemoval(templatesTest, true, false);
    expect(titles(text)).toEqual(['lists project templates alongside global ones when enabled', 'links straight to project template creation']);
    expect(deleted).toEqual([{ title: 'lists global templates while project templates are disabled', line: 22, byDefault: true }]);
    // The setup every test shares stays.
    expect(text).toContain('setupApi();');
  });

  it('an unknown default decides nothing: the unset test stays', () => {
    const { text, deleted } = afterRemoval(templatesTest, true, undefined);
    expect(titles(text)).toEqual(titles(templatesTest));
    expect(deleted).toEqual([]);
  });

  it('kept OFF (the default): the unset test is of the kept side and stays, the tests that set ON go', () => {
    const { text } = afterRemoval(templatesTest, false, false);
    expect(titles(text)).toEqual(['lists global templates while project templates are disabled']);
  });

  it('a default of the kept value (registry default ON, kept ON) keeps the unset test', () => {
    const { text } = afterRemoval(templatesTest, true, true);
    expect(titles(text)).toEqual(titles(templatesTest));
  });

  it('siblings that set the old value themselves: the unset test is about something else and stays', () => {
    const text = templatesTest.replace(
      "  it('lists global templates while project templates are disabled', async () => {\n",
      "  it('always renders a heading', async () => {\n    render(<TemplateCards projectId='default' />);\n    expect(screen.getByRole('heading')).toBeInTheDocument();\n  });\n\n  it('lists global templates while project templates are disabled', async () => {\n    testServerRoute(server, '/api/admin/ui-config', { flags: { projectReleaseTemplates: false } });\n",
    );
    const out = afterRemoval(text, true, false);
    expect(titles(out.text)).toEqual(['always renders a heading', 'lists project templates alongside global ones when enabled', 'links straight to project template creation']);
    expect(out.deleted.map((d) => d.byDefault)).toEqual([undefined]);
  });

  it('an unset test in another describe than the tests that set the flag stays', () => {
    const text = `${templatesTest}
describe('TemplateCards without a project', () => {
  it('shows only global templates', async () => {
    render(<TemplateCards />);
    await screen.findByText('Global template');
  });
});
`;
    const out = afterRemoval(text, true, false);
    expect(titles(out.text)).toContain('shows only global templates');
    expect(titles(out.text)).not.toContain('lists global templates while project templates are disabled');
  });
});

describe('the default a removal assumes for tests that set nothing', () => {
  const registry = `flags:
  nav-v2:
    type: release
    owner: web
    created: 2026-08-01
    expires: 2026-10-15
    state: complete
    value: true
`;
  const code = (read: string) => `import { flags } from './flags';

export function navItems(): string[] {
  return ${read} ? ['Home', 'Projects', 'Insights'] : ['Home', 'Projects'];
}
`;
  const test = `import { navItems } from './nav';
import { mockFlag } from './test-flags';

describe('navItems', () => {
  it('adds insights in the new nav', () => {
    mockFlag('nav-v2', true);
    expect(navItems()).toHaveLength(3);
  });

  it('lists two items', () => {
    expect(navItems()).toHaveLength(2);
  });
});
`;
  const run = async (read: string) => {
    const dir = tempProject({ 'flags.yaml': registry, 'src/nav.ts': code(read), 'src/nav.test.ts': test, 'src/flags.ts': 'export const flags = { isEnabled: (key: string, fallback = false) => fallback };\n', 'src/test-flags.ts': 'export function mockFlag(key: string, value: boolean): void {}\n' });
    const result = await removeFlags({ dir, flags: [{ key: 'nav-v2' }], allowDirty: true, now: '2026-11-21' });
    return { test: fs.readFileSync(path.join(dir, 'src/nav.test.ts'), 'utf8'), warnings: result.warnings.filter((w) => w.code === 'remove/deleted-test').map((w) => w.message) };
  };

  it('no registry default and no default argument: a boolean flag was off, the unset test goes', async () => {
    const { test: after, warnings } = await run("flags.isEnabled('nav-v2')");
    expect(titles(after)).toEqual(['adds insights in the new nav']);
    expect(warnings).toEqual([expect.stringContaining("ran with the flag's default")]);
  });

  it('a default argument of the kept value: the unset test ran the kept side and stays', async () => {
    const { test: after, warnings } = await run("flags.isEnabled('nav-v2', true)");
    expect(titles(after)).toEqual(['adds insights in the new nav', 'lists two items']);
    expect(warnings).toEqual([]);
  });
});

describe('a scope where most tests set nothing', () => {
  it('one test of the flag among a component suite: the unset tests are about other things and stay', () => {
    const text = `import { render, screen } from 'utils/testRenderer';
import { testServerRoute, testServerSetup } from 'utils/testServer';
import { FeatureToggles } from './FeatureToggles';

const server = testServerSetup();

test('filters by flag type', async () => {
  render(<FeatureToggles />);
  await screen.findByText('Flag type');
});

test('selects project features', async () => {
  render(<FeatureToggles />);
  await screen.findByText('Feature flags (2)');
});

test('shows the archived view in the list', async () => {
  testServerRoute(server, '/api/admin/ui-config', { flags: { projectReleaseTemplates: true } });
  render(<FeatureToggles />);
  await screen.findByText('Archived');
});
`;
    const out = afterRemoval(text, true, false);
    expect(titles(out.text.replace(/\btest\('/g, "it('"))).toEqual(['filters by flag type', 'selects project features', 'shows the archived view in the list']);
    expect(out.deleted).toEqual([]);
  });
});
