/**
 * Severities per config, in one table so the meta-test can check every rule is placed
 * deliberately. `recommended` is what every project wants on day one; `strict` adds the rules
 * about how flags are read, which ask for code changes.
 */
import type { RuleName } from './rules/index.js';

/**
 * The files both configs apply to. ESLint on its own lints only JavaScript files; naming the
 * TypeScript extensions here makes `eslint .` pick up .ts and .tsx files too (they still need a
 * TypeScript parser, e.g. typescript-eslint's: README, "ESLint").
 */
export const SOURCE_FILES = ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'];

type Severity = 'error' | 'warn' | 'off';

export const SEVERITIES: Record<RuleName, { recommended: Severity; strict: Severity }> = {
  'static-key': { recommended: 'error', strict: 'error' },
  registered: { recommended: 'error', strict: 'error' },
  'safe-default': { recommended: 'error', strict: 'error' },
  'no-archived': { recommended: 'error', strict: 'error' },
  'no-expired': { recommended: 'warn', strict: 'warn' },
  'ready-to-remove': { recommended: 'warn', strict: 'warn' },
  naming: { recommended: 'warn', strict: 'warn' },
  'inline-evaluation': { recommended: 'off', strict: 'error' },
  'max-flags-per-function': { recommended: 'off', strict: 'warn' },
};

/** `{ 'flagdebt/<rule>': severity }` for the rules a config turns on. */
export function ruleEntries(config: 'recommended' | 'strict'): Record<string, Severity> {
  const entries: Record<string, Severity> = {};
  for (const [rule, severity] of Object.entries(SEVERITIES)) {
    if (severity[config] !== 'off') entries[`flagdebt/${rule}`] = severity[config];
  }
  return entries;
}
