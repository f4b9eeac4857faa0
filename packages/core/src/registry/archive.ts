/**
 * Marks a flag `archived` in the registry text with minimal edits at node ranges, so comments,
 * key order, quoting and everything else in the file stay byte-identical. `value` is kept: it
 * documents what shipped.
 */
import type { Node, YAMLMap } from 'yaml';
import { FlagdebtError } from '../diagnostics.js';
import type { FlagValue, IsoDate } from '../types.js';
import { entriesOf, isMapping, parseSource, positionOf, yaml } from './source-document.js';
import type { Entry, SourceDocument } from './source-document.js';

interface Edit {
  at: number;
  end: number;
  text: string;
}

function fail(file: string, message: string, fix: string, line = 0, column = 0): never {
  throw new FlagdebtError({ severity: 'error', code: 'registry/archive', file, line, column, message, fix });
}

function flagMap(source: SourceDocument, key: string): { flag: Entry; map: YAMLMap } {
  const root = source.document.contents;
  const flags = isMapping(root) ? entriesOf(source, root).find((e) => e.key === 'flags') : undefined;
  if (!flags || !isMapping(flags.value)) fail(source.file, 'the registry has no `flags` mapping', 'run `flagdebt registry validate` and fix the registry first');
  const flag = entriesOf(source, flags.value).find((e) => e.key === key);
  if (!flag) fail(source.file, `flag "${key}" is not in the registry`, 'check the key, or add the flag before archiving it');
  if (!isMapping(flag.value)) fail(source.file, `flag "${key}" is not a mapping`, 'fix the registry entry first', flag.position.line, flag.position.column);
  return { flag, map: flag.value };
}

/** A replacement scalar written the way the existing one was (quoted or plain). */
function scalarText(format: 'yaml' | 'json', value: string, existing?: string): string {
  const quote = existing?.[0] === '"' || existing?.[0] === "'" ? existing[0] : format === 'json' ? '"' : '';
  return `${quote}${value}${quote}`;
}

function replaceValue(source: SourceDocument, format: 'yaml' | 'json', node: Node, value: string): Edit {
  const [start, end] = node.range as [number, number, number];
  const text = scalarText(format, value, source.text.slice(start, end));
  // An empty `state:` has a zero-width node right after the colon.
  return { at: start, end, text: start === end && source.text[start - 1] === ':' ? ` ${text}` : text };
}

/** Column of the first key in a mapping: new fields line up with it. */
function indentOf(source: SourceDocument, map: YAMLMap): string {
  const first = map.items[0]?.key as Node | undefined;
  const column = first ? positionOf(source, first).column - 1 : 0;
  return ' '.repeat(Math.max(0, column));
}

/** `raw` fields are already written as literals (a value that must stay a number or boolean in JSON). */
function insertFields(source: SourceDocument, format: 'yaml' | 'json', map: YAMLMap, fields: Array<[string, string, boolean?]>): Edit {
  const text = source.text;
  // Keep Windows line endings if the file uses them.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const last = map.items[map.items.length - 1];
  const lastEnd = ((last?.value ?? last?.key) as Node | undefined)?.range?.[1];
  const quote = (s: string): string => (format === 'json' ? `"${s}"` : s);
  const pairs = fields.map(([name, value, raw]) => `${quote(name)}: ${raw ? value : scalarText(format, value)}`);
  if (map.flow || format === 'json') {
    const close = (map.range as [number, number, number])[1] - 1;
    if (lastEnd === undefined) return { at: close, end: close, text: ` ${pairs.join(', ')} ` };
    const multiline = text.slice(map.range![0], close).includes('\n');
    if (!multiline) return { at: lastEnd, end: lastEnd, text: pairs.map((p) => `, ${p}`).join('') };
    const indent = indentOf(source, map);
    return { at: lastEnd, end: lastEnd, text: pairs.map((p) => `,${eol}${indent}${p}`).join('') };
  }
  // Block mapping: new lines go after the line holding the end of the last value (past any comment).
  const indent = indentOf(source, map);
  const lines = pairs.map((p) => `${indent}${p}${eol}`).join('');
  const end = lastEnd ?? map.range![1];
  if (end > 0 && text[end - 1] === '\n') return { at: end, end, text: lines };
  const newline = text.indexOf('\n', end);
  if (newline === -1) return { at: text.length, end: text.length, text: `${eol}${lines.slice(0, -eol.length)}` };
  return { at: newline + 1, end: newline + 1, text: lines };
}

/**
 * `value`: the value the code was folded to (an active flag removed with `--value`). It is written
 * as the entry's `value` when that is missing or different, so the tombstone says what shipped.
 */
