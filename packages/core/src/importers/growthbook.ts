/**
 * GrowthBook REST API features: the list (`GET /api/v1/features` or `/api/v2/features`:
 * `{features: [...]}`), one feature (`{feature: {...}}`), or a bare array of features.
 * v1 keeps each environment's rules under `environments.<env>.rules`; v2 has one top-level
 * `rules` array whose rules name their environments (`allEnvironments` / `environments`).
 */
import type { FlagType, FlagValue } from '../types.js';
import { isoDateOf } from './dates.js';
import { arrayField, isObject, objectField, stringField, type JsonObject } from './fields.js';
import { expiryDate, flagTypeOf, importedFlag, looksLikeExperiment, metadataOf, metadataString, ownerFromTags, type FlagFields } from './flag-fields.js';
import type { ImportedFlag } from './imported-flag.js';
import { chooseEnvironment, type ImportSession } from './import-session.js';
import type { SourcePath } from './vendor-source.js';

interface Entry {
  feature: JsonObject;
  key: string;
  at: SourcePath;
}

export function importGrowthBook(session: ImportSession): ImportedFlag[] {
  const entries = featureEntries(session);
  const environment = environmentOf(session, entries);
  session.environment = environment;
  return entries.map((entry) => importFeature(session, entry, environment)).filter((f): f is ImportedFlag => f !== undefined);
}

function featureEntries(session: ImportSession): Entry[] {
  const data = session.source.data;
  let list: unknown[];
  let base: SourcePath;
  if (Array.isArray(data)) [list, base] = [data, []];
  else if (isObject(data) && Array.isArray(data.features)) [list, base] = [data.features, ['features']];
  else if (isObject(data) && isObject(data.feature)) [list, base] = [[data.feature], ['feature']];
  else {
    session.fail({
      code: 'import/missing-key',
      message: 'not a GrowthBook features export: expected `{"features": [...]}`, `{"feature": {...}}` or an array of features',
      fix: 'export with `GET /api/v1/features` (or `/api/v2/features`) of the GrowthBook REST API and import the response unchanged',
    });
  }
  const entries: Entry[] = [];
  list.forEach((feature, index) => {
    const at = base[0] === 'feature' ? base : [...base, index];
    const key = isObject(feature) ? stringField(feature, 'id') : undefined;
    if (isObject(feature) && key !== undefined) entries.push({ feature, key, at });
    else session.warn({ code: 'import/invalid-flag', message: `item ${index} is not a feature object with an \`id\`; skipped`, fix: 'remove the item or export the features again', at });
  });
  return entries;
}

/** The export's environments, chosen by the shared rule (import-session.ts). */
function environmentOf(session: ImportSession, entries: Entry[]): string | undefined {
  const available = [...new Set(entries.flatMap(({ feature }) => Object.keys(objectField(feature, 'environments') ?? {})))];
  return chooseEnvironment(session, available, entries.length > 0, {
    noEnvironmentsFix: 'leave out --environment',
    noEnvironmentData: { message: 'the export has no per-environment data, so no feature can be known to be fully rolled out; states are active or archived', fix: 'export the features with the REST API, which includes `environments`' },
  });
}

function importFeature(session: ImportSession, { feature, key, at }: Entry, environment: string | undefined): ImportedFlag | undefined {
  const valueType = stringField(feature, 'valueType') ?? 'boolean';
  if (valueType === 'json') {
    session.warn({
      code: 'import/unsupported-value',
      message: 'JSON features cannot be held by the registry (boolean, string or number values only); skipped',
      fix: 'add the feature to the registry by hand if code reads it',
      at,
      flag: key,
    });
    return undefined;
  }
  const tags = arrayField(feature, 'tags').filter((t): t is string => typeof t === 'string');
  const custom = metadataOf(feature.customFields);
  const rules = rulesFor(feature, environment);
  const experiment = rules.some((r) => /^experiment/.test(stringField(r, 'type') ?? '')) || looksLikeExperiment([key], tags);
  const type: FlagType = tags.map((t) => flagTypeOf(t)).find((t) => t !== undefined) ?? (experiment ? 'experiment' : 'release');
  const owner = stringField(feature, 'ownerEmail') ?? humanOwner(stringField(feature, 'owner')) ?? ownerFromTags(tags);
  const fields: FlagFields = {
    key,
    type,
    state: 'active',
    owner,
    description: stringField(feature, 'description'),
    created: isoDateOf(feature.dateCreated),
    expires: expiryDate(metadataString(custom, ['expires', 'expiry', 'expiration']), session, key, [...at, 'customFields']),
    tags,
  };
  const updated = isoDateOf(feature.dateUpdated);
  if (feature.archived === true) return importedFlag({ ...fields, state: 'archived', since: updated });
  if (environment === undefined) return importedFlag(fields);
  const env = objectField(objectField(feature, 'environments') ?? {}, environment);
  if (!env) {
    session.warn({ code: 'import/missing-environment', message: `feature has no "${environment}" environment; imported as active`, fix: 'check the feature in GrowthBook', at, flag: key });
    return importedFlag(fields);
  }
  const served = servedToEveryone(session, feature, env, rules, valueType, key, at);
  if (served === undefined) return importedFlag(fields);
  return importedFlag({ ...fields, state: 'complete', value: served, since: updated });
}

