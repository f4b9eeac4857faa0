/**
 * The packages' `exports` point at the bundles scripts/bundle.mjs makes from tsc's output. They
 * must offer exactly what the unbundled modules offer, share one copy of core's state between
 * core's two entry points, and find their own files (package.json, the CommonJS shims).
 */
import { createRequire } from 'node:module';
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
    expect(require.resolve('@flagdebt/eslint-plugin')).toBe(path.join(REPO, 'packages/eslint-plugin/dist/bundle/index.js'));
  });

  it("core's bundle exports the same names as its modules", async () => {
    const bundled = await import('@flagdebt/core');
    const modules = await unbundled('packages/core/dist/index.js');
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(modules).sort());
    const importers = await import('@flagdebt/core/importers');
    expect(Object.keys(importers).sort()).toEqual(Object.keys(await unbundled('packages/core/dist/importers/index.js')).sort());
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
});
