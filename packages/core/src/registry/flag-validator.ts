/**
 * Validates one flag entry of the registry and builds its FlagDefinition. Every problem is
 * collected, located at the offending node (or the flag key when a field is missing).
 */
import type { Node } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostics.js';
import { FLAG_STATES, FLAG_TYPES, IMPORT_PLACEHOLDER } from '../types.js';
import type { FlagDefinition, FlagState, FlagType, FlagValue, Position } from '../types.js';
import { daysBetween, isIsoDate } from '../policy/dates.js';
import { keyWords, suggestKey } from '../policy/suggestions.js';
import { entriesOf, isMapping, isSequence, positionOf, scalarSource, scalarValue } from './source-document.js';
import type { Entry, SourceDocument } from './source-document.js';

export const FLAG_FIELDS = ['type', 'owner', 'description', 'created', 'expires', 'state', 'value', 'since', 'default', 'tags'] as const;

/** `disable-x`, `ops-kill-search`, `disableSearch`: keys that say they switch something off. */
function isKillSwitchKey(key: string): boolean {
  return keyWords(key).some((word) => word === 'disable' || word === 'kill');
}

interface FlagContext {
  source: SourceDocument;
  format: 'yaml' | 'json';
  key: string;
  keyPosition: Position;
  out: Diagnostic[];
}

function report(ctx: FlagContext, severity: Severity, code: string, at: Position, message: string, fix: string): void {
  ctx.out.push({ severity, code, file: ctx.source.file, line: at.line, column: at.column, flag: ctx.key, message, fix });
}

/** `owner: <team>` in YAML, `"owner": "<team>"` in JSON, for fix texts. */
function field(ctx: FlagContext, name: string, example: string, quote = true): string {
  return ctx.format === 'json' ? `"${name}": ${quote ? `"${example}"` : example}` : `${name}: ${example}`;
}

