/** What flagdebt assumes when the config says nothing. Documented in docs/config.md. */
import type { Accessor, StalenessConfig } from '../types.js';

export const CONFIG_FILE_NAMES = ['flagdebt.config.json', 'flagdebt.config.yaml', 'flagdebt.config.yml'] as const;

/** Tried in order next to the config when `registry` is not set. */
export const REGISTRY_FILE_NAMES = ['flags.yaml', 'flags.yml', 'flags.json'] as const;

export const DEFAULT_INCLUDE: readonly string[] = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

/**
 * Build output, and Yarn's own files: `.yarn/` holds Yarn's release (a 2 MB bundle), plugins and
 * SDKs, `.pnp.cjs` its generated resolver; none is the project's code, and a file too large to
 * analyse that happens to spell a key would keep `remove` from archiving it.
 */
export const DEFAULT_EXCLUDE: readonly string[] = ['**/dist/**', '**/build/**', '**/coverage/**', '**/*.d.ts', '**/.yarn/**', '**/.pnp.cjs', '**/.pnp.loader.mjs'];

/**
 * Test files as real monorepos lay them out: unit tests beside the code (`*.test.ts`,
 * `*.spec.tsx`), NestJS and Cypress suffixes (`*.e2e-spec.ts`, `*.e2e.ts`, `*.cy.ts`), Jest
 * projects split by environment (`*.clienttest.ts`, `*.servertest.ts`), and test
 * folders (`test/`, `tests/`, `e2e/`, `cypress/`, `__tests__/`, `__mocks__/`, `testing/`).
 */
export const DEFAULT_TESTS: readonly string[] = [
  '**/*.{test,spec,e2e,cy}.*',
  '**/*.{test,spec,e2e}-*.*',
  '**/*.{clienttest,servertest,unittest,integrationtest}.*',
  '**/{__tests__,__mocks__,test,tests,e2e,cypress,testing}/**',
];

/**
 * Reads of the common SDKs whose names are specific enough not to drown a codebase in false
 * positives: `useFlag(key)` (Unleash React and most in-house hooks), `isEnabled(key)` (Unleash
 * and in-house clients), and OpenFeature's typed getters `getXValue(key, default)`.
 * Configuring `accessors` replaces this list.
 */
export const DEFAULT_ACCESSORS: readonly Accessor[] = [
  { call: 'useFlag', keyArg: 0 },
  { call: 'isEnabled', keyArg: 0 },
  { call: 'getBooleanValue', keyArg: 0, defaultArg: 1 },
  { call: 'getStringValue', keyArg: 0, defaultArg: 1 },
  { call: 'getNumberValue', keyArg: 0, defaultArg: 1 },
];

/**
 * Modelled on the flag platforms: a release flag is done two weeks after it reaches everyone
 * and should never live past two months; an experiment is done when it is decided; ops kill
 * switches and permissions are long-lived by design, so only their `expires` date counts.
 */
export const DEFAULT_STALENESS: StalenessConfig = {
  release: { completeForDays: 14, maxAgeDays: 60, expires: true },
  experiment: { completeForDays: 0, expires: true },
  ops: { expires: true },
  permission: { expires: true },
};
