/**
 * OpenFeature CLI flag manifest: `{flags: {key: {flagType, defaultValue}}}` (schema; the README
 * writes `type`), or the Manifest Management API's array `{flags: [{key, type, defaultValue}]}`.
 */
import type { FlagValue } from '../types.js';
import { isoDateOf } from './dates.js';
import { kindOf, stringField, withArticle, type JsonObject } from './fields.js';
import { expiryDate, importedFlag, looksLikeExperiment, metadataString, type FlagFields } from './flag-fields.js';
import type { ImportedFlag } from './imported-flag.js';
import { flagEntries, type FlagEntriesFormat, type FlagEntry } from './flag-entries.js';
import type { ImportSession } from './import-session.js';
import type { SourcePath } from './vendor-source.js';

const VALUE_TYPES = ['boolean', 'string', 'integer', 'float', 'object'];


const FORMAT: FlagEntriesFormat = {
    objectFix: 'write the flag as an object with `flagType` and `defaultValue`',
    missing: {
      message: 'not an OpenFeature flag manifest: the required top-level `flags` (an object or an array) is missing',
      fix: 'import the manifest written by the OpenFeature CLI (default path flags.json)',
    },
  };

export function importOpenFeature(session: ImportSession): ImportedFlag[] {
  return flagEntries(session, FORMAT)
    .map((entry) => importFlag(session, entry))
    .filter((flag): flag is ImportedFlag => flag !== undefined);
}


function importFlag(session: ImportSession, { key, flag, at, keyAt }: FlagEntry): ImportedFlag | undefined {
  const valueType = stringField(flag, 'flagType') ?? stringField(flag, 'type');
  if (valueType === undefined || !VALUE_TYPES.includes(valueType)) {
    session.warn({
      code: 'import/invalid-flag',
      message: valueType === undefined ? 'flag has no `flagType`; skipped' : `unknown flagType "${valueType}" (expected ${VALUE_TYPES.join(', ')}); skipped`,
      fix: 'set `flagType` to boolean, string, integer, float or object',
      at: keyAt,
      flag: key,
    });
    return undefined;
  }
  if (valueType === 'object') {
    session.warn({
      code: 'import/unsupported-value',
      message: 'object flags cannot be held by the registry (boolean, string or number values only); skipped',
      fix: 'add the flag to the registry by hand if code reads it',
      at: keyAt,
      flag: key,
    });
    return undefined;
  }
  const name = stringField(flag, 'name');
  const fields: FlagFields = {
    key,
    type: looksLikeExperiment([key, name]) ? 'experiment' : 'release',
    state: 'active',
    owner: metadataString(flag, ['owner', 'team']),
    description: stringField(flag, 'description'),
    created: isoDateOf(metadataString(flag, ['created', 'createdAt'])),
    expires: expiryDate(metadataString(flag, ['expiry', 'expires']), session, key, [...at, 'expiry']),
    default: defaultValue(session, flag, valueType, key, [...at, 'defaultValue']),
  };
  return importedFlag(fields);
}

/** `defaultValue` is required by the schema and must match the declared type. */
function defaultValue(session: ImportSession, flag: JsonObject, valueType: string, key: string, at: SourcePath): FlagValue | undefined {
  const value = flag.defaultValue;
  const matches =
    (valueType === 'boolean' && typeof value === 'boolean') ||
    (valueType === 'string' && typeof value === 'string') ||
    (valueType === 'integer' && Number.isInteger(value)) ||
    (valueType === 'float' && typeof value === 'number' && Number.isFinite(value));
  if (matches) return value as FlagValue;
  session.warn({
    code: 'import/invalid-default',
    message: value === undefined ? 'flag has no `defaultValue`; no default imported' : `defaultValue ${JSON.stringify(value)} is ${withArticle(kindOf(value))}, not ${withArticle(valueType)}; no default imported`,
    fix: `set \`defaultValue\` to a ${valueType} in the manifest, or fill in \`default\` in the registry`,
    at: value === undefined ? at.slice(0, -1) : at,
    flag: key,
  });
  return undefined;
}
