/** Field conventions shared by all importers: placeholders, owner/expiry/type lookups. */
import { FLAG_TYPES, IMPORT_PLACEHOLDER, type FlagState, type FlagType, type FlagValue } from '../types.js';
import { isoDateOf } from './dates.js';
import { isObject, type JsonObject } from './fields.js';
import type { ImportedFlag } from './imported-flag.js';
import type { ImportSession } from './import-session.js';
import type { SourcePath } from './vendor-source.js';

export interface FlagFields {
  key: string;
  type: FlagType;
  state: FlagState;
  owner?: string;
  description?: string;
  created?: string;
  expires?: string;
  value?: FlagValue;
  since?: string;
  default?: FlagValue;
  tags?: string[];
}

/**
 * Builds the registry entry in the registry's field order. Owner and created are required, and
 * expires is required for release and experiment flags: what the export cannot tell becomes
 * IMPORT_PLACEHOLDER instead of a guess.
 */
export function importedFlag(fields: FlagFields): ImportedFlag {
  const needsExpiry = fields.type === 'release' || fields.type === 'experiment';
  const expires = fields.expires ?? (needsExpiry ? IMPORT_PLACEHOLDER : undefined);
  const tags = fields.tags !== undefined && fields.tags.length > 0 ? [...new Set(fields.tags)] : undefined;
  // Same field order as a hand-written registry entry.
  return {
    key: fields.key,
    type: fields.type,
    owner: fields.owner ?? IMPORT_PLACEHOLDER,
    ...(fields.description !== undefined && { description: fields.description }),
    created: fields.created ?? IMPORT_PLACEHOLDER,
    ...(expires !== undefined && { expires }),
    state: fields.state,
    ...(fields.value !== undefined && { value: fields.value }),
    ...(fields.since !== undefined && { since: fields.since }),
    ...(fields.default !== undefined && { default: fields.default }),
    ...(tags !== undefined && { tags }),
  };
}

/** Names of the fields that still hold the placeholder. */
export function placeholderFields(flag: ImportedFlag): string[] {
  return (['owner', 'created', 'expires'] as const).filter((name) => flag[name] === IMPORT_PLACEHOLDER);
}

const EXPERIMENT_WORD = /(^|[^a-z])(experiment|exp|ab-?test|a-b-test)([^a-z]|$)/i;

/** Tags or names such as `experiment`, `exp-...`, `ab-test` mark a temporary flag as an experiment. */
export function looksLikeExperiment(names: (string | undefined)[], tags: string[] = []): boolean {
  if (tags.some((tag) => /^(experiments?|ab-?tests?|a-b-test)$/i.test(tag))) return true;
  // camelCase keys (OpenFeature manifests) are split into words first: pricingExperiment.
  return names.some((name) => name !== undefined && EXPERIMENT_WORD.test(name.replace(/([a-z0-9])([A-Z])/g, '$1-$2')));
}

/** `owner:payments`, `team=payments`, `team/payments` style tags. */
export function ownerFromTags(tags: string[]): string | undefined {
  for (const tag of tags) {
    const match = /^(owner|team)[:=/](.+)$/i.exec(tag.trim());
    if (match && match[2].trim() !== '') return match[2].trim();
  }
  return undefined;
}

/** First scalar value of a metadata map under any of `names` (case-insensitive), as a string. */
export function metadataString(metadata: JsonObject | undefined, names: string[]): string | undefined {
  if (!metadata) return undefined;
  const wanted = names.map((name) => name.toLowerCase());
  for (const [name, value] of Object.entries(metadata)) {
    if (!wanted.includes(name.toLowerCase())) continue;
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  }
  return undefined;
}

/** A flag type written in vendor metadata (`type: ops`), or undefined when it is not one of ours. */
export function flagTypeOf(value: string | undefined): FlagType | undefined {
  if (value === undefined) return undefined;
  const normalized = value.toLowerCase();
  if ((FLAG_TYPES as readonly string[]).includes(normalized)) return normalized as FlagType;
  if (normalized === 'kill-switch' || normalized === 'operational') return 'ops';
  return undefined;
}

/**
 * Reads an expiry date; a value that is not an ISO date is reported and dropped (the
 * placeholder then takes its place for release and experiment flags).
 */
export function expiryDate(raw: string | undefined, session: ImportSession, flag: string, at: SourcePath): string | undefined {
  if (raw === undefined) return undefined;
  const date = isoDateOf(raw);
  if (date === undefined) {
    session.warn({
      code: 'import/invalid-date',
      message: `expiry "${raw}" is not an ISO date (YYYY-MM-DD); it was not imported`,
      fix: 'write the expiry as YYYY-MM-DD in the vendor, or fill in `expires` in the imported registry',
      at,
      flag,
    });
  }
  return date;
}

/** Metadata maps are free-form: only an object counts. */
export function metadataOf(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}
