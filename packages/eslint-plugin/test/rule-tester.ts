/** RuleTester wired to vitest, plus the fixture projects the rules read their config from. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** "Today" in every rule test, so expiry does not depend on the day the tests run. */
export const NOW = '2026-11-21';

/** Absolute path of a file in a fixture project. */
export function fixtureFile(fixture: string, relative: string): string {
  return path.join(FIXTURES, fixture, relative);
}

/** A file of the storefront fixture: a miniature shop with a config, a registry and flag helpers. */
export function storefront(relative: string): string {
  return fixtureFile('storefront', relative);
}

export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    settings: { flagdebt: { now: NOW } },
  });
}

/** With type information: the storefront's tsconfig through the project service. */
export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: path.join(FIXTURES, 'storefront'), ecmaFeatures: { jsx: true } },
    },
    settings: { flagdebt: { now: NOW } },
  });
}
