/**
 * PostHog feature flags API (`GET /api/projects/{project_id}/feature_flags/`): the paginated
 * list `{count, next, previous, results: [...]}`, one flag, or a bare array of flags. PostHog
 * has one set of flags per project, so there is no environment to choose.
 */
import type { FlagType, FlagValue } from '../types.js';
import { isoDateOf } from './dates.js';
import { arrayField, isObject, objectField, percentage, stringField, type JsonObject } from './fields.js';
import { flagTypeOf, importedFlag, looksLikeExperiment, ownerFromTags, type FlagFields } from './flag-fields.js';
import type { ImportedFlag } from './imported-flag.js';
import type { ImportSession } from './import-session.js';
import type { SourcePath } from './vendor-source.js';

interface Entry {
  flag: JsonObject;
  key: string;
  at: SourcePath;
}

export function importPostHog(session: ImportSession): ImportedFlag[] {
  const entries = flagEntries(session);
  const data = session.source.data;
  if (isObject(data) && typeof data.next === 'string' && data.next !== '') {
    session.warn({
      code: 'import/partial-list',
      message: 'this is one page of the flag list (`next` is set): flags on later pages are not imported',
      fix: 'fetch every page (or pass a `limit` larger than `count`) and import them all',
    });
  }
  return entries.map((entry) => importFlag(session, entry)).filter((f): f is ImportedFlag => f !== undefined);
}

function flagEntries(session: ImportSession): Entry[] {
  const data = session.source.data;
  let list: unknown[];
  let base: SourcePath;
  if (Array.isArray(data)) [list, base] = [data, []];
  else if (isObject(data) && Array.isArray(data.results)) [list, base] = [data.results, ['results']];
  else if (isObject(data) && typeof data.key === 'string' && isObject(data.filters)) return [{ flag: data, key: data.key, at: [] }];
  else {
    session.fail({
      code: 'import/missing-key',
      message: 'not a PostHog feature flags export: expected `{"results": [...]}`, one flag (with `key` and `filters`) or an array of flags',
      fix: 'export with `GET /api/projects/{project_id}/feature_flags/` of the PostHog API and import the response unchanged',
    });
  }
  const entries: Entry[] = [];
  list.forEach((flag, index) => {
    const at = [...base, index];
    const key = isObject(flag) ? stringField(flag, 'key') : undefined;
    if (isObject(flag) && key !== undefined) entries.push({ flag, key, at });
    else session.warn({ code: 'import/invalid-flag', message: `item ${index} is not a flag object with a \`key\`; skipped`, fix: 'remove the item or export the flags again', at });
  });
  return entries;
}

function importFlag(session: ImportSession, { flag, key, at }: Entry): ImportedFlag | undefined {
  const filters = objectField(flag, 'filters') ?? {};
  const tags = arrayField(flag, 'tags').filter((t): t is string => typeof t === 'string');
  const name = stringField(flag, 'name');
  const experiment = arrayField(flag, 'experiment_set').length > 0 || looksLikeExperiment([key], tags);
  const type: FlagType = tags.map((t) => flagTypeOf(t)).find((t) => t !== undefined) ?? (experiment ? 'experiment' : 'release');
  const fields: FlagFields = {
    key,
    type,
    state: 'active',
    // PostHog knows who created a flag, not which team owns it: only an owner tag says that.
    owner: ownerFromTags(tags),
    // PostHog's `name` is the flag's description.
    description: name,
    created: isoDateOf(flag.created_at),
    tags,
  };
  const updated = isoDateOf(flag.updated_at);
  // A deleted flag is a tombstone: its key must not come back.
  if (flag.deleted === true) return importedFlag({ ...fields, state: 'archived', since: updated });
  if (flag.active === false) {
    session.warn({
      code: 'import/rolled-back',
      message: 'flag is disabled: every user gets false; imported as complete with value false',
      fix: 'if the flag has simply not launched yet, change `state` to active',
      at,
      flag: key,
    });
    return importedFlag({ ...fields, state: 'complete', value: false, since: updated });
  }
  const served = servedToEveryone(filters);
  return served === undefined ? importedFlag(fields) : importedFlag({ ...fields, state: 'complete', value: served, since: updated });
}

/**
 * The value everyone gets, or undefined. Release conditions are OR-ed in order; a condition
 * with no property filters at 100 % (or no percentage) matches everyone, so every condition
 * before it must be no different. Boolean flags then serve `true`; multivariate flags serve
 * the condition's variant override, else the one variant at 100 %.
 */
function servedToEveryone(filters: JsonObject): FlagValue | undefined {
  const groups = arrayField(filters, 'groups').filter(isObject);
  const variants = arrayField(objectField(filters, 'multivariate') ?? {}, 'variants').filter(isObject);
  if (arrayField(filters, 'super_groups').length > 0) return undefined;
  const everyone = groups.findIndex((g) => arrayField(g, 'properties').length === 0 && (g.rollout_percentage === null || g.rollout_percentage === undefined || percentage(g.rollout_percentage) === 100));
  if (everyone < 0) return undefined;
  if (variants.length === 0) return true;
  const full = variants.filter((v) => percentage(v.rollout_percentage) === 100);
  const fallthrough = full.length === 1 ? stringField(full[0], 'key') : undefined;
  const servedBy = (g: JsonObject) => stringField(g, 'variant') ?? fallthrough;
  const value = servedBy(groups[everyone]);
  // Earlier conditions match some users first; they must serve the same variant.
  if (value === undefined || groups.slice(0, everyone).some((g) => servedBy(g) !== value)) return undefined;
  return value;
}
