/**
 * `flagdebt init` on one miniature app per SDK (fixtures/init/<sdk>/). Every flag read in a
 * fixture is marked on its line with `// read: <key>`; the config init writes must let `scan`
 * find exactly those reads, and the registry must hold the keys read outside tests, minus typos.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, REPO, SHOP, tempProject } from '../helpers.js';

const FIXTURES = join(REPO, 'fixtures/init');

interface Case {
  sdk: string;
  registered: string[];
  /** Keys read once that look like another key: reported, not registered. */
  typos?: string[];
  testOnly: string[];
}

const CASES: Case[] = [
  {
    sdk: 'growthbook',
    registered: ['annual-pricing', 'banner-text', 'max-cart-items', 'new-nav', 'one-page-checkout', 'pricing-layout', 'promo-banner', 'saved-carts', 'search-ranking'],
    typos: ['new-naw'],
    testOnly: ['test-feature', 'test-limit'],
  },
  {
    sdk: 'posthog',
    registered: ['bulk-export', 'cta-color', 'export-tier', 'invoice-history', 'onboarding-checklist', 'onboarding-copy', 'signup-survey'],
    typos: ['invoice-histroy'],
    testOnly: ['test-flag'],
  },
  { sdk: 'launchdarkly', registered: ['instant-booking', 'mapView', 'results-sort', 'search-v2', 'service-fee-percent'], testOnly: ['test-flag'] },
  { sdk: 'openfeature', registered: ['ai-suggestions', 'editor-mode', 'page-size', 'paged-notes'], testOnly: ['test-paged'] },
  { sdk: 'unleash', registered: ['beta-pipeline', 'contact-layout', 'contact-phone', 'kanban-view', 'stage-colors'], testOnly: ['test-toggle'] },
  { sdk: 'statsig', registered: ['drafts', 'long_feed', 'polls', 'reactions', 'stories_row', 'video_autoplay'], testOnly: ['test_gate'] },
  { sdk: 'configcat', registered: ['darkInvoices', 'invoiceArchive', 'invoiceFooter', 'pdfInvoices', 'showTaxBreakdown'], testOnly: ['testKey'] },
  { sdk: 'flagsmith', registered: ['font_size', 'free_recipe_limit', 'recipe_video', 'unlimited_recipes'], testOnly: ['test_feature'] },
  // Vercel `flags`: defined once in src/flags.ts, read by calling them (a `define` accessor).
  { sdk: 'vercel', registered: ['free-returns', 'hero-variant', 'size-guide'], testOnly: ['test-wiring'] },
];

/** `file:line key` of every line marked `// read: key` (or `{/* read: key *\/}`). */
function markedReads(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) {
        readFileSync(path, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            const match = /read: ([\w-]+)/.exec(line);
            if (match) out.push(`${relative(root, path)}:${i + 1} ${match[1]}`);
          });
      }
    }
  };
  walk(join(root, 'src'));
  return out.sort();
}

function copyFixture(sdk: string): { dir: string; cleanup(): void } {
  const temp = tempProject();
  cpSync(join(FIXTURES, sdk), temp.dir, { recursive: true });
  return temp;
}

