/**
 * Skimming: the scanner parses only the parts of a candidate file that can hold a flag read.
 *
 * A read spells an accessor's last segment or a wrapper's name (the same fact the file-level
 * pre-filter relies on), and a key declaration is a top-level enum, type or variable. So code
 * that spells none of those words can hold neither: `skimFunctions` turns it into spaces before
 * parsing. Offsets and line breaks are kept, so every position in the parsed tree is a position
 * in the real file. Three shapes are blanked:
 *
 * - top-level functions: `function`, `export default async function`, `const name = (args) => {`
 *   (its parameters on one line or, destructured, on lines of their own);
 * - top-level call statements, such as a test file's `describe('...', () => {` or
 *   `test('...', async () => {` (they bind no name);
 * - the bodies of a top-level class's methods, constructors and arrow-function properties (the
 *   braces and the signature stay: a method's name and parameters are what other code resolves).
 *
 * Boundaries come from the layout every formatter produces, found line by line without
 * tokenising: a statement starts at column 0, every line inside is indented or empty, and the
 * first line back at column 0 is its closing `}` (`};` for an arrow, `});` or `)` for a call);
 * a class member starts at the class's member indent and ends at `}` at that same indent. The
 * next code line must start a new statement. `FlagProject` then checks the parsed result: no
 * syntax error, no top-level statement reaching into a blanked statement, and each blanked body
 * the inside of an empty body of its class's member; anything else is parsed in full instead.
 */

/** A blanked range of the original text. */
export interface SkimRegion {
  start: number;
  end: number;
  /** Inside a top-level class: the lines of one member's body (its braces are kept). */
  member?: true;
}

/** A text ready to parse, with what was blanked. */
export interface Skim {
  /** Same length and line breaks as the original; blanked regions are spaces. */
  text: string;
  /** Blanked `[start, end)` offsets in the original text, in order. */
  regions: SkimRegion[];
}

