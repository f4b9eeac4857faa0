/** `registry validate` and `scan` on a registry that lives in code, through the CLI. */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, STACK_LINE, cli, tempProject } from '../helpers.js';

const FIXTURES = join(REPO, 'packages/scanner/test/fixtures/code-registry');

describe('flagdebt with a code registry', () => {
  it('validates the exports named by the config, with the metadata warnings', async () => {
    const result = await cli(['registry', 'validate'], join(FIXTURES, 'union'));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('registry src/lib/types/experimental.ts#IFlagKey, frontend/src/interfaces/uiConfig.ts#UiFlags: valid (1 warning)\n');
    expect(result.stderr).toMatch(/^flags\.yaml:16:3: warning: \[strayFlag\]/);
  });

  it('reports bad JSDoc tags and a broken config entry at file:line, exit 2, no stack trace', async () => {
    const project = tempProject({
      'flagdebt.config.json': '{ "registry": { "code": ["src/flags.ts#Flag"] } }\n',
      'src/flags.ts': "export enum Flag {\n  /** @owner web @expires soon */\n  NewNav = 'new-nav',\n}\n",
    });
    try {
      const bad = await cli(['registry', 'validate'], project.dir);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/^src\/flags\.ts: warning: 1 flag in this module has no `created` date/m);
      expect(bad.stderr).toMatch(/^src\/flags\.ts:2:18: error: \[new-nav\] `@expires` is "soon", not a date/m);
      expect(bad.stderr).not.toMatch(STACK_LINE);
      const scan = await cli(['scan', project.dir], project.dir);
      expect(scan.code).toBe(2);
      const broken = tempProject({ 'flagdebt.config.json': '{\n  "registry": { "code": "src/flags.ts" }\n}\n' });
      try {
        const config = await cli(['scan', broken.dir], broken.dir);
        expect(config.code).toBe(2);
        expect(config.stderr).toMatch(/flagdebt\.config\.json:2:25: error: .*missing `#ExportName`/);
        expect(config.stderr).not.toMatch(STACK_LINE);
      } finally {
        broken.cleanup();
      }
    } finally {
      project.cleanup();
    }
  });

  it('init points the config at the enum and the as-const object that list the keys read, and writes no flags.yaml', async () => {
    const project = tempProject();
    try {
      cpSync(join(REPO, 'test/fixtures/init-code-registry/crm'), project.dir, { recursive: true });
      const init = await cli(['init', '--now', '2026-11-21'], project.dir);
      expect(init.code).toBe(0);
      expect(init.stderr).toContain('registry in code: src/flags/feature-flag.ts#FeatureFlag (4 keys, 3 read)');
      const config = JSON.parse(readFileSync(join(project.dir, 'flagdebt.config.json'), 'utf8'));
      // DealStatus (an enum no read uses) is left alone.
      expect(config.registry).toEqual({ code: ['src/flags/feature-flag.ts#FeatureFlag', 'src/flags/experiments.ts#EXPERIMENTS'] });
      expect(config.budget).toEqual({ stale: 10, unregistered: 0 });
      expect(existsSync(join(project.dir, 'flags.yaml'))).toBe(false);
      const scan = await cli(['scan', '--format', 'json', '--now', '2026-11-21'], project.dir);
      expect(scan.code).toBe(0);
      const result = JSON.parse(scan.stdout);
      expect(result.summary).toMatchObject({ flags: 6, unused: 1, unregistered: 0 });
      expect(result.unused).toEqual([{ flag: 'legacy-import' }]);
    } finally {
      project.cleanup();
    }
  });

  it('init takes a generated type named for flags that lists every key read, though most of its keys are unread (the debt)', async () => {
    const project = tempProject();
    try {
      cpSync(join(REPO, 'test/fixtures/init-code-registry/analytics'), project.dir, { recursive: true });
      const init = await cli(['init', '--now', '2026-11-21'], project.dir);
      expect(init.code).toBe(0);
      expect(init.stderr).toContain('registry in code: src/types/app-features.ts#AppFeatures (8 keys, 4 read)');
      const config = JSON.parse(readFileSync(join(project.dir, 'flagdebt.config.json'), 'utf8'));
      // PlanFeature, a licensing union that spells one flag's key, is not a registry.
      expect(config.registry).toEqual({ code: ['src/types/app-features.ts#AppFeatures'] });
      const scan = await cli(['scan', '--format', 'json', '--now', '2026-11-21'], project.dir);
      expect(scan.code).toBe(0);
      const result = JSON.parse(scan.stdout);
      // The server read goes through the project's client getter (`getGrowthBookClient()?.evalFeature`).
      const read = result.references.filter((r: { kind: string }) => r.kind === 'evaluation').map((r: { flag: string }) => r.flag);
      expect([...new Set(read)].sort()).toEqual(['csv-export-limit', 'dashboard-v2', 'query-timeout-ms', 'sampling-banner']);
      expect(result.summary).toMatchObject({ flags: 8, unused: 4, unregistered: 0 });
      expect(result.unused.map((u: { flag: string }) => u.flag).sort()).toEqual(['dark-mode-beta', 'legacy-charts', 'onboarding-checklist', 'welcome-copy']);
    } finally {
      project.cleanup();
    }
  });
});