describe('flagdebt init, one miniature app per SDK', () => {
  for (const c of CASES) {
    it(`${c.sdk}: writes a config that scan accepts and that finds every read`, async () => {
      const temp = copyFixture(c.sdk);
      try {
        const init = await cli(['init', '--now', '2026-11-21'], temp.dir);
        expect(init.stderr).not.toMatch(/error/);
        expect(init.code).toBe(0);

        const config = JSON.parse(readFileSync(join(temp.dir, 'flagdebt.config.json'), 'utf8')) as { accessors: Record<string, unknown>[]; budget: { unregistered: number } };
        // Accessors name what the SDK exports, scoped to its package: never a local variable.
        if (c.sdk === 'vercel') expect(config.accessors).toEqual([{ define: 'flag', keyProperty: 'key', keyArg: 0, from: 'flags' }]);
        // Statsig's gate object holds the value in `.value`: the codemod folds that, never the object.
        if (c.sdk === 'statsig') {
          expect(config.accessors).toContainEqual({ call: 'useFeatureGate', keyArg: 0, from: '@statsig/react-bindings', returns: 'object', valueProperty: 'value' });
        }
        for (const accessor of config.accessors) {
          if ('call' in accessor) {
            expect(accessor.call).not.toContain('.');
            expect(typeof accessor.from).toBe('string');
          }
        }

        const registry = parse(readFileSync(join(temp.dir, 'flags.yaml'), 'utf8')) as { flags: Record<string, unknown> };
        expect(Object.keys(registry.flags).sort()).toEqual(c.registered);
        for (const key of [...(c.typos ?? []), ...c.testOnly]) expect(registry.flags).not.toHaveProperty(key);
        for (const typo of c.typos ?? []) expect(init.stderr).toContain(`"${typo}" is read once and looks like`);

        const scan = await cli(['scan', '--format', 'json', '--now', '2026-11-21'], temp.dir);
        expect(scan.code).toBe(0);
        const result = JSON.parse(scan.stdout) as { references: { flag: string | null; file: string; line: number; kind: string; test: boolean }[]; unregistered: unknown[] };
        // The starter budget is exactly what the first scan counts (typos; never a test's made-up key).
        expect(config.budget.unregistered).toBe(result.unregistered.length);
        const found = result.references.filter((r) => r.kind === 'evaluation').map((r) => `${r.file}:${r.line} ${r.flag}`);
        expect(found.sort()).toEqual(markedReads(temp.dir));
        // SDK test keys are references (in test files), never registered flags.
        const testKeys = new Set(result.references.filter((r) => r.test).map((r) => r.flag));
        expect([...testKeys].sort()).toEqual(c.testOnly);
      } finally {
        temp.cleanup();
      }
    });
  }

  it('placeholders are warnings that name `flagdebt init`, so validate passes', async () => {
    const temp = copyFixture('unleash');
    try {
      expect((await cli(['init'], temp.dir)).code).toBe(0);
      const validate = await cli(['registry', 'validate'], temp.dir);
      expect(validate.code).toBe(0);
      expect(validate.stderr).toMatch(/warning: \[beta-pipeline\] `owner` still holds the placeholder TODO-fill-in left by `flagdebt init`/);
      expect(validate.stdout).toMatch(/valid \(10 warnings\)/);
    } finally {
      temp.cleanup();
    }
  });
});

