/**
 * Loads the `yaml` package. Its own module so that the ESLint plugin's bundle can put another
 * loader in its place (scripts/bundle.mjs: its one-file copy of yaml, through the code cache)
 * with the bundler's `load` hook, by module, not by editing text.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

export function loadYamlModule(): typeof Yaml {
  return createRequire(import.meta.url)('yaml') as typeof Yaml;
}
