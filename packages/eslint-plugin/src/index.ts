/**
 * `@flagdebt/eslint-plugin`: flag-debt rules for ESLint flat config.
 *
 *   import flagdebt from '@flagdebt/eslint-plugin';
 *   export default [flagdebt.configs.recommended];
 */
import { createRequire } from 'node:module';
import type { ESLint, Linter } from 'eslint';
import { ruleEntries, SOURCE_FILES } from './configs.js';
import { rules } from './rules/index.js';

// By package name, not by a relative path: the module runs from dist/ or from dist/bundle/.
const pkg = createRequire(import.meta.url)('@flagdebt/eslint-plugin/package.json') as { version: string };

interface FlagdebtPlugin {
  meta: { name: string; namespace: string; version: string };
  rules: typeof rules;
  /** Typed with ESLint's own config type, so `defineConfig([flagdebt.configs.recommended])` type-checks. */
  configs: { recommended: Linter.Config; strict: Linter.Config };
}

const plugin: FlagdebtPlugin = {
  // Rule ids are `flagdebt/<rule>`, not `@flagdebt/<rule>`: the name tells tools (ESLint's cache,
  // eslint-doc-generator) that prefix, where the npm scope would suggest another one.
  meta: { name: 'eslint-plugin-flagdebt', namespace: 'flagdebt', version: pkg.version },
  rules,
  configs: {} as FlagdebtPlugin['configs'],
};

// The configs include the plugin itself, so `[flagdebt.configs.recommended]` is a whole config.
// typescript-eslint's rule types and ESLint's differ only in detail; the objects are the same.
const asEslintPlugin = plugin as unknown as ESLint.Plugin;
plugin.configs.recommended = { name: 'flagdebt/recommended', files: SOURCE_FILES, plugins: { flagdebt: asEslintPlugin }, rules: ruleEntries('recommended') };
plugin.configs.strict = { name: 'flagdebt/strict', files: SOURCE_FILES, plugins: { flagdebt: asEslintPlugin }, rules: ruleEntries('strict') };

export default plugin;

export type { FlagdebtSettings } from './settings.js';