const FUNCTION_START = /^(?:export[ \t]+(?:default[ \t]+)?)?(?:async[ \t]+)?function\b/;
/** `const name[: T] = [async] (params)[: R] => {` with simple parameters: an arrow with a block body. */
const ARROW_START = /^(?:export[ \t]+)?const[ \t]+[A-Za-z_$][\w$]*(?:[ \t]*:[^=\n]*)?[ \t]*=[ \t]*(?:async[ \t]+)?(?:\([^()\n]*\)|[A-Za-z_$][\w$]*)(?:[ \t]*:[^=\n]*)?[ \t]*=>[ \t]*\{[ \t]*\r?$/;
/** `const Name[: FC<P>] = [async] ({` or `= (`: an arrow whose parameters follow on lines of their own. */
const ARROW_OPEN = /^(?:export[ \t]+)?const[ \t]+[A-Za-z_$][\w$]*(?:[ \t]*:[^=\n]*)?[ \t]*=[ \t]*(?:async[ \t]+)?\(\{?[ \t]*\r?$/;
/** The column-0 line that closes such parameters and opens the body: `}) => {`, `}: Props) => {`, `): R => {`. */
const ARROW_HEAD_CLOSE = /^\}?(?:[ \t]*:[^=\n]*)?\)(?:[ \t]*:[^=\n]*)?[ \t]*=>[ \t]*\{[ \t]*\r?$/;
/**
 * A call statement: `describe('...', () => {`, `test.each(...)(`, `await main(`, `jest.mock('x', () => ({`.
 * Keywords that take parentheses are not calls (and `if (...) {` does not end like one).
 */
const CALL_START = /^(?:await[ \t]+)?(?!(?:if|for|while|switch|with|catch|import|return|typeof|void|delete|new|function|class|super|this|yield|await|export|const|let|var)\b)[A-Za-z_$][\w$]*(?:[ \t]*\??\.[ \t]*[A-Za-z_$][\w$]*)*[ \t]*\(/;
/** The column-0 line that ends a call statement: closers only (`});`, `}));`, `]);`, `)`). */
const CALL_END = /^[)}\]]*\)[)\]]*;?[ \t]*\r?$/;
const CLASS_START = /^(?:export[ \t]+(?:default[ \t]+)?)?(?:abstract[ \t]+)?class\b[^\n]*\{[ \t]*\r?$/;
const FUNCTION_END = /^\}[ \t]*\r?$/;
const ARROW_END = /^\};[ \t]*\r?$/;
/** What the code line after a blanked region may start with: a keyword or name, a decorator, a comment. */
const NEXT_STATEMENT = /^(?:[A-Za-z_$@]|\/[/*])/;
const NOT_A_LINE_BREAK = /[^\n\r\u2028\u2029]/g;

/** Modifiers a class member's signature may start with. */
const MODIFIERS = String.raw`(?:(?:public|private|protected|static|async|override|readonly|get|set|accessor)[ \t]+)*`;
/** A method, constructor or accessor whose signature fits on its line: `async name<T>(a: A): R {`. */
const METHOD_HEAD = new RegExp(String.raw`^${MODIFIERS}\*?[ \t]*#?[A-Za-z_$][\w$]*[ \t]*\??[ \t]*(?:<[^\n]*>)?[ \t]*\([^\n]*\)(?:[ \t]*:[^\n]*)?[ \t]*\{[ \t]*\r?$`);
/** A signature whose parameters follow on lines of their own: `async name(`. */
const METHOD_OPEN = new RegExp(String.raw`^${MODIFIERS}\*?[ \t]*#?[A-Za-z_$][\w$]*[ \t]*\??[ \t]*(?:<[^\n]*>)?[ \t]*\([ \t]*\r?$`);
/** The line at the member indent closing such parameters: `): Promise<void> {`. */
const METHOD_HEAD_CLOSE = /^\)(?:[ \t]*:[^\n]*)?[ \t]*\{[ \t]*\r?$/;
/** An arrow-function property: `handle = async (event: E) => {`. */
const ARROW_PROPERTY = new RegExp(String.raw`^${MODIFIERS}#?[A-Za-z_$][\w$]*[ \t]*(?::[^=\n]*)?=[ \t]*(?:async[ \t]+)?\([^()\n]*\)(?:[ \t]*:[^=\n]*)?[ \t]*=>[ \t]*\{[ \t]*\r?$`);

/** The text's lines, by offset. */
class Lines {
  readonly starts: number[];
  constructor(readonly text: string) {
    this.starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  get count(): number {
    return this.starts.length;
  }
  /** Line `i` without its `\n` (a `\r` before it stays part of the line). */
  at(i: number): string {
    return this.text.slice(this.starts[i], i + 1 < this.starts.length ? this.starts[i + 1] - 1 : this.text.length);
  }
  /** Offset just past line `i`'s text (its `\n` excluded). */
  end(i: number): number {
    return i + 1 < this.starts.length ? this.starts[i + 1] - 1 : this.text.length;
  }
  code(i: number): number {
    return this.text.charCodeAt(this.starts[i]);
  }
  indentedOrBlank(i: number): boolean {
    const c = this.code(i);
    // space, tab, \n, \r, or the end of the text
    return c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c);
  }
  blank(i: number): boolean {
    for (let k = this.starts[i]; k < this.text.length; k++) {
      const c = this.text.charCodeAt(k);
      if (c === 10) return true;
      if (c !== 32 && c !== 9 && c !== 13) return false;
    }
    return true;
  }
  /** The first line at or after `i` that is indented or blank no more, or `count`. */
  nextAtColumn0(i: number): number {
    while (i < this.starts.length && this.indentedOrBlank(i)) i++;
    return i;
  }
}

/**
 * Blanks what `keep` is false for: top-level functions and call statements, and the bodies of
 * top-level classes' members (see above). Undefined when nothing was blanked (parse the text as it is).
 */
export function skimFunctions(text: string, keep: (regionText: string) => boolean): Skim | undefined {
  const lines = new Lines(text);
  const regions: SkimRegion[] = [];
  for (let i = 0; i < lines.count; i++) {
    const first = lines.code(i);
    // Only a line that starts with a name can start a shape: [A-Za-z_$].
    if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first === 95 || first === 36)) continue;
    const line = lines.at(i);
    const j = statementEnd(lines, i, line);
    if (j === undefined) continue;
    if (j < 0) {
      // A class: its members' bodies, if it ends where its layout says.
      const close = lines.nextAtColumn0(i + 1);
      if (close >= lines.count || !FUNCTION_END.test(lines.at(close)) || !followedByStatement(lines, close)) continue;
      memberBodies(lines, i + 1, close, keep, regions);
      i = close;
      continue;
    }
    if (!followedByStatement(lines, j)) continue;
    const start = lines.starts[i];
    const stop = lines.end(j);
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

/**
 * The last line of the top-level statement starting at line `i` if it is a shape to blank; -1
 * for a class (whose members are looked at instead); undefined when the layout proves nothing.
 */
function statementEnd(lines: Lines, i: number, line: string): number | undefined {
  if (CLASS_START.test(line)) return -1;
  let end: RegExp;
  let head: RegExp | undefined;
  if (FUNCTION_START.test(line)) end = FUNCTION_END;
  else if (ARROW_START.test(line)) end = ARROW_END;
  else if (ARROW_OPEN.test(line)) {
    end = ARROW_END;
    head = ARROW_HEAD_CLOSE;
  } else if (CALL_START.test(line)) end = CALL_END;
  else return undefined;
  let j = lines.nextAtColumn0(i + 1);
  // Parameters on lines of their own: the line closing them opens the body.
  if (head) {
    if (j >= lines.count || !head.test(lines.at(j))) return undefined;
    j = lines.nextAtColumn0(j + 1);
  }
  return j < lines.count && end.test(lines.at(j)) ? j : undefined;
}

/** Whether the next code line after line `j` starts a new statement (or there is none). */
function followedByStatement(lines: Lines, j: number): boolean {
  let next = j + 1;
  while (next < lines.count && lines.blank(next)) next++;
  return next >= lines.count || NEXT_STATEMENT.test(lines.at(next));
}

/** Blanks, between lines `from` and `to` (a class's inside), the member bodies `keep` is false for. */
function memberBodies(lines: Lines, from: number, to: number, keep: (text: string) => boolean, regions: SkimRegion[]): void {
  let k = from;
  while (k < to && lines.blank(k)) k++;
  if (k >= to) return;
  const first = lines.at(k);
  const indent = first.slice(0, first.length - first.trimStart().length);
  if (indent.length === 0 || indent.includes('\r')) return;
  const closing = new RegExp(`^${indent}\\};?[ \\t]*\\r?$`);
  for (; k < to; k++) {
    const line = lines.at(k);
    // A member starts at the member indent, not deeper.
    if (!line.startsWith(indent) || line.length === indent.length || isSpace(line.charCodeAt(indent.length))) continue;
    const member = line.slice(indent.length);
    let head = k;
    if (METHOD_OPEN.test(member)) {
      head = deeperEnd(lines, k + 1, to, indent);
      if (head >= to || !lines.at(head).startsWith(indent) || !METHOD_HEAD_CLOSE.test(lines.at(head).slice(indent.length))) continue;
    } else if (!METHOD_HEAD.test(member) && !ARROW_PROPERTY.test(member)) continue;
    const close = deeperEnd(lines, head + 1, to, indent);
    if (close >= to || !closing.test(lines.at(close))) continue;
    k = close;
    if (close === head + 1) continue;
    const start = lines.starts[head + 1];
    const stop = lines.starts[close];
    if (!keep(lines.text.slice(start, stop))) regions.push({ start, end: stop, member: true });
  }
}

/** The first line from `k` on (before `to`) that is neither blank nor indented deeper than `indent`. */
function deeperEnd(lines: Lines, k: number, to: number, indent: string): number {
  for (; k < to; k++) {
    if (lines.blank(k)) continue;
    const line = lines.at(k);
    if (!line.startsWith(indent) || !isSpace(line.charCodeAt(indent.length))) return k;
  }
  return k;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
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