describe('flagdebt init: what it writes and when', () => {
  it('--dry-run prints both files and writes nothing', async () => {
    const temp = copyFixture('posthog');
    try {
      const result = await cli(['init', '--dry-run', '--now', '2026-11-21'], temp.dir);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^--- flagdebt\.config\.json \(dry run: not written\)\n\{/);
      expect(result.stdout).toContain('--- flags.yaml (dry run: not written)\n# Starter registry written by `flagdebt init`');
      expect(result.stdout).toContain('"from": "posthog-js"');
      expect(result.stdout).toContain('  onboarding-checklist:\n    type: release');
      // `tier === 'large'`: a multivariate flag, so an experiment whose default is a variant.
      expect(result.stdout).toMatch(/ {2}export-tier:\n {4}type: experiment\n(?: {4}\w+: .*\n)* {4}default: control\n/);
      expect(result.stderr).toContain('experiment: export-tier (compared with "large"): default "control"');
      expect(existsSync(join(temp.dir, 'flagdebt.config.json'))).toBe(false);
      expect(existsSync(join(temp.dir, 'flags.yaml'))).toBe(false);
    } finally {
      temp.cleanup();
    }
  });

  it('never overwrites an existing config or registry without --force', async () => {
    const temp = copyFixture('statsig');
    try {
      writeFileSync(join(temp.dir, 'flags.yaml'), 'flags: {}\n');
      const refused = await cli(['init'], temp.dir);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/flags\.yaml already exists/);
      expect(existsSync(join(temp.dir, 'flagdebt.config.json'))).toBe(false);
      expect(readFileSync(join(temp.dir, 'flags.yaml'), 'utf8')).toBe('flags: {}\n');
      // --dry-run may look even when the files exist.
      expect((await cli(['init', '--dry-run'], temp.dir)).code).toBe(0);
      expect((await cli(['init', '--force'], temp.dir)).code).toBe(0);
      expect(readFileSync(join(temp.dir, 'flags.yaml'), 'utf8')).toContain('stories_row:');
    } finally {
      temp.cleanup();
    }
  });

  it('with no SDK reads it exits 2 with a fix, and writes no empty accessor list', async () => {
    const temp = tempProject({
      'package.json': '{ "name": "plain", "private": true }\n',
      'src/index.ts': "export const greet = (name: string) => `hello ${name}`;\n",
      'src/flags.ts': "export function isEnabled(flag: string): boolean {\n  return flag === 'always-on';\n}\n",
    });
    try {
      const result = await cli(['init'], temp.dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/no flag SDK reads found .*nothing was written/);
      expect(result.stderr).toMatch(/fix: .*"accessors": \[\{ "call": "flags\.isEnabled", "keyArg": 0 \}\]/);
      expect(existsSync(join(temp.dir, 'flagdebt.config.json'))).toBe(false);
      expect(existsSync(join(temp.dir, 'flags.yaml'))).toBe(false);
    } finally {
      temp.cleanup();
    }
  });

  it('warns about a destructured useFlags() that no accessor can describe', async () => {
    const temp = tempProject({
      'src/Nav.tsx': [
        "import { useFlags } from 'launchdarkly-react-client-sdk';",
        "import { useFeatureFlag } from './useFeatureFlag';",
        '',
        'export function Nav() {',
        '  const { darkMode } = useFlags();',
        '  const flags = useFlags();',
        "  const billing = useFeatureFlag('billing-v2');",
        "  return <nav className={darkMode ? 'dark' : ''}>{flags.navV2 ? 'v2' : 'v1'}{billing ? '$' : ''}</nav>;",
        '}',
        '',
      ].join('\n'),
      // The project's own hook over the container, with an environment override first.
      'src/useFeatureFlag.ts': [
        "import { useFlags } from 'launchdarkly-react-client-sdk';",
        '',
        'export function useFeatureFlag(key: string, defaultValue = false): boolean {',
        '  const flags = useFlags();',
        "  if (process.env.FLAGS_FROM_ENV === '1') {",
        "    return process.env[key] === 'true';",
        '  }',
        '  return flags[key] ?? defaultValue;',
        '}',
        '',
      ].join('\n'),
      // A build script's parsed options are also called `flags`: no container of the SDK.
      'scripts/release.ts': [
        "const flags = { dryRun: process.argv.includes('--dry-run'), verbose: false };",
        '',
        "export const mode = flags.dryRun ? 'dry' : flags.verbose ? 'loud' : 'quiet';",
        '',
      ].join('\n'),
    });
    try {
      const result = await cli(['init', '--dry-run'], temp.dir);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/src\/Nav\.tsx:5: `\{ darkMode \} = useFlags\(\)`: destructured useFlags\(\)/);
      expect(result.stdout).toMatch(/"member": "flags",\s*"from": "launchdarkly-react-client-sdk"/);
      expect(result.stdout).toContain('  navV2:');
      // Read through the hook: a wrapper of the container although it has a second source.
      expect(result.stdout).toContain('  billing-v2:');
      expect(result.stdout).not.toMatch(/^ {2}(dryRun|verbose):/m);
    } finally {
      temp.cleanup();
    }
  });

  it('on the shop: no typo (`new-chekout`) and no look-alike call becomes a flag', async () => {
    const temp = tempProject();
    try {
      cpSync(SHOP, temp.dir, { recursive: true });
      rmSync(join(temp.dir, 'flagdebt.config.json'));
      rmSync(join(temp.dir, 'flags.yaml'));
      const result = await cli(['init', '--now', '2026-11-21'], temp.dir);
      expect(result.code).toBe(0);
      const registry = parse(readFileSync(join(temp.dir, 'flags.yaml'), 'utf8')) as { flags: Record<string, unknown> };
      const keys = Object.keys(registry.flags);
      // The shop reads OpenFeature through `client` imported from the SDK; preferences.ts calls
      // the same method on a parameter (a look-alike), and plugin.isEnabled is not an SDK.
      expect(keys).toEqual(['ops-read-only-mode']);
      for (const key of ['new-chekout', 'compact-layout', 'email-receipts', 'support-chat']) expect(keys).not.toContain(key);
      const config = JSON.parse(readFileSync(join(temp.dir, 'flagdebt.config.json'), 'utf8'));
      // The server SDK's reads are promises: the codemod folds them only where awaited.
      expect(config.accessors).toEqual([{ call: 'getBooleanValue', keyArg: 0, defaultArg: 1, from: '@openfeature/server-sdk', returns: 'promise' }]);
    } finally {
      temp.cleanup();
    }
  });
});

