/** Unleash export JSON (UI export / features-batch export): one environment per file. */
import type { FlagType, FlagValue } from '../types.js';
import { isoDateOf } from './dates.js';
import { arrayField, isObject, percentage, stringField, type JsonObject } from './fields.js';
import { importedFlag, looksLikeExperiment, type FlagFields } from './flag-fields.js';
import type { ImportedFlag } from './imported-flag.js';
import type { ImportSession } from './import-session.js';
import type { SourcePath } from './vendor-source.js';

const REQUIRED_KEYS = ['features', 'featureStrategies', 'tagTypes'];

const TYPES: Record<string, FlagType> = {
  release: 'release',
  experiment: 'experiment',
  operational: 'ops',
  'kill-switch': 'ops',
  permission: 'permission',
};

/** Strategies that can give a flag to everyone, and the parameter that holds their percentage. */
const ROLLOUT_PARAMETER: Record<string, string | null> = {
  default: null,
  flexibleRollout: 'rollout',
  gradualRolloutRandom: 'percentage',
  gradualRolloutUserId: 'percentage',
  gradualRolloutSessionId: 'percentage',
};

/** Unleash variant weights total 1000. */
const FULL_VARIANT_WEIGHT = 1000;

interface Tag {
  type: string;
  value: string;
}

export function importUnleash(session: ImportSession): ImportedFlag[] {
  const data = session.source.data;
  if (!isObject(data)) {
    session.fail({ code: 'import/missing-key', message: 'not an Unleash export: expected a JSON object with `features`', fix: 'export the project from Unleash (Export in the UI or the features-batch export API)' });
  }
  for (const name of REQUIRED_KEYS) {
    if (!Array.isArray(data[name])) {
      session.fail({
        code: 'import/missing-key',
        message: `not an Unleash export: the required top-level array \`${name}\` is missing`,
        fix: `export again from Unleash; an export always has ${REQUIRED_KEYS.map((key) => `\`${key}\``).join(', ')}`,
      });
    }
  }
  const environments = arrayField(data, 'featureEnvironments').filter(isObject);
  const environment = chooseEnvironment(session, environments);
  session.environment = environment;
  if (environments.length === 0 && (data.features as unknown[]).length > 0) {
    session.warn({
      code: 'import/no-environment',
      message: 'the export has no `featureEnvironments`, so no flag can be known to be fully rolled out; states are active or archived',
      fix: 'export again with an environment selected to import rollout states',
    });
  }

  const strategies = groupBy(arrayField(data, 'featureStrategies'), environment);
  const featureEnvs = groupBy(environments, environment);
  const tags = new Map<string, Tag[]>();
  for (const tag of arrayField(data, 'featureTags').filter(isObject)) {
    const name = stringField(tag, 'featureName');
    const value = stringField(tag, 'tagValue');
    if (name && value) tags.set(name, [...(tags.get(name) ?? []), { type: stringField(tag, 'tagType') ?? 'simple', value }]);
  }
  const dependent = new Set(
    arrayField(data, 'dependencies')
      .filter((entry) => isObject(entry) && arrayField(entry, 'dependencies').length > 0)
      .map((entry) => (entry as JsonObject).feature),
  );

  const flags: ImportedFlag[] = [];
  (data.features as unknown[]).forEach((feature, index) => {
    const at = ['features', index];
    const key = isObject(feature) ? stringField(feature, 'name') : undefined;
    if (!key) {
      session.warn({ code: 'import/invalid-flag', message: `features[${index}] has no \`name\`; skipped`, fix: 'remove the entry or export again', at });
      return;
    }
    const featureEnv = featureEnvs.get(key)?.[0];
    const context: FeatureContext = { strategies: strategies.get(key) ?? [], featureEnv, dependent: dependent.has(key) };
    flags.push(importFeature(session, feature as JsonObject, key, tags.get(key) ?? [], context, at));
  });
  return flags;
}

interface FeatureContext {
  strategies: JsonObject[];
  featureEnv: JsonObject | undefined;
  dependent: boolean;
}

function importFeature(session: ImportSession, feature: JsonObject, key: string, tags: Tag[], context: FeatureContext, at: SourcePath): ImportedFlag {
  const vendorType = stringField(feature, 'type') ?? 'release';
  let type = TYPES[vendorType];
  if (!type) {
    type = looksLikeExperiment([key]) ? 'experiment' : 'release';
    session.warn({
      code: 'import/unknown-type',
      message: `Unleash type "${vendorType}" has no flagdebt equivalent; imported as ${type}`,
      fix: 'set `type` to release, experiment, ops or permission in the imported registry',
      at: [...at, 'type'],
      flag: key,
    });
  }
  const owner = [...tags.filter((tag) => tag.type === 'owner' || tag.type === 'team'), ...tags.filter((tag) => tag.type === 'simple')][0];
  const fields: FlagFields = {
    key,
    type,
    state: 'active',
    owner: owner?.value,
    description: stringField(feature, 'description'),
    created: isoDateOf(feature.createdAt),
    tags: [...tags.filter((tag) => tag !== owner).map((tag) => (tag.type === 'simple' ? tag.value : `${tag.type}:${tag.value}`)), ...(feature.stale === true ? ['stale'] : [])],
  };
  if (feature.archived === true || isoDateOf(feature.archivedAt) !== undefined) {
    fields.state = 'archived';
    fields.since = isoDateOf(feature.archivedAt);
  } else if (context.featureEnv?.enabled === true && !context.dependent) {
    const value = rolloutValue(session, context, key, at);
    if (value !== undefined) Object.assign(fields, { state: 'complete', value });
  }
  return importedFlag(fields);
}

