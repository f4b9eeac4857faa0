/** flagd flag definitions (`https://flagd.dev/schema/v0/flags.json`): `flags` as a map, or an array with `key`s. */
import type { FlagType, FlagValue } from '../types.js';
import { isoDateOf } from './dates.js';
import { isFlagValue, isObject, kindOf, stringField, type JsonObject } from './fields.js';
import { expiryDate, flagTypeOf, importedFlag, looksLikeExperiment, metadataOf, metadataString, type FlagFields } from './flag-fields.js';
import type { ImportedFlag } from './imported-flag.js';
import { flagEntries, type FlagEntriesFormat, type FlagEntry } from './flag-entries.js';
import type { ImportSession } from './import-session.js';


const FORMAT: FlagEntriesFormat = {
    objectFix: 'write the flag as an object with `state`, `variants` and `defaultVariant`',
    missing: {
      message: 'not a flagd flag definition: the required top-level `flags` (an object or an array) is missing',
      fix: 'import a flagd flags.json (see https://flagd.dev/schema/v0/flags.json)',
    },
  };

export function importFlagd(session: ImportSession): ImportedFlag[] {
  return flagEntries(session, FORMAT)
    .map((entry) => importFlag(session, entry))
    .filter((flag): flag is ImportedFlag => flag !== undefined);
}


function importFlag(session: ImportSession, { key, flag, at, keyAt }: FlagEntry): ImportedFlag | undefined {
  const variants = isObject(flag.variants) ? flag.variants : {};
  const values = Object.values(variants);
  const kinds = [...new Set(values.map(kindOf))];
  if (values.length === 0 || kinds.length > 1 || !values.every(isFlagValue)) {
    session.warn({
      code: 'import/unsupported-value',
      message:
        values.length === 0
          ? 'flag has no variants; skipped'
          : kinds.length > 1
            ? `variants mix ${kinds.join(' and ')} values; skipped`
            : `variants are ${kinds[0]} values, which the registry cannot hold (boolean, string or number only); skipped`,
      fix: 'add the flag to the registry by hand if code reads it',
      at: keyAt,
      flag: key,
    });
    return undefined;
  }
  const metadata = metadataOf(flag.metadata);
  const fields: FlagFields = {
    key,
    type: flagType(key, metadata),
    state: 'active',
    owner: metadataString(metadata, ['owner', 'team']),
    description: metadataString(metadata, ['description']) ?? stringField(flag, 'description'),
    created: isoDateOf(metadataString(metadata, ['created', 'createdAt', 'creationDate'])),
    expires: expiryDate(metadataString(metadata, ['expiry', 'expires', 'expiration']), session, key, [...at, 'metadata']),
  };
  if (flag.state === 'DISABLED') {
    // A disabled flag behaves as if it did not exist: code gets its own default, which we cannot see.
    session.warn({
      code: 'import/disabled',
      message: 'flag state is DISABLED, so evaluations return the default from code; imported as active',
      fix: 'if the flag is retired, set state to complete with the value code falls back to',
      at: [...at, 'state'],
      flag: key,
    });
  } else {
    const variant = forwardVariant(flag);
    const value = variant !== undefined && Object.hasOwn(variants, variant) ? (variants[variant] as FlagValue) : undefined;
    if (value !== undefined) Object.assign(fields, { state: 'complete', value });
  }
  return importedFlag(fields);
}

/** The variant everyone gets: the default variant without targeting, or the only weighted `fractional` bucket. */
function forwardVariant(flag: JsonObject): string | undefined {
  const targeting = flag.targeting;
  if (targeting === undefined || targeting === null || (isObject(targeting) && Object.keys(targeting).length === 0)) {
    return stringField(flag, 'defaultVariant');
  }
  if (!isObject(targeting) || Object.keys(targeting).length !== 1 || !Array.isArray(targeting.fractional)) return undefined;
  // Buckets are [variant, weight]; a leading non-array argument is the bucketing expression. Weight defaults to 1.
  const buckets = targeting.fractional.filter(Array.isArray) as unknown[][];
  const weighted = buckets.filter((bucket) => Number(bucket.length > 1 ? bucket[1] : 1) > 0);
  return weighted.length === 1 && typeof weighted[0][0] === 'string' ? weighted[0][0] : undefined;
}

/** `metadata.type` when it names one of ours; else experiment by name; else release (flagd has no lifecycle). */
function flagType(key: string, metadata: JsonObject | undefined): FlagType {
  return flagTypeOf(metadataString(metadata, ['type', 'flagType', 'category'])) ?? (looksLikeExperiment([key]) ? 'experiment' : 'release');
}

