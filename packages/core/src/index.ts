export * from './types.js';
export * from './diagnostics.js';
export { loadRegistry, validateRegistry, registryFormat } from './registry/registry-loader.js';
export { archiveFlagInText } from './registry/archive.js';
export { configInDir, findConfig } from './config/config-finder.js';
export { loadConfig, defaultConfig } from './config/config-loader.js';
export { loadProjectModel } from './config/project-model.js';
export { cachedAnalysis, previousAnalysis, storeAnalysis } from './config/model-cache.js';
export type { ModelCodec } from './config/model-cache.js';
export type { ProjectModel } from './config/project-model.js';
export { DEFAULT_ACCESSORS, DEFAULT_INCLUDE, DEFAULT_EXCLUDE, DEFAULT_TESTS, DEFAULT_STALENESS, CONFIG_FILE_NAMES, REGISTRY_FILE_NAMES } from './config/defaults.js';
export { evaluateStaleness, isExpired } from './policy/staleness.js';
export type { StalenessVerdict } from './policy/staleness.js';
export { parseIsoDate, isIsoDate, formatIsoDate, daysBetween, addDays, todayIso } from './policy/dates.js';
export { suggestKey, editDistance } from './policy/suggestions.js';
export { checkNaming } from './policy/naming.js';
export { FlagProject } from './matching/flag-project.js';
export { CandidateFilter, trieSource } from './matching/candidate-filter.js';
export { skimFunctions } from './matching/skim.js';
export type { Skim } from './matching/skim.js';
export type { FlagProjectOptions } from './matching/flag-project.js';
export { nodeSourceHost } from './matching/source-host.js';
export { walkFiles } from './files/walk-files.js';
export type { WalkOptions } from './files/walk-files.js';
export type { SourceHost } from './matching/source-host.js';
// The vendor importers are `@flagdebt/core/importers`: only `flagdebt registry import` and
// `flagdebt init` need them, and loading them costs every ESLint run and scan ~15 ms.
export type { ImportedFlag, ImportOptions, ImportResult, VendorFormat } from './importers/index.js';
