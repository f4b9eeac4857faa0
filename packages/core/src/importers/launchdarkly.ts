/** LaunchDarkly REST API v2 flag JSON: one flag, a `{items: [...]}` list, or a bare array. */
import type { FlagType, FlagValue } from '../types.js';
import { epochMillisToIso } from './dates.js';
import { arrayField, isFlagValue, isObject, kindOf, objectField, stringField, withArticle, type JsonObject } from './fields.js';
import { expiryDate, importedFlag, looksLikeExperiment, ownerFromTags, type FlagFields } from './flag-fields.js';
import type { ImportedFlag } from './imported-flag.js';
import { chooseEnvironment, type ImportSession } from './import-session.js';
import { servedVariation } from './launchdarkly-targeting.js';
import type { SourcePath } from './vendor-source.js';

interface FlagEntry {
  flag: JsonObject;
  at: SourcePath;
}

export function importLaunchDarkly(session: ImportSession): ImportedFlag[] {
  const entries = flagEntries(session);
  const environment = environmentOf(session, entries);
  session.environment = environment;
  const flags: ImportedFlag[] = [];
  for (const entry of entries) {
    const flag = importFlag(session, entry, environment);
    if (flag) flags.push(flag);
  }
  return flags;
}

function flagEntries(session: ImportSession): FlagEntry[] {
  const data = session.source.data;
  let list: unknown[];
  let base: SourcePath;
  if (Array.isArray(data)) {
    [list, base] = [data, []];
  } else if (isObject(data) && Array.isArray(data.items)) {
    [list, base] = [data.items, ['items']];
  } else if (isObject(data) && typeof data.key === 'string') {
    return [{ flag: data, at: [] }];
  } else {
    session.fail({
      code: 'import/missing-key',
      message: 'not a LaunchDarkly flag export: expected a flag object (with `key`), a list `{"items": [...]}` or an array of flags',
      fix: 'export with `GET /api/v2/flags/{projectKey}` (list) or `GET /api/v2/flags/{projectKey}/{flagKey}` (one flag)',
    });
  }
  const entries: FlagEntry[] = [];
  list.forEach((flag, index) => {
    const at = [...base, index];
    if (isObject(flag) && typeof flag.key === 'string' && flag.key !== '') entries.push({ flag, at });
    else session.warn({ code: 'import/invalid-flag', message: `item ${index} is not a flag object with a \`key\`; skipped`, fix: 'remove the item or export the list again', at });
  });
  return entries;
}

/** The export's environments, chosen by the shared rule (import-session.ts). */
function environmentOf(session: ImportSession, entries: FlagEntry[]): string | undefined {
  const available = [...new Set(entries.flatMap(({ flag }) => Object.keys(objectField(flag, 'environments') ?? {})))];
  return chooseEnvironment(session, available, entries.length > 0, {
    noEnvironmentsFix: 'export the flags again without `env=` filtering, or leave out --environment',
    noEnvironmentData: { message: 'the export has no per-environment data, so no flag can be known to be fully rolled out; states are active or archived', fix: 'export with environment data (`GET /api/v2/flags/{projectKey}?env=production`) to import rollout states' },
  });
}