export function archiveFlagInText(text: string, format: 'yaml' | 'json', key: string, since: IsoDate, file = format === 'json' ? 'flags.json' : 'flags.yaml', value?: FlagValue): string {
  const source = parseSource(file, text, 'registry/syntax');
  if (source.syntaxErrors.length > 0) throw new FlagdebtError(source.syntaxErrors);
  const { map } = flagMap(source, key);
  const fields = new Map(entriesOf(source, map).map((e) => [e.key, e]));
  const state = fields.get('state');
  const sinceEntry = fields.get('since');
  const archived = yaml().isScalar(state?.value) && state.value.value === 'archived';
  // Already archived: keep the original date so a second run changes nothing.
  if (archived && sinceEntry) return text;

  const edits: Edit[] = [];
  const missing: Array<[string, string, boolean?]> = [];
  const valueEntry = fields.get('value');
  if (value !== undefined) {
    const literal = typeof value === 'string' ? JSON.stringify(value) : String(value);
    if (valueEntry?.value && yaml().isScalar(valueEntry.value)) {
      if (valueEntry.value.value !== value) {
        const [start, end] = valueEntry.value.range as [number, number, number];
        edits.push({ at: start, end, text: literal });
      }
    } else if (!valueEntry) {
      missing.push(['value', literal, true]);
    }
  }
  if (!archived) {
    if (state?.value) edits.push(replaceValue(source, format, state.value, 'archived'));
    else missing.push(['state', 'archived']);
  }
  if (sinceEntry?.value && yaml().isScalar(sinceEntry.value) && sinceEntry.value.value !== null) edits.push(replaceValue(source, format, sinceEntry.value, since));
  else if (!sinceEntry) missing.push(['since', since]);
  else fail(file, `flag "${key}" has an empty \`since\``, 'remove the empty `since:` line', sinceEntry.position.line, sinceEntry.position.column);
  if (missing.length > 0) edits.push(insertFields(source, format, map, missing));

  let result = text;
  for (const edit of edits.sort((a, b) => b.at - a.at)) result = result.slice(0, edit.at) + edit.text + result.slice(edit.end);
  return result;
}

/** Header of a metadata YAML that `flagdebt remove` creates for a code registry. */
export const TOMBSTONE_HEADER = [
  '# Metadata of the flags declared in code (registry.code in the flagdebt config).',
  '# Retired keys stay here as `state: archived` so they are never used again.',
].join('\n');

/**
 * The tombstone of a key retired from a registry that lives in code: its entry in the metadata
 * YAML says `state: archived` (with `since` and the kept `value`). An existing entry is archived
 * with the same minimal edits as archiveFlagInText; a missing entry is appended under `flags:`;
 * a missing file (`text` undefined) is created with a header comment.
 */
export function tombstoneInText(text: string | undefined, format: 'yaml' | 'json', key: string, since: IsoDate, file: string, value?: FlagValue): string {
  const literal = value === undefined ? undefined : typeof value === 'string' ? JSON.stringify(value) : String(value);
  const fields: Array<[string, string]> = [['state', 'archived'], ['since', since], ...(literal !== undefined ? [['value', literal] as [string, string]] : [])];
  if (text === undefined || text.trim() === '') {
    if (format === 'json') return `${JSON.stringify({ flags: { [key]: Object.fromEntries(fields.map(([k, v]) => [k, k === 'value' ? value : v])) } }, null, 2)}\n`;
    return `${TOMBSTONE_HEADER}\nflags:\n  ${yamlKey(key)}:\n${fields.map(([k, v]) => `    ${k}: ${v}\n`).join('')}`;
  }
  const source = parseSource(file, text, 'registry/syntax');
  if (source.syntaxErrors.length > 0) throw new FlagdebtError(source.syntaxErrors);
  const root = source.document.contents;
  const flags = isMapping(root) ? entriesOf(source, root).find((e) => e.key === 'flags') : undefined;
  if (flags && isMapping(flags.value) && entriesOf(source, flags.value).some((e) => e.key === key)) return archiveFlagInText(text, format, key, since, file, value);
  if (format === 'json' || (flags && isMapping(flags.value) && flags.value.flow)) {
    fail(file, `flag "${key}" is not in the metadata file, and flagdebt only appends new entries to a block YAML mapping`, `add \`${key}: { state: archived, since: ${since} }\` under \`flags\` by hand`);
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = (indent: string): string => `${indent}${yamlKey(key)}:${eol}${fields.map(([k, v]) => `${indent}  ${k}: ${v}${eol}`).join('')}`;
  const withEol = text.endsWith('\n') ? text : `${text}${eol}`;
  if (!flags) return `${withEol}flags:${eol}${body('  ')}`;
  if (!isMapping(flags.value)) {
    // `flags:` with nothing under it yet.
    if (flags.value === null || (yaml().isScalar(flags.value) && flags.value.value === null)) return `${withEol}${body('  ')}`;
    fail(file, '`flags` is not a mapping', 'make `flags` a mapping of keys to their fields', flags.position.line, flags.position.column);
  }
  const map = flags.value;
  const indent = indentOf(source, map);
  const last = map.items[map.items.length - 1];
  const lastEnd = ((last?.value ?? last?.key) as Node | undefined)?.range?.[1] ?? map.range![1];
  const newline = text.indexOf('\n', lastEnd > 0 && text[lastEnd - 1] === '\n' ? lastEnd - 1 : lastEnd);
  if (newline === -1) return `${withEol}${body(indent)}`;
  return text.slice(0, newline + 1) + body(indent) + text.slice(newline + 1);
}

/** A key as a YAML mapping key: quoted when plain style would misread it. */
function yamlKey(key: string): string {
  return /^[A-Za-z_][\w.-]*$/.test(key) ? key : JSON.stringify(key);
}
