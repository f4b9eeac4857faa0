/** Config plus registry for a project directory: what every tool loads first. */
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { FlagdebtConfig, Registry } from '../types.js';
import { loadConfigRegistry } from '../registry/config-registry.js';
import { findConfig } from './config-finder.js';
import { loadConfig } from './config-loader.js';

export interface ProjectModel {
  config: FlagdebtConfig;
  registry: Registry;
  /** Registry warnings (unknown fields, unsafe defaults). */
  warnings: Diagnostic[];
}

/**
 * Finds the config by walking up from `dir` (or uses `opts.config`, relative to the current
 * directory), then loads the registry it names. Throws FlagdebtError on config or registry errors,
 * including a missing registry.
 */
export function loadProjectModel(dir: string, opts: { config?: string } = {}): ProjectModel {
  const configFile = opts.config !== undefined ? resolve(opts.config) : findConfig(dir);
  const config = loadConfig(configFile, resolve(dir));
  const { registry, warnings } = loadConfigRegistry(config);
  return { config, registry, warnings };
}
