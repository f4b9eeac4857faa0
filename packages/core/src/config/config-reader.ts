/** Reads config values with positions: every problem becomes a file:line diagnostic with a fix. */
import type { Node, YAMLMap } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { FLAG_TYPES } from '../types.js';
import type { FlagType } from '../types.js';
import { suggestKey } from '../policy/suggestions.js';
import { entriesOf, isMapping, isSequence, positionOf, scalarValue } from '../registry/source-document.js';
import type { Entry, SourceDocument } from '../registry/source-document.js';

export class ConfigReader {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly source: SourceDocument) {}

  error(code: string, node: Node | null | undefined, message: string, fix: string): void {
    this.diagnostics.push({ severity: 'error', code, file: this.source.file, ...positionOf(this.source, node), message, fix });
  }

  /** Entries of a mapping whose keys are all known; unknown keys are reported with a suggestion. */
  fields(map: YAMLMap, known: readonly string[], where: string): Map<string, Entry> {
    const fields = new Map<string, Entry>();
    for (const entry of entriesOf(this.source, map)) {
      if (fields.has(entry.key)) {
        this.error('config/duplicate-key', entry.keyNode, `\`${where}${entry.key}\` appears twice`, 'remove one of them');
      } else if (!known.includes(entry.key)) {
        const suggestion = suggestKey(entry.key, known);
        this.error('config/unknown-key', entry.keyNode,
          `unknown key \`${where}${entry.key}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`,
          suggestion ? `rename it to \`${suggestion}\`` : `remove it (known keys: ${known.join(', ')})`);
      } else {
        fields.set(entry.key, entry);
      }
    }
    return fields;
  }

  mapping(entry: Entry, name: string): YAMLMap | undefined {
    if (isMapping(entry.value)) return entry.value;
    this.error('config/invalid-type', entry.value ?? entry.keyNode, `\`${name}\` must be an object`, `write \`${name}\` as an object, see docs/config.md`);
    return undefined;
  }

  string(entry: Entry, name: string): string | undefined {
    const value = scalarValue(entry.value);
    if (typeof value === 'string' && value.length > 0) return value;
    this.error('config/invalid-type', entry.value ?? entry.keyNode, `\`${name}\` must be a non-empty string`, `set \`${name}\` to a string`);
    return undefined;
  }

  stringList(entry: Entry, name: string): string[] | undefined {
    const node = entry.value;
    if (isSequence(node)) {
      const values = node.items.map((item) => scalarValue(item as Node));
      if (values.every((v): v is string => typeof v === 'string' && v.length > 0)) return values;
    }
    this.error('config/invalid-type', node ?? entry.keyNode, `\`${name}\` must be a list of glob strings`, `write \`${name}\` as a list, e.g. ["src/**/*.ts"]`);
    return undefined;
  }

  count(entry: Entry, name: string): number | undefined {
    const value = scalarValue(entry.value);
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
    const negative = typeof value === 'number' && value < 0;
    this.error(negative ? 'config/negative-number' : 'config/invalid-type', entry.value ?? entry.keyNode,
      `\`${name}\` must be a non-negative integer${negative ? `, not ${value}` : ''}`, `set \`${name}\` to 0 or a positive whole number`);
    return undefined;
  }

  regex(entry: Entry, name: string): string | undefined {
    const pattern = this.string(entry, name);
    if (pattern === undefined) return undefined;
    try {
      new RegExp(pattern);
      return pattern;
    } catch (error) {
      this.error('config/invalid-regex', entry.value, `\`${name}\` is not a valid regular expression: ${(error as Error).message}`,
        'fix the pattern (JavaScript syntax; escape backslashes in JSON)');
      return undefined;
    }
  }

  /** Keys of a per-type object must be flag types. */
  flagType(entry: Entry, where: string): FlagType | undefined {
    if ((FLAG_TYPES as readonly string[]).includes(entry.key)) return entry.key as FlagType;
    const suggestion = suggestKey(entry.key, FLAG_TYPES);
    this.error('config/unknown-flag-type', entry.keyNode,
      `unknown flag type \`${entry.key}\` in \`${where}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`,
      suggestion ? `rename it to \`${suggestion}\`` : `use one of ${FLAG_TYPES.join(', ')}`);
    return undefined;
  }
}