function importFlag(session: ImportSession, { flag, at }: FlagEntry, environment: string | undefined): ImportedFlag | undefined {
  const key = flag.key as string;
  const variations = arrayField(flag, 'variations').map((variation) => (isObject(variation) ? variation.value : undefined));
  const unsupported = variations.find((value) => !isFlagValue(value));
  if (unsupported !== undefined || variations.length === 0) {
    session.warn({
      code: 'import/unsupported-value',
      message: variations.length === 0 ? 'flag has no variations; skipped' : `flag has ${withArticle(kindOf(unsupported))} variation; registry values are boolean, string or number, so it was skipped`,
      fix: 'add the flag to the registry by hand if code reads it',
      at: [...at, 'key'],
      flag: key,
    });
    return undefined;
  }
  const valueAt = (index: unknown): FlagValue | undefined => (typeof index === 'number' ? (variations[index] as FlagValue | undefined) : undefined);

  const tags = arrayField(flag, 'tags').filter((tag): tag is string => typeof tag === 'string');
  const env = environment !== undefined ? objectField(objectField(flag, 'environments') ?? {}, environment) : undefined;
  const fields: FlagFields = {
    key,
    type: flagType(flag, tags),
    state: 'active',
    owner: ownerOf(flag, tags),
    description: stringField(flag, 'description'),
    created: epochMillisToIso(flag.creationDate),
    expires: expiryDate(customProperty(flag), session, key, [...at, 'customProperties']),
    default: valueAt(env?.offVariation ?? objectField(flag, 'defaults')?.offVariation),
    tags: flag.deprecated === true ? [...tags, 'deprecated'] : tags,
  };

  if (flag.archived === true) {
    fields.state = 'archived';
    fields.since = epochMillisToIso(flag.archivedDate);
  } else if (environment !== undefined && !env) {
    session.warn({
      code: 'import/missing-environment',
      message: `flag has no "${environment}" environment in the export; imported as active`,
      fix: 'check the flag in LaunchDarkly and set its state in the registry by hand',
      at: [...at, 'key'],
      flag: key,
    });
  } else if (env) {
    setRolloutState(session, fields, env, valueAt, environment as string, at);
  }
  return importedFlag(fields);
}

function setRolloutState(
  session: ImportSession,
  fields: FlagFields,
  env: JsonObject,
  valueAt: (index: unknown) => FlagValue | undefined,
  environment: string,
  at: SourcePath,
): void {
  const since = epochMillisToIso(env.lastModified);
  const envAt = [...at, 'environments', environment];
  if (env.on === false) {
    const off = valueAt(env.offVariation);
    if (off === undefined) return;
    // Targeting off serves the off variation to everyone: the rollout was rolled back (or never started).
    Object.assign(fields, { state: 'complete', value: off, since });
    session.warn({
      code: 'import/rolled-back',
      message: `targeting is off in ${environment}: imported as complete with the off variation ${JSON.stringify(off)} (rolled back)`,
      fix: 'if the flag is off because it has not launched yet, change its state to active',
      at: [...envAt, 'on'],
      flag: fields.key,
    });
    return;
  }
  const served = servedVariation(env);
  if (served.kind === 'single') {
    const value = valueAt(served.variation);
    if (value !== undefined) Object.assign(fields, { state: 'complete', value, since });
  } else if (served.kind === 'unknown') {
    session.warn({
      code: 'import/unknown-rollout',
      message: `cannot tell what ${environment} serves (${served.reason}); imported as active`,
      fix: 'export the flag with targeting (`summary=0`) or set its state by hand',
      at: envAt,
      flag: fields.key,
    });
  }
}

/** Permanent flags are ops switches unless tagged as permissions; temporary ones are releases or experiments. */
function flagType(flag: JsonObject, tags: string[]): FlagType {
  if (flag.temporary === false) {
    return tags.some((tag) => /^(permission|permissions|entitlement|entitlements)$/i.test(tag)) ? 'permission' : 'ops';
  }
  return looksLikeExperiment([flag.key as string, stringField(flag, 'name')], tags) ? 'experiment' : 'release';
}

function ownerOf(flag: JsonObject, tags: string[]): string | undefined {
  return (
    stringField(flag, 'maintainerTeamKey') ??
    stringField(objectField(flag, '_maintainerTeam') ?? {}, 'key') ??
    stringField(objectField(flag, '_maintainer') ?? {}, 'email') ??
    ownerFromTags(tags)
  );
}

/** LaunchDarkly has no expiry field; teams record one as a custom property (`expires`, `expiry`, ...). */
function customProperty(flag: JsonObject): string | undefined {
  const properties = objectField(flag, 'customProperties') ?? {};
  for (const [name, property] of Object.entries(properties)) {
    if (!isObject(property)) continue;
    const label = `${name} ${typeof property.name === 'string' ? property.name : ''}`;
    if (!/\b(expires?|expiry|expiration)( ?date| ?on)?\b/i.test(label)) continue;
    const value = Array.isArray(property.value) ? property.value[0] : property.value;
    if (typeof value === 'string') return value;
  }
  return undefined;
}