/** A userId (`u_...`) says nothing to a reader; names and e-mail addresses do. */
function humanOwner(owner: string | undefined): string | undefined {
  return owner !== undefined && !/^u_[a-z0-9]+$/i.test(owner) ? owner : undefined;
}

/** The environment's rules: v1 `environments.<env>.rules`, v2 top-level rules scoped to it. */
function rulesFor(feature: JsonObject, environment: string | undefined): JsonObject[] {
  if (environment === undefined) return [];
  const env = objectField(objectField(feature, 'environments') ?? {}, environment);
  const v1 = env ? arrayField(env, 'rules') : [];
  const v2 = arrayField(feature, 'rules').filter(
    (r) => isObject(r) && (r.allEnvironments === true || arrayField(r, 'environments').includes(environment)),
  );
  return [...v1, ...v2].filter(isObject);
}

/**
 * The value every user gets in the environment, or undefined when it varies or cannot be told.
 * The first enabled rule that applies to everyone (a force rule, or a rollout at 100 %, with no
 * condition, saved group, prerequisite or schedule) decides, provided no rule before it is
 * enabled; no enabled rule at all means everyone gets the default value. A disabled
 * environment serves no value: the SDK returns null, which a boolean read takes as `false`.
 */
function servedToEveryone(
  session: ImportSession,
  feature: JsonObject,
  env: JsonObject,
  rules: JsonObject[],
  valueType: string,
  key: string,
  at: SourcePath,
): FlagValue | undefined {
  if (arrayField(feature, 'prerequisites').length > 0) return undefined;
  if (env.enabled === false) {
    if (valueType !== 'boolean') return undefined;
    session.warn({
      code: 'import/rolled-back',
      message: 'feature is disabled in this environment: every user gets false; imported as complete with value false',
      fix: 'if the feature has simply not launched yet, change `state` to active',
      at,
      flag: key,
    });
    return false;
  }
  const enabled = rules.filter((r) => r.enabled !== false);
  if (enabled.length === 0) return parseValue(stringField(env, 'defaultValue') ?? feature.defaultValue, valueType);
  const first = enabled[0];
  return appliesToEveryone(first) ? parseValue(first.value, valueType) : undefined;
}

function appliesToEveryone(rule: JsonObject): boolean {
  const type = stringField(rule, 'type');
  if (type !== 'force' && type !== 'rollout') return false;
  if (type === 'rollout' && rule.coverage !== 1) return false;
  const condition = stringField(rule, 'condition');
  if (condition !== undefined && condition.trim() !== '{}') return false;
  const targeted = arrayField(rule, 'savedGroupTargeting').length > 0 || arrayField(rule, 'prerequisites').length > 0;
  const scheduled = arrayField(rule, 'scheduleRules').some((s) => isObject(s) && s.timestamp !== null && s.timestamp !== undefined);
  return !targeted && !scheduled;
}

/** GrowthBook writes every value as a string (`"true"`, `"42"`, `"blue"`). */
function parseValue(raw: unknown, valueType: string): FlagValue | undefined {
  if (typeof raw === 'boolean' || typeof raw === 'number') return raw;
  if (typeof raw !== 'string') return undefined;
  if (valueType === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : undefined;
  if (valueType === 'number') {
    const n = Number(raw);
    return raw.trim() !== '' && Number.isFinite(n) ? n : undefined;
  }
  return raw;
}