describe('flagdebt init without a flag SDK', () => {
  it('proposes the project\'s own flag functions, known by their key parameter\'s type, and the keys\' list as the registry', async () => {
    const temp = tempProject();
    try {
      cpSync(join(REPO, 'test/fixtures/init-in-house/tracing-ui'), temp.dir, { recursive: true });
      const result = await cli(['init', '--now', '2026-11-21'], temp.dir);
      expect(result.code).toBe(0);
      expect(result.stderr).toContain('in-house (typed key): useIsFeatureEnabled() from any module (2 reads)');
      const config = JSON.parse(readFileSync(join(temp.dir, 'flagdebt.config.json'), 'utf8'));
      // `optOutFlagOf(input.flag)` passes a key on; `setFeatureEnabled` writes; a test's call does not count.
      // Its declared return type (`boolean`) says a read is a plain value.
      expect(config.accessors).toEqual([{ call: 'useIsFeatureEnabled', keyArg: 0, returns: 'boolean' }]);
      expect(config.registry).toEqual({ code: ['src/features/flags/available-flags.ts#availableFlags'] });
      const scan = await cli(['scan', '--format', 'json', '--now', '2026-11-21'], temp.dir);
      const found = JSON.parse(scan.stdout);
      expect(found.references.filter((r: { kind: string }) => r.kind === 'evaluation').map((r: { flag: string; file: string }) => `${r.file} ${r.flag}`)).toEqual([
        'src/components/Session.tsx modernSession',
        'src/components/Timeline.tsx compactTimeline',
      ]);
      expect(found.unused).toEqual([{ flag: 'searchBar' }]);
    } finally {
      temp.cleanup();
    }
  });

  it('proposes the methods of an in-house experiment service (`inExperiment(experimentName: string): Promise<boolean>`), with what their declared type says they return', async () => {
    const temp = tempProject();
    try {
      cpSync(join(REPO, 'test/fixtures/init-in-house/editor-extension'), temp.dir, { recursive: true });
      const result = await cli(['init', '--now', '2026-11-21'], temp.dir);
      expect(result.code).toBe(0);
      const config = JSON.parse(readFileSync(join(temp.dir, 'flagdebt.config.json'), 'utf8'));
      // `getExperimentValue` is never called with a static key; `forServer(experimentName)` passes a name on.
      expect(config.accessors).toEqual([
        { call: 'inExperiment', keyArg: 0, returns: 'promise' },
        { call: 'inExperimentSync', keyArg: 0, returns: 'boolean' },
      ]);
      const scan = await cli(['scan', '--format', 'json', '--now', '2026-11-21'], temp.dir);
      const found = JSON.parse(scan.stdout);
      expect(found.references.filter((r: { kind: string }) => r.kind === 'evaluation').map((r: { flag: string; file: string }) => `${r.file} ${r.flag}`)).toEqual([
        'src/activation/surveyPrompt.ts editorSurveyNotification',
        'src/terminal/activator.ts editorTerminalEnvVarActivation',
        'src/test/surveyPrompt.unit.test.ts editorSurveyNotification',
      ]);
      // `await ...inExperiment(K)` folds; the test's un-awaited Promise is left and reported.
      const removal = await cli(['remove', 'editorSurveyNotification', '--value', 'true', '--dry-run', '--now', '2026-11-21'], temp.dir);
      expect(removal.stderr).toContain('editorSurveyNotification = true: 1 evaluation folded');
      expect(removal.stderr).toContain('src/test/surveyPrompt.unit.test.ts:7:12: warning: [editorSurveyNotification] not folded: inExperiment(...) returns a Promise');
    } finally {
      temp.cleanup();
    }
  });

  it('proposes `valueProperty` for an in-house hook whose object the project destructures (`const { enabled } = useFlag(K)`), and the codemod then folds those reads', async () => {
    const temp = tempProject();
    try {
      cpSync(join(REPO, 'test/fixtures/init-in-house/dashboard-hooks'), temp.dir, { recursive: true });
      const result = await cli(['init', '--now', '2026-11-21'], temp.dir);
      expect(result.code).toBe(0);
      const config = JSON.parse(readFileSync(join(temp.dir, 'flagdebt.config.json'), 'utf8'));
      expect(config.accessors).toEqual([{ call: 'useFlag', keyArg: 0, returns: 'object', valueProperty: 'enabled' }]);
      const removal = await cli(['remove', 'discount_rules', '--value', 'true', '--dry-run', '--now', '2026-11-21'], temp.dir);
      expect(removal.code).toBe(0);
      expect(removal.stderr).toContain('discount_rules = true: 2 evaluations folded');
      expect(removal.stderr).not.toContain('not folded');
      expect(removal.stdout + removal.stderr).toContain('+  return "DiscountCreate";');
    } finally {
      temp.cleanup();
    }
  });

  it('proposes a flags service\'s container (`featureFlagService.flags.x.value`, `useLiveData(featureFlagService.flags.x.$)`) with what its handles hold, and the object listing the flags as the registry', async () => {
    const temp = tempProject();
    try {
      cpSync(join(REPO, 'test/fixtures/init-in-house/storefront'), temp.dir, { recursive: true });
      const result = await cli(['init', '--now', '2026-11-21'], temp.dir);
      expect(result.code).toBe(0);
      expect(result.stderr).toContain('in-house (flags service): featureFlagService.flags.<flag> (member)');
      const config = JSON.parse(readFileSync(join(temp.dir, 'flagdebt.config.json'), 'utf8'));
      // `.value` is the value; `$` is a stream the project unwraps with `useLiveData` and `get`; `.set(on)` writes.
      expect(config.accessors).toEqual([{ member: 'featureFlagService.flags', returns: 'object', valueProperty: 'value', observableProperty: '$', unwrap: ['get', 'useLiveData'] }]);
      expect(config.registry).toEqual({ code: ['src/flags/feature-flag-service.ts#STORE_FLAGS'] });
      const scan = await cli(['scan', '--format', 'json', '--now', '2026-11-21'], temp.dir);
      const found = JSON.parse(scan.stdout);
      expect(found.references.filter((r: { kind: string }) => r.kind === 'evaluation').map((r: { flag: string; file: string }) => `${r.file} ${r.flag}`).sort()).toEqual([
        'src/checkout/summary.ts one_click_checkout',
        'src/checkout/summary.ts one_click_checkout',
        'src/checkout/use-checkout-menu.ts one_click_checkout',
        'src/checkout/use-pay-handler.ts one_click_checkout',
        'src/settings/experimental-features.ts saved_carts',
      ]);
      // With init's config the codemod folds every read: `.value`, and `$` through both unwrap calls.
      const removal = await cli(['remove', 'one_click_checkout', '--value', 'true', '--dry-run', '--now', '2026-11-21'], temp.dir);
      expect(removal.code).toBe(0);
      expect(removal.stderr).toContain('one_click_checkout = true: 4 evaluations folded');
      expect(removal.stderr).not.toContain('not folded');
    } finally {
      temp.cleanup();
    }
  });

  it('proposes the object a project function named for flags hands out (`const features = await getFeatureFlags()`), under every name the project holds it, not a plan\'s entitlements', async () => {
    const temp = tempProject();
    try {
      cpSync(join(REPO, 'test/fixtures/init-in-house/docs-sharing'), temp.dir, { recursive: true });
      const result = await cli(['init', '--now', '2026-11-21'], temp.dir);
      expect(result.code).toBe(0);
      const config = JSON.parse(readFileSync(join(temp.dir, 'flagdebt.config.json'), 'utf8'));
      expect(config.accessors).toEqual([
        { member: 'featureFlags', from: '@/lib/featureFlags' },
        { member: 'features', from: '@/lib/featureFlags' },
        { member: 'docFeatureFlags', from: '@/lib/featureFlags' },
      ]);
      expect(config.registry).toEqual({ code: ['lib/featureFlags/index.ts#BetaFeatures'] });
      const scan = await cli(['scan', '--format', 'json', '--now', '2026-11-21'], temp.dir);
      const found = JSON.parse(scan.stdout);
      expect(found.references.filter((r: { kind: string }) => r.kind === 'evaluation').map((r: { flag: string; file: string }) => `${r.file} ${r.flag}`).sort()).toEqual([
        'pages/api/annotations.ts annotations',
        'pages/api/tokens.ts tokens',
        'pages/view.tsx textSelection',
      ]);
      expect(found.unused).toEqual([{ flag: 'webhooks' }]);
    } finally {
      temp.cleanup();
    }
  });
});