/**
 * The value everyone gets in an enabled environment, or undefined while the rollout is partial.
 * Strategies are OR-ed, so one unconstrained 100 % strategy turns the flag on for everyone.
 */
function rolloutValue(session: ImportSession, context: FeatureContext, key: string, at: SourcePath): FlagValue | undefined {
  const active = context.strategies.filter((strategy) => strategy.disabled !== true);
  const everyone = active.find(isForEveryone);
  if (!everyone) return undefined;
  const envVariants = context.featureEnv ? arrayField(context.featureEnv, 'variants') : [];
  // A strategy without variants of its own serves the environment's variants.
  const variantsOf = (strategy: JsonObject): unknown[] => {
    const own = arrayField(strategy, 'variants');
    return own.length > 0 ? own : envVariants;
  };
  const variants = variantsOf(everyone);
  // Another enabled strategy may answer first for some users, with different variants.
  if (active.some((strategy) => JSON.stringify(variantsOf(strategy)) !== JSON.stringify(variants))) return undefined;
  if (variants.length === 0) return true;
  const weighted = variants.filter((variant) => isObject(variant) && Number(variant.weight) > 0) as JsonObject[];
  if (weighted.length !== 1 || Number(weighted[0].weight) < FULL_VARIANT_WEIGHT) return undefined;
  return variantValue(session, weighted[0], key, at);
}

function isForEveryone(strategy: JsonObject): boolean {
  const name = stringField(strategy, 'name') ?? '';
  if (!(name in ROLLOUT_PARAMETER)) return false;
  if (arrayField(strategy, 'constraints').length > 0 || arrayField(strategy, 'segments').length > 0) return false;
  const parameter = ROLLOUT_PARAMETER[name];
  if (parameter === null) return true;
  const parameters = isObject(strategy.parameters) ? strategy.parameters : {};
  return (percentage(parameters[parameter]) ?? 0) >= 100;
}

/** A string or number payload is the value code reads; without a payload, the variant name. */
function variantValue(session: ImportSession, variant: JsonObject, key: string, at: SourcePath): FlagValue | undefined {
  const payload = isObject(variant.payload) ? variant.payload : undefined;
  if (!payload) return stringField(variant, 'name');
  const payloadValue = typeof payload.value === 'string' ? payload.value : undefined;
  if (payload.type === 'string' && payloadValue !== undefined) return payloadValue;
  if (payload.type === 'number' && payloadValue !== undefined && Number.isFinite(Number(payloadValue))) return Number(payloadValue);
  session.warn({
    code: 'import/unsupported-value',
    message: `the only variant "${String(variant.name)}" has a ${String(payload.type)} payload, which the registry cannot hold; imported as active`,
    fix: 'set state and value by hand if the code reads a single value from the payload',
    at: [...at, 'name'],
    flag: key,
  });
  return undefined;
}

/** `--environment`; else the only environment; else `production`; several without a choice is an error. */
function chooseEnvironment(session: ImportSession, environments: JsonObject[]): string | undefined {
  const available = [...new Set(environments.map((env) => stringField(env, 'environment')).filter((env): env is string => env !== undefined))];
  const requested = session.requestedEnvironment;
  if (requested !== undefined) {
    if (available.includes(requested)) return requested;
    session.fail({
      code: 'import/unknown-environment',
      message: `environment "${requested}" is not in the export (${available.length > 0 ? `available: ${available.join(', ')}` : 'it has no featureEnvironments'})`,
      fix: available.length > 0 ? `pass --environment with one of: ${available.join(', ')}` : 'leave out --environment: an Unleash export holds one environment',
    });
  }
  if (available.length <= 1) return available[0];
  if (available.includes('production')) return 'production';
  session.fail({
    code: 'import/choose-environment',
    message: `the export has several environments and none is called production (available: ${available.join(', ')})`,
    fix: `pass --environment with one of: ${available.join(', ')}`,
  });
}

/** Entries per `featureName`, keeping only the chosen environment when an entry names one. */
function groupBy(entries: unknown[], environment: string | undefined): Map<string, JsonObject[]> {
  const groups = new Map<string, JsonObject[]>();
  for (const entry of entries) {
    if (!isObject(entry)) continue;
    const name = stringField(entry, 'featureName');
    const env = stringField(entry, 'environment');
    if (!name || (env !== undefined && environment !== undefined && env !== environment)) continue;
    groups.set(name, [...(groups.get(name) ?? []), entry]);
  }
  return groups;
}
