/**
 * The packages' `exports` point at the bundles scripts/bundle.mjs makes from tsc's output. They
 * must offer exactly what the unbundled modules offer, share one copy of core's state between
 * core's two entry points, and find their own files (package.json, the CommonJS shims).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const unbundled = (rel: string) => import(pathToFileURL(path.join(REPO, rel)).href);

describe('bundles', () => {
  it('are what the packages export', () => {
    expect(require.resolve('@flagdebt/core')).toBe(path.join(REPO, 'packages/core/dist/bundle/index.js'));
    expect(require.resolve('@flagdebt/core/importers')).toBe(path.join(REPO, 'packages/core/dist/bundle/importers.js'));
    expect(require.resolve('@flagdebt/scanner')).toBe(path.join(REPO, 'packages/scanner/dist/bundle/index.js'));
    expect(require.resolve('@flagdebt/eslint-plugin')).toBe(path.join(REPO, 'packages/eslint-plugin/dist/bundle/index.js'));
  });

  it("core's bundle exports the same names as its modules", async () => {
    const bundled = await import('@flagdebt/core');
    const modules = await unbundled('packages/core/dist/index.js');
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(modules).sort());
    const importers = await import('@flagdebt/core/importers');
    expect(Object.keys(importers).sort()).toEqual(Object.keys(await unbundled('packages/core/dist/importers/index.js')).sort());
  });

  it("the scanner's bundle exports the same names as its modules, and finds its own package.json", async () => {
    const bundled = await import('@flagdebt/scanner');
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(await unbundled('packages/scanner/dist/index.js')).sort());
    // SARIF names the tool's version, read relative to the module (one folder below dist/).
    const result = await bundled.scan({ dir: path.join(REPO, 'fixtures/shop'), now: '2026-11-21' });
    const sarif = JSON.parse(bundled.renderScan(result, 'sarif', {}));
    expect(sarif.runs[0].tool.driver.semanticVersion).toBe(require('@flagdebt/scanner/package.json').version);
  });

  it("core's two entry points share one error class (the CLI tells user errors from bugs by it)", async () => {
    const core = await import('@flagdebt/core');
    const { importRegistry } = await import('@flagdebt/core/importers');
    let thrown: unknown;
    try {
      importRegistry('no-such-vendor' as never, '', { file: 'flags.json' } as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeDefined();
    expect(thrown).toBeInstanceOf(core.FlagdebtError);
  });

  it("the plugin's bundle has every rule and config, and its own version", async () => {
    const { default: bundled } = await import('@flagdebt/eslint-plugin');
    const { default: modules } = await unbundled('packages/eslint-plugin/dist/index.js');
    expect(Object.keys(bundled.rules).sort()).toEqual(Object.keys(modules.rules).sort());
    expect(Object.keys(bundled.configs).sort()).toEqual(['recommended', 'strict']);
    expect(bundled.meta.version).toBe(require('@flagdebt/eslint-plugin/package.json').version);
  });

  it("the plugin's bundle parses YAML with its own one-file copy of yaml, errors located as before", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'flagdebt-yaml-bundle-'));
    try {
      for (const [name, registry] of [
        ['good', 'flags:\n  new-checkout:\n    type: release\n    owner: team-checkout\n    created: 2026-01-10\n    expires: 2027-01-10\n'],
        ['broken', 'flags:\n  new-checkout:\n    type: release\n   owner: [team-checkout\n'],
      ]) {
        mkdirSync(path.join(dir, name, 'src'), { recursive: true });
        writeFileSync(path.join(dir, name, 'flagdebt.config.json'), JSON.stringify({ registry: 'flags.yaml', accessors: [{ call: 'flags.isEnabled', keyArg: 0, defaultArg: 1 }] }));
        writeFileSync(path.join(dir, name, 'flags.yaml'), registry);
        writeFileSync(path.join(dir, name, 'src/cart.ts'), "declare const flags: { isEnabled(key: string, fallback: boolean): boolean };\nexport const v2 = flags.isEnabled('new-chekout', false);\n");
      }
      // A fresh process without caches: config and registry are parsed, so yaml is loaded.
      const script = `
        import { createRequire } from 'node:module';
        const { ESLint } = await import('eslint');
        const { default: tseslint } = await import('typescript-eslint');
        const { default: flagdebt } = await import('@flagdebt/eslint-plugin');
        const out = {};
        for (const name of ['good', 'broken']) {
          const eslint = new ESLint({ cwd: ${JSON.stringify(dir)} + '/' + name, overrideConfigFile: true, overrideConfig: [
            { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, flagdebt.configs.recommended] });
          const [result] = await eslint.lintFiles(['src/cart.ts']);
          out[name] = result.messages.map((m) => m.ruleId + ' ' + m.line + ' ' + m.message);
        }
        out.yamlPackageFiles = Object.keys(createRequire(import.meta.url).cache).filter((f) => f.includes('/node_modules/yaml/')).length;
        console.log(JSON.stringify(out));`;
      const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8', env: { ...process.env, FLAGDEBT_COMPILE_CACHE: '0' } });
      const out = JSON.parse(stdout) as { good: string[]; broken: string[]; yamlPackageFiles: number };
      expect(out.good).toEqual(['flagdebt/registered 2 Flag "new-chekout" is not in the registry (flags.yaml). Did you mean "new-checkout"? Add it there, or fix the key.']);
      expect(out.broken).toHaveLength(1);
      expect(out.broken[0]).toMatch(/^flagdebt\/registered 1 flagdebt: flags\.yaml:4:/);
      // The package's own files were never loaded: the bundle's copy parsed both registries.
      expect(out.yamlPackageFiles).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
