/** The `flags` collection shared by flagd definitions and OpenFeature manifests: a map by key, or an array of objects with a `key`. */
import { isObject, stringField, type JsonObject } from './fields.js';
import type { ImportSession } from './import-session.js';
import type { SourcePath } from './vendor-source.js';

export interface FlagEntry {
  key: string;
  flag: JsonObject;
  /** Path of the flag object. */
  at: SourcePath;
  /** Where the key is written. */
  keyAt: SourcePath;
}

export interface FlagEntriesFormat {
  /** How to fix a map entry that is not an object. */
  objectFix: string;
  /** The error when the top-level `flags` is missing: what the file is not, and how to fix that. */
  missing: { message: string; fix: string };
}

/** Every well-formed entry of `flags`; a malformed one is skipped with a warning; no `flags` at all is fatal. */
export function flagEntries(session: ImportSession, format: FlagEntriesFormat): FlagEntry[] {
  const data = session.source.data;
  const flags = isObject(data) ? data.flags : undefined;
  if (Array.isArray(flags)) {
    const entries: FlagEntry[] = [];
    flags.forEach((flag, index) => {
      const key = isObject(flag) ? stringField(flag, 'key') : undefined;
      if (key) entries.push({ key, flag: flag as JsonObject, at: ['flags', index], keyAt: ['flags', index, 'key'] });
      else session.warn({ code: 'import/invalid-flag', message: `flags[${index}] is not a flag object with a \`key\`; skipped`, fix: 'give the flag a key or remove it', at: ['flags', index] });
    });
    return entries;
  }
  if (isObject(flags)) {
    return Object.entries(flags).flatMap(([key, flag]) => {
      if (isObject(flag)) return [{ key, flag, at: ['flags', key], keyAt: ['flags', key] }];
      session.warn({ code: 'import/invalid-flag', message: `flag "${key}" is not an object; skipped`, fix: format.objectFix, at: ['flags', key], flag: key });
      return [];
    });
  }
  return session.fail({ code: 'import/missing-key', ...format.missing });
}