function listing(values: readonly string[]): string {
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** Reads a required or optional ISO date field; reports and returns undefined when unusable. */
function readDate(ctx: FlagContext, fields: Map<string, Entry>, name: string, required: boolean): string | undefined {
  const entry = fields.get(name);
  if (!entry) {
    if (required) {
      report(ctx, 'error', 'registry/missing-field', ctx.keyPosition, `missing required field \`${name}\``,
        `add \`${field(ctx, name, 'YYYY-MM-DD')}\` (the day the flag was introduced)`);
    }
    return undefined;
  }
  const text = scalarSource(entry.value);
  if (text === undefined || !isIsoDate(text)) {
    const shown = text === undefined ? 'a non-date value' : `"${text}"`;
    report(ctx, 'error', 'registry/invalid-date', positionOf(ctx.source, entry.value), `\`${name}\` is ${shown}, not a valid date`,
      'write a real calendar date as YYYY-MM-DD, e.g. 2026-08-01');
    return undefined;
  }
  return text.trim();
}

function readEnum<T extends string>(ctx: FlagContext, entry: Entry, name: string, allowed: readonly T[], code: string): T | undefined {
  const raw = scalarValue(entry.value);
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  const shown = raw === undefined || raw === null ? 'empty' : `"${String(raw)}"`;
  const suggestion = typeof raw === 'string' ? suggestKey(raw, allowed) : undefined;
  report(ctx, 'error', code, positionOf(ctx.source, entry.value ?? entry.keyNode),
    `unknown ${name} ${shown} (expected ${listing(allowed)})${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
    suggestion ? `set ${name} to "${suggestion}"` : `set ${name} to one of ${allowed.join(', ')}`);
  return undefined;
}

function readString(ctx: FlagContext, entry: Entry, name: string): string | undefined {
  const raw = scalarValue(entry.value);
  if (typeof raw === 'string' && raw.trim().length > 0) return raw;
  report(ctx, 'error', 'registry/invalid-field', positionOf(ctx.source, entry.value ?? entry.keyNode),
    `\`${name}\` must be a non-empty string`, `set \`${name}\` to text, e.g. \`${field(ctx, name, name === 'owner' ? 'payments' : '...')}\``);
  return undefined;
}

function readValue(ctx: FlagContext, entry: Entry | undefined, name: string): FlagValue | undefined {
  if (!entry) return undefined;
  const raw = scalarValue(entry.value);
  if (typeof raw === 'boolean' || typeof raw === 'string' || (typeof raw === 'number' && Number.isFinite(raw))) return raw;
  const what = entry.value === null || raw === null ? 'empty' : isMapping(entry.value) ? 'a mapping' : isSequence(entry.value) ? 'a list' : 'not a plain value';
  report(ctx, 'error', 'registry/invalid-value', positionOf(ctx.source, entry.value ?? entry.keyNode),
    `\`${name}\` is ${what}; it must be a boolean, string or number`, `set \`${name}\` to a boolean, string or number, e.g. \`${field(ctx, name, 'false', false)}\``);
  return undefined;
}

function readTags(ctx: FlagContext, entry: Entry): string[] | undefined {
  const node = entry.value;
  if (isSequence(node)) {
    const tags = node.items.map((item) => scalarValue(item as Node));
    if (tags.every((t): t is string => typeof t === 'string')) return tags;
  }
  report(ctx, 'error', 'registry/invalid-field', positionOf(ctx.source, node ?? entry.keyNode),
    '`tags` must be a list of strings', `write tags as a list, e.g. \`${field(ctx, 'tags', '[checkout, q3]', false)}\``);
  return undefined;
}

/** Fields of the flag mapping, first occurrence wins; duplicates and unknown names are reported. */
function collectFields(ctx: FlagContext, entries: Entry[]): Map<string, Entry> {
  const fields = new Map<string, Entry>();
  for (const entry of entries) {
    const first = fields.get(entry.key);
    if (first) {
      report(ctx, 'error', 'registry/duplicate-field', entry.position,
        `field \`${entry.key}\` appears twice (first on line ${first.position.line}); YAML parsers silently keep only one`,
        'remove one of the two');
      continue;
    }
    if (!(FLAG_FIELDS as readonly string[]).includes(entry.key)) {
      const suggestion = suggestKey(entry.key, FLAG_FIELDS);
      report(ctx, 'warning', 'registry/unknown-field', entry.position,
        `unknown field \`${entry.key}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}; it is ignored`,
        suggestion ? `rename it to \`${suggestion}\`` : `remove it (known fields: ${FLAG_FIELDS.join(', ')})`);
      continue;
    }
    fields.set(entry.key, entry);
  }
  return fields;
}

/** Fields a tool may leave as a placeholder for a human to fill in: warnings, not errors. */
const PLACEHOLDER_FIELDS = new Set(['owner', 'created', 'expires']);

/** The command that wrote the placeholders, from the header comment it leaves at the top. */
function placeholderWriter(text: string): string {
  const head = text.slice(0, 600);
  if (head.includes('`flagdebt init`')) return '`flagdebt init`';
  if (head.includes('registry import')) return '`flagdebt registry import`';
  return '`flagdebt init` or `flagdebt registry import`';
}

/**
 * Fields still holding the placeholder that `flagdebt init` and `registry import` write are
 * reported once and then treated as absent-but-reported. Owner, created and expires are
 * warnings, so a fresh setup scans before a human has filled them in; a placeholder anywhere
 * else is an error.
 */
function takePlaceholders(ctx: FlagContext, fields: Map<string, Entry>): Map<string, string> {
  const placeholders = new Map<string, string>();
  for (const [name, entry] of fields) {
    const text = scalarSource(entry.value);
    if (text !== undefined && text.includes(IMPORT_PLACEHOLDER)) {
      const writer = placeholderWriter(ctx.source.text);
      const warning = PLACEHOLDER_FIELDS.has(name);
      report(ctx, warning ? 'warning' : 'error', 'registry/placeholder', positionOf(ctx.source, entry.value),
        `\`${name}\` still holds the placeholder ${IMPORT_PLACEHOLDER} left by ${writer}`,
        name === 'owner' ? 'fill in the team that owns the flag' : name === 'created' || name === 'expires' ? `fill in the real ${name} date (YYYY-MM-DD)` : `fill in the real ${name}`);
      placeholders.set(name, text.trim());
    }
  }
  for (const name of placeholders.keys()) fields.delete(name);
  return placeholders;
}

export function validateFlag(source: SourceDocument, format: 'yaml' | 'json', keyEntry: Entry, out: Diagnostic[]): FlagDefinition | null {
  return readFlag(source, format, keyEntry, out, false) as FlagDefinition | null;
}

/** A flag entry that may give only some fields (a code registry's metadata YAML): nothing is required. */
export type PartialFlag = Partial<FlagDefinition> & Pick<FlagDefinition, 'key' | 'location'>;

/** Like validateFlag, but a missing field is no problem: the entry only adds to what code says. */
export function validatePartialFlag(source: SourceDocument, format: 'yaml' | 'json', keyEntry: Entry, out: Diagnostic[]): PartialFlag | null {
  return readFlag(source, format, keyEntry, out, true);
}

function readFlag(source: SourceDocument, format: 'yaml' | 'json', keyEntry: Entry, out: Diagnostic[], partial: boolean): PartialFlag | null {
  const ctx: FlagContext = { source, format, key: keyEntry.key, keyPosition: keyEntry.position, out };
  if (!isMapping(keyEntry.value)) {
    report(ctx, 'error', 'registry/invalid-flag', positionOf(source, keyEntry.value ?? keyEntry.keyNode),
      `flag "${keyEntry.key}" must be a mapping of fields (type, owner, created, ...)`,
      `give it fields, e.g. \`${field(ctx, 'type', 'release')}\`, \`${field(ctx, 'owner', 'payments')}\`, \`${field(ctx, 'created', '2026-08-01')}\``);
    return null;
  }
  const fields = collectFields(ctx, entriesOf(source, keyEntry.value));
  const placeholders = takePlaceholders(ctx, fields);
  const required = (name: string): boolean => !partial && !placeholders.has(name);

  let type: FlagType | undefined;
  const typeEntry = fields.get('type');
  if (typeEntry) type = readEnum(ctx, typeEntry, 'type', FLAG_TYPES, 'registry/unknown-type');
  else if (required('type')) {
    report(ctx, 'error', 'registry/missing-field', ctx.keyPosition, 'missing required field `type`',
      `add \`${field(ctx, 'type', 'release')}\` (one of ${FLAG_TYPES.join(', ')})`);
  }

  // A placeholder owner or created date stands in as itself (reports show it) until filled in.
  let owner: string | undefined = placeholders.get('owner');
  const ownerEntry = fields.get('owner');
  if (ownerEntry) owner = readString(ctx, ownerEntry, 'owner');
  else if (required('owner')) {
    report(ctx, 'error', 'registry/missing-field', ctx.keyPosition, 'missing required field `owner`',
      `add \`${field(ctx, 'owner', '<team>')}\` (the team responsible for removing the flag)`);
  }

  const created = readDate(ctx, fields, 'created', required('created')) ?? placeholders.get('created');
  const expires = readDate(ctx, fields, 'expires', false);
  const since = readDate(ctx, fields, 'since', false);
  if (!fields.has('expires') && required('expires') && (type === 'release' || type === 'experiment')) {
    report(ctx, 'error', 'registry/missing-expires', ctx.keyPosition, `${type} flag has no \`expires\` date`,
      `add \`${field(ctx, 'expires', 'YYYY-MM-DD')}\`: release and experiment flags are temporary and need an end date`);
  }
  if (created !== undefined && isIsoDate(created) && expires !== undefined && daysBetween(created, expires) < 0) {
    report(ctx, 'error', 'registry/expires-before-created', positionOf(source, fields.get('expires')?.value),
      `expires ${expires} is before created ${created}`, `set \`expires\` to a date after ${created}`);
  }

  let state: FlagState | undefined = partial ? undefined : 'active';
  const stateEntry = fields.get('state');
  if (stateEntry) state = readEnum(ctx, stateEntry, 'state', FLAG_STATES, 'registry/unknown-state');

  const value = readValue(ctx, fields.get('value'), 'value');
  const fallback = readValue(ctx, fields.get('default'), 'default');
  if (state === 'complete' && !fields.has('value') && required('value')) {
    report(ctx, 'error', 'registry/missing-value', positionOf(source, stateEntry?.value),
      '`state: complete` without `value`: the rollout is over but the registry does not say what everyone gets',
      `add \`${field(ctx, 'value', 'true', false)}\` with the value every user gets now`);
  }
  if (value !== undefined && fallback !== undefined && typeof value !== typeof fallback) {
    report(ctx, 'error', 'registry/value-type-mismatch', positionOf(source, fields.get('default')?.value),
      `\`value\` is a ${typeof value} but \`default\` is a ${typeof fallback}`, 'make `value` and `default` the same type');
  }

  const description = fields.get('description');
  const descriptionText = description ? readString(ctx, description, 'description') : undefined;
  const tagsEntry = fields.get('tags');
  const tags = tagsEntry ? readTags(ctx, tagsEntry) : undefined;

  if (fallback === true && (type === 'release' || type === 'experiment')) {
    report(ctx, 'warning', 'registry/unsafe-default', positionOf(source, fields.get('default')?.value),
      `${type} flag defaults to true: if the flag service is down, every user gets the unfinished feature`,
      `set \`${field(ctx, 'default', 'false', false)}\` so the flag fails closed`);
  }
  if (fallback === true && type === 'ops' && isKillSwitchKey(ctx.key)) {
    report(ctx, 'warning', 'registry/kill-switch-default', positionOf(source, fields.get('default')?.value),
      'kill switch defaults to true: if the flag service is down, the feature is switched off for everyone',
      `set \`${field(ctx, 'default', 'false', false)}\` so the feature keeps running when the switch cannot be read`);
  }

  if (partial) {
    // Only what the entry says, and only when it says it validly.
    if (out.some((d) => d.severity === 'error' && d.flag === ctx.key)) return null;
  } else if (type === undefined || owner === undefined || created === undefined || state === undefined) return null;
  // Field order as always: reports serialise flags as they are built.
  const flag: PartialFlag = { key: ctx.key, type, owner, created, state, location: ctx.keyPosition };
  for (const name of ['type', 'owner', 'created', 'state'] as const) if (flag[name] === undefined) delete flag[name];
  if (descriptionText !== undefined) flag.description = descriptionText;
  if (expires !== undefined) flag.expires = expires;
  if (value !== undefined) flag.value = value;
  if (since !== undefined) flag.since = since;
  if (fallback !== undefined) flag.default = fallback;
  if (tags !== undefined) flag.tags = tags;
  return flag;
}
