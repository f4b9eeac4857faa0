/** Flipt declarative state (`features.yml`): one YAML document per namespace. */
import type { FlagType, FlagValue } from '../types.js';
import { isoDateOf } from './dates.js';
import { arrayField, isObject, percentage, stringField, type JsonObject } from './fields.js';
import { expiryDate, flagTypeOf, importedFlag, looksLikeExperiment, metadataOf, metadataString, type FlagFields } from './flag-fields.js';
import type { ImportedFlag } from './imported-flag.js';
import type { ImportSession } from './import-session.js';
import type { SourcePath } from './vendor-source.js';

const REQUIRED_KEYS = ['version', 'namespace', 'flags', 'segments'];

/** Reachable outcomes of a flag, in evaluation order; one distinct outcome means "complete". */
type Outcomes = { values: FlagValue[]; partial: boolean };

export function importFlipt(session: ImportSession): ImportedFlag[] {
  const data = session.source.data;
  if (!isObject(data)) {
    session.fail({ code: 'import/missing-key', message: 'not a Flipt state file: expected a YAML mapping with `version`, `namespace`, `flags` and `segments`', fix: 'import a features.yml written by `flipt export` or by hand in the declarative format' });
  }
  for (const name of REQUIRED_KEYS) {
    if (!(name in data)) {
      session.fail({
        code: 'import/missing-key',
        message: `not a Flipt state file: the required top-level key \`${name}\` is missing`,
        fix: `add \`${name}\` (a Flipt state document has ${REQUIRED_KEYS.map((key) => `\`${key}\``).join(', ')})`,
      });
    }
  }
  const openSegments = new Set(
    arrayField(data, 'segments')
      .filter((segment) => isObject(segment) && arrayField(segment, 'constraints').length === 0)
      .map((segment) => (segment as JsonObject).key),
  );
  const flags: ImportedFlag[] = [];
  arrayField(data, 'flags').forEach((flag, index) => {
    const at = ['flags', index];
    const key = isObject(flag) ? stringField(flag, 'key') : undefined;
    if (!key) {
      session.warn({ code: 'import/invalid-flag', message: `flags[${index}] has no \`key\`; skipped`, fix: 'give the flag a key or remove it', at });
      return;
    }
    flags.push(importFlag(session, flag as JsonObject, key, openSegments, at));
  });
  return flags;
}

function importFlag(session: ImportSession, flag: JsonObject, key: string, openSegments: Set<unknown>, at: SourcePath): ImportedFlag {
  const metadata = metadataOf(flag.metadata);
  const isVariant = flag.type === 'VARIANT_FLAG_TYPE';
  const fields: FlagFields = {
    key,
    type: flagType(flag, key, metadata),
    state: 'active',
    owner: metadataString(metadata, ['owner', 'team']),
    description: stringField(flag, 'description'),
    created: isoDateOf(metadataString(metadata, ['created', 'createdAt', 'created_at'])),
    expires: expiryDate(metadataString(metadata, ['expires', 'expiry', 'expiration']), session, key, [...at, 'metadata']),
  };
  if (isVariant && flag.enabled === false) {
    // A disabled variant flag matches nothing, so code gets its own default; we cannot see that value.
    session.warn({
      code: 'import/disabled',
      message: 'variant flag is disabled, so evaluations return the default from code; imported as active',
      fix: 'if the flag is retired, set state to complete with the value code falls back to',
      at: [...at, 'enabled'],
      flag: key,
    });
  } else {
    const outcomes = isVariant ? variantOutcomes(flag, openSegments) : booleanOutcomes(flag, openSegments);
    const distinct = [...new Set(outcomes.values)];
    if (!outcomes.partial && distinct.length === 1) Object.assign(fields, { state: 'complete', value: distinct[0] });
  }
  return importedFlag(fields);
}

/**
 * Boolean flags: rollouts in order, first match wins; when none matches, `enabled` is returned.
 * A rollout that matches everyone (threshold 100, or a segment without constraints) ends the walk.
 */
function booleanOutcomes(flag: JsonObject, openSegments: Set<unknown>): Outcomes {
  const values: FlagValue[] = [];
  for (const rollout of arrayField(flag, 'rollouts').filter(isObject)) {
    const threshold = isObject(rollout.threshold) ? rollout.threshold : undefined;
    const segment = isObject(rollout.segment) ? rollout.segment : undefined;
    const rule = threshold ?? segment;
    if (!rule) continue;
    const pct = threshold ? (percentage(threshold.percentage) ?? 0) : undefined;
    if (pct !== undefined && pct <= 0) continue;
    values.push(rule.value === true);
    const everyone = pct !== undefined ? pct >= 100 : segmentMatchesAll(segment as JsonObject, openSegments);
    if (everyone) return { values, partial: false };
  }
  values.push(flag.enabled === true);
  return { values, partial: false };
}

/** Variant flags: rules in order; each must give one variant at 100 %; no match falls to the default variant. */
function variantOutcomes(flag: JsonObject, openSegments: Set<unknown>): Outcomes {
  const values: FlagValue[] = [];
  for (const rule of arrayField(flag, 'rules').filter(isObject)) {
    const distributions = arrayField(rule, 'distributions').filter((d) => isObject(d) && (percentage(d.rollout) ?? 0) > 0) as JsonObject[];
    const single = distributions.length === 1 && (percentage(distributions[0].rollout) ?? 0) >= 100 ? stringField(distributions[0], 'variant') : undefined;
    if (single === undefined) return { values, partial: true };
    values.push(single);
    if (segmentMatchesAll(rule, openSegments)) return { values, partial: false };
  }
  const fallback = arrayField(flag, 'variants').find((variant) => isObject(variant) && variant.default === true);
  const fallbackKey = isObject(fallback) ? stringField(fallback, 'key') : undefined;
  if (fallbackKey === undefined) return { values, partial: true };
  values.push(fallbackKey);
  return { values, partial: false };
}

/**
 * A rule's segment reference is `segment: key`, `segment: {key}` or (newer) `segment: {keys, operator}`.
 * It matches everyone when a referenced segment has no constraints (for AND: all of them).
 */
function segmentMatchesAll(holder: JsonObject, openSegments: Set<unknown>): boolean {
  const ref = holder.segment ?? holder;
  if (typeof ref === 'string') return openSegments.has(ref);
  if (!isObject(ref)) return false;
  const keys = typeof ref.key === 'string' ? [ref.key] : arrayField(ref, 'keys');
  if (keys.length === 0) return false;
  return ref.operator === 'AND_SEGMENT_OPERATOR' ? keys.every((k) => openSegments.has(k)) : keys.some((k) => openSegments.has(k));
}

function flagType(flag: JsonObject, key: string, metadata: JsonObject | undefined): FlagType {
  const declared = flagTypeOf(metadataString(metadata, ['type', 'flagType']));
  if (declared) return declared;
  return looksLikeExperiment([key, stringField(flag, 'name')]) ? 'experiment' : 'release';
}
