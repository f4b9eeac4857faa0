/**
 * The registry a config names, whichever form: flags.yaml / flags.json, or code
 * (`registry: { code: [...] }`, code/code-registry.ts). What every tool loads.
 */
import { FlagdebtError } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import type { FlagdebtConfig, Registry } from '../types.js';
import { analyseCodeRegistry, type CodeRegistryOptions } from './code/code-registry.js';
import { loadRegistry, validateRegistry } from './registry-loader.js';

export interface ConfigRegistry {
  registry: Registry;
  warnings: Diagnostic[];
  /** The files the registry was read from (a code registry: its modules and the metadata YAML). */
  inputs: string[];
}

/** The config's registry and its warnings; throws FlagdebtError carrying every error. */
export function loadConfigRegistry(config: FlagdebtConfig, options: CodeRegistryOptions = {}): ConfigRegistry {
  if (config.registryCode.length === 0) return { ...loadRegistry(config.registry), inputs: [config.registry] };
  const { registry, diagnostics, inputs } = analyseCodeRegistry(config, options);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new FlagdebtError(errors);
  return { registry, warnings: diagnostics, inputs };
}

/** Every error and warning of the config's registry; never throws. */
export function validateConfigRegistry(config: FlagdebtConfig, options: CodeRegistryOptions = {}): Diagnostic[] {
  if (config.registryCode.length === 0) return validateRegistry(config.registry);
  return analyseCodeRegistry(config, options).diagnostics;
}
