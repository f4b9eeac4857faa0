/**
 * Flag metadata written as JSDoc on a registry member:
 *
 *   /** Search rewrite. @owner search @type release @expires 2026-09-01 *\/
 *   NewSearch = 'new-search',
 *
 * Tags: @owner, @type, @expires, @created, @since, @state, @value, @default, @tags, and
 * @deprecated (= archived). Other tags (@see, @remarks…) are ordinary documentation and ignored.
 */
import type { Diagnostic } from '../../diagnostics.js';
import { FLAG_STATES, FLAG_TYPES } from '../../types.js';
import type { FlagState, FlagType, FlagValue } from '../../types.js';
import { isIsoDate } from '../../policy/dates.js';
import { suggestKey } from '../../policy/suggestions.js';
import type { CodeKey } from './code-keys.js';

/** The fields a member's JSDoc (or its settings entry) gives; absent when it does not say. */
export interface KeyMetadata {
  type?: FlagType;
  owner?: string;
  description?: string;
  created?: string;
  expires?: string;
  since?: string;
  state?: FlagState;
  value?: FlagValue;
  default?: FlagValue;
  tags?: string[];
}

const DOC_COMMENT = /\/\*\*(?!\/)[\s\S]*?\*\//g;
const TAG = /(?<=^|\s)@([A-Za-z]+)\b([^@]*)/g;

/** The member's doc comment: the last `/** … *\/` between the previous member and this one. */
function docComment(key: CodeKey): { text: string; start: number } | undefined {
  const text = key.sf.text;
  const gap = text.slice(key.docFrom, key.node.getStart(key.sf));
  let last: RegExpExecArray | undefined;
  for (const m of gap.matchAll(DOC_COMMENT)) last = m as RegExpExecArray;
  return last ? { text: last[0], start: key.docFrom + last.index } : undefined;
}

export function parseValue(text: string): FlagValue {
  const t = text.trim();
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t.replace(/^(['"])(.*)\1$/, '$2');
}

/** Reads the tags of a key's doc comment; bad values are reported at their line and left out. */
export function readKeyMetadata(key: CodeKey, out: Diagnostic[]): KeyMetadata {
  const meta: KeyMetadata = {};
  if (key.fallback !== undefined) meta.default = key.fallback;
  if (key.description !== undefined) meta.description = key.description;
  const doc = docComment(key);
  if (!doc) return meta;
  // Strip the comment markers but keep offsets: each character stays where it was.
  const body = doc.text.replace(/^\/\*\*|\*\/$/g, (m) => ' '.repeat(m.length)).replace(/^([ \t]*)\*/gm, (_m, space: string) => `${space} `);
  const firstTag = body.search(/(^|\s)@[A-Za-z]/);
  const description = (firstTag < 0 ? body : body.slice(0, firstTag)).replace(/\s+/g, ' ').trim();
  if (description !== '' && meta.description === undefined) meta.description = description;
  let deprecated = false;
  for (const m of body.matchAll(TAG)) {
    const name = m[1];
    const value = m[2].replace(/\s+/g, ' ').trim();
    const at = key.sf.getLineAndCharacterOfPosition(doc.start + m.index);
    const report = (message: string, fix: string): void => {
      out.push({ severity: 'error', code: 'registry/invalid-tag', file: key.file, line: at.line + 1, column: at.character + 1, flag: key.key, message, fix });
    };
    switch (name) {
      case 'owner':
        if (value === '') report('`@owner` has no team', 'write the owning team after the tag, e.g. `@owner payments`');
        else meta.owner = value;
        break;
      case 'type':
      case 'state': {
        const allowed: readonly string[] = name === 'type' ? FLAG_TYPES : FLAG_STATES;
        if (allowed.includes(value)) {
          if (name === 'type') meta.type = value as FlagType;
          else meta.state = value as FlagState;
        } else {
          const suggestion = suggestKey(value, allowed);
          report(`unknown @${name} "${value}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`, `write one of ${allowed.join(', ')}, e.g. \`@${name} ${suggestion ?? allowed[0]}\``);
        }
        break;
      }
      case 'expires':
      case 'created':
      case 'since':
        if (isIsoDate(value)) meta[name] = value;
        else report(`\`@${name}\` is "${value}", not a date`, `write a calendar date as YYYY-MM-DD, e.g. \`@${name} 2026-08-01\``);
        break;
      case 'value':
      case 'default':
        if (value === '') report(`\`@${name}\` has no value`, `write the value after the tag, e.g. \`@${name} true\``);
        else meta[name] = parseValue(value);
        break;
      case 'tags':
        meta.tags = value.split(/[\s,]+/).filter((t) => t !== '');
        break;
      case 'deprecated':
        deprecated = true;
        break;
      default:
        break;
    }
  }
  // A deprecated member is a retired key kept so nobody re-uses it: a tombstone (an explicit @state wins).
  if (deprecated && meta.state === undefined) meta.state = 'archived';
  return meta;
}
