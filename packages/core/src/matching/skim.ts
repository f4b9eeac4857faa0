/**
 * Skimming: the scanner parses only the parts of a candidate file that can hold a flag read.
 *
 * A read spells an accessor's last segment or a wrapper's name (the same fact the file-level
 * pre-filter relies on), and a key declaration is a top-level enum, type or variable. So a
 * top-level function that spells none of those words can hold neither: `skimFunctions` turns
 * such functions into spaces before parsing. Offsets and line breaks are kept, so every position
 * in the parsed tree is a position in the real file.
 *
 * Function boundaries come from the layout every formatter produces, found line by line without
 * tokenising: the declaration starts at column 0 (`function`, `export default async function`,
 * `const name = (args) => {`), every line inside is indented or empty, and the first line back at
 * column 0 is its closing `}` (or `};` for an arrow). The next code line must start a new
 * statement. `FlagProject` then checks the parsed result: no syntax error, and no top-level
 * statement reaching into a blanked region; anything else is parsed in full instead.
 */

/** A text ready to parse, with what was blanked. */
export interface Skim {
  /** Same length and line breaks as the original; blanked regions are spaces. */
  text: string;
  /** Blanked `[start, end)` offsets in the original text, in order. */
  regions: Array<{ start: number; end: number }>;
}

const FUNCTION_START = /^(?:export[ \t]+(?:default[ \t]+)?)?(?:async[ \t]+)?function\b/;
/** `const name[: T] = [async] (params)[: R] => {` with simple parameters: an arrow with a block body. */
const ARROW_START = /^(?:export[ \t]+)?const[ \t]+[A-Za-z_$][\w$]*(?:[ \t]*:[^=\n]*)?[ \t]*=[ \t]*(?:async[ \t]+)?(?:\([^()\n]*\)|[A-Za-z_$][\w$]*)(?:[ \t]*:[^=\n]*)?[ \t]*=>[ \t]*\{[ \t]*\r?$/;
const FUNCTION_END = /^\}[ \t]*\r?$/;
const ARROW_END = /^\};[ \t]*\r?$/;
/** What the code line after a blanked region may start with: a keyword or name, a decorator, a comment. */
const NEXT_STATEMENT = /^(?:[A-Za-z_$@]|\/[/*])/;
const NOT_A_LINE_BREAK = /[^\n\r\u2028\u2029]/g;

/**
 * Blanks the top-level functions of `text` for which `keep` is false. Undefined when nothing
 * was blanked (parse the text as it is).
 */
export function skimFunctions(text: string, keep: (functionText: string) => boolean): Skim | undefined {
  const starts = lineStarts(text);
  const lineAt = (i: number): string => text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] - 1 : text.length);
  const regions: Skim['regions'] = [];
  for (let i = 0; i < starts.length; i++) {
    const first = text.charCodeAt(starts[i]);
    // Cheap gate before the regular expressions: e(xport), a(sync), f(unction), c(onst).
    if (first !== 101 && first !== 97 && first !== 102 && first !== 99) continue;
    const line = lineAt(i);
    const end = FUNCTION_START.test(line) ? FUNCTION_END : ARROW_START.test(line) ? ARROW_END : undefined;
    if (!end) continue;
    let j = i + 1;
    while (j < starts.length && isIndentedOrBlank(text, starts[j])) j++;
    if (j >= starts.length || !end.test(lineAt(j))) continue;
    let next = j + 1;
    while (next < starts.length && isBlank(text, starts[next])) next++;
    if (next < starts.length && !NEXT_STATEMENT.test(lineAt(next))) continue;
    const start = starts[i];
    const stop = starts[j] + lineAt(j).length;
    if (!keep(text.slice(start, stop))) regions.push({ start, end: stop });
    i = j;
  }
  if (regions.length === 0) return undefined;
  const parts: string[] = [];
  let at = 0;
  for (const r of regions) {
    parts.push(text.slice(at, r.start), blank(text.slice(r.start, r.end)));
    at = r.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), regions };
}

/** Spaces for everything but line breaks (`\r` and U+2028/9 count as breaks for positions too). */
function blank(region: string): string {
  if (region.includes('\u2028') || region.includes('\u2029')) return region.replace(NOT_A_LINE_BREAK, ' ');
  // Line by line is several times faster than a per-character replace.
  return region
    .split('\n')
    .map((line) => (line.includes('\r') ? line.replace(NOT_A_LINE_BREAK, ' ') : ' '.repeat(line.length)))
    .join('\n');
}

/** Offsets where lines start; `\n` ends a line (a `\r` before it stays part of the line). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function isIndentedOrBlank(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  // space, tab, \n, \r, or the end of the text
  return c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c);
}

function isBlank(text: string, at: number): boolean {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
