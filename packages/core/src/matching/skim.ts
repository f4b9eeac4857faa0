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
  /** The last character of line `i` that is not a space, tab or `\r` (NaN for a blank line). */
  lastCode(i: number): number {
    let k = this.end(i) - 1;
    const from = this.starts[i];
    while (k >= from && isSpaceOrCr(this.text.charCodeAt(k))) k--;
    return k >= from ? this.text.charCodeAt(k) : NaN;
  }
  blank(i: number): boolean {
    for (let k = this.starts[i]; k < this.text.length; k++) {
      const c = this.text.charCodeAt(k);
      if (c === 10) return true;
      if (c !== 32 && c !== 9 && c !== 13) return false;
    }
    return true;
  }
  /** The line holding offset `at` (a line start or inside a line). */
  lineOf(at: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  /** The first line at or after `i` that is indented or blank no more, or `count`. */
  nextAtColumn0(i: number): number {
    if (i >= this.starts.length) return i;
    AT_COLUMN_0.lastIndex = this.starts[i] - 1;
    const m = AT_COLUMN_0.exec(this.text);
    return m === null ? this.starts.length : this.lineOf(m.index + 1);
  }
  /** The first line from `k` on (before `to`) that is neither blank nor indented deeper than `indent`. */
  deeperEnd(k: number, to: number, indent: string): number {
    if (k >= to) return k;
    const re = shallowLine(indent);
    re.lastIndex = this.starts[k] - 1;
    const m = re.exec(this.text);
    return m === null ? to : Math.min(to, this.lineOf(m.index + 1));
  }
}

/*
 * The scans below find lines by their `\n` (not `^` and `$` with the `m` flag: those also
 * break lines at `\r` and U+2028/9, which the line-by-line rules above do not).
 */
/** A line that starts with something other than a space, tab or line break (its `\n` before it). */
const AT_COLUMN_0 = /\n[^ \t\r\n]/g;
const SHALLOW = new Map<string, RegExp>();
const MEMBER_LINE = new Map<string, RegExp>();

/** A line (its `\n` before it) that is neither blank nor indented deeper than `indent`. */
function shallowLine(indent: string): RegExp {
  let re = SHALLOW.get(indent);
  if (!re) SHALLOW.set(indent, (re = new RegExp(`\\n(?!${indent}[ \\t]|[ \\t\\r]*(?:\\n|$))`, 'g')));
  return re;
}

/** A line at the member indent `indent` whose last character opens a body or parameters. */
function memberLine(indent: string): RegExp {
  let re = MEMBER_LINE.get(indent);
  if (!re) MEMBER_LINE.set(indent, (re = new RegExp(`\\n${indent}[^ \\t\\r\\n][^\\n]*[{(][ \\t\\r]*(?=\\n|$)`, 'g')));
  return re;
}

/** A line that can start a shape: a function's first line, or one that starts with a name and opens a body or parameters. */
const START_LINE = /(?:^|\n)(?:(?:export[ \t]+(?:default[ \t]+)?)?(?:async[ \t]+)?function\b|[A-Za-z_$][^\n]*[{(][ \t\r]*(?=\n|$))/g;

/**
 * Blanks what `keep` is false for: top-level functions and call statements, and the bodies of
 * top-level classes' members (see above). Undefined when nothing was blanked (parse the text as it is).
 */
export function skimFunctions(text: string, keep: (regionText: string) => boolean): Skim | undefined {
  const lines = new Lines(text);
  const regions: SkimRegion[] = [];
  // Native scanning finds the lines that can start a shape; the checks below run on those only.
  START_LINE.lastIndex = 0;
  for (let m = START_LINE.exec(text); m !== null; m = START_LINE.exec(text)) {
    const i = lines.lineOf(m[0].charCodeAt(0) === 10 ? m.index + 1 : m.index);
    const line = lines.at(i);
    const j = statementEnd(lines, i, line);
    if (j === undefined) continue;
    let last = j;
    if (j < 0) {
      // A class: its members' bodies, if it ends where its layout says.
      const close = lines.nextAtColumn0(i + 1);
      if (close >= lines.count || !FUNCTION_END.test(lines.at(close)) || !followedByStatement(lines, close)) continue;
      memberBodies(lines, i + 1, close, keep, regions);
      last = close;
    } else {
      if (!followedByStatement(lines, j)) continue;
      const start = lines.starts[i];
      const stop = lines.end(j);
      if (!keep(text.slice(start, stop))) regions.push({ start, end: stop });
    }
    if (last + 1 >= lines.count) break;
    START_LINE.lastIndex = lines.starts[last + 1] - 1;
  }
  if (regions.length === 0) return undefined;
  const parts: string[] = [];
  let at = 0;
  for (const r of regions) {
    parts.push(text.slice(at, r.start));
    blankInto(parts, text, r.start, r.end);
    at = r.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), regions };
}

/** One long run of spaces: its slices are the blanked lines (no string built per line). */
let spaces = ' '.repeat(1024);

/** Pushes `text[start, end)` with everything but line breaks turned into spaces. */
function blankInto(parts: string[], text: string, start: number, end: number): void {
  const region = text.slice(start, end);
  // `\r` and U+2028/9 count as line breaks for positions too: kept where they are.
  if (ODD_BREAK.test(region)) {
    parts.push(region.replace(NOT_A_LINE_BREAK, ' '));
    return;
  }
  for (let at = 0; ; ) {
    const nl = region.indexOf('\n', at);
    const stop = nl === -1 ? region.length : nl;
    const n = stop - at;
    if (n > spaces.length) spaces = ' '.repeat(Math.max(n, spaces.length * 2));
    if (n > 0) parts.push(spaces.slice(0, n));
    if (nl === -1) return;
    parts.push('\n');
    at = nl + 1;
  }
}

const ODD_BREAK = /[\r\u2028\u2029]/;

/**
 * The last line of the top-level statement starting at line `i` if it is a shape to blank; -1
 * for a class (whose members are looked at instead); undefined when the layout proves nothing.
 */
function statementEnd(lines: Lines, i: number, line: string): number | undefined {
  let end: RegExp;
  let head: RegExp | undefined;
  const first = line.charCodeAt(0);
  // e(xport), a(sync), f(unction): a function's parameters may go on over indented lines.
  if ((first === 101 || first === 97 || first === 102) && FUNCTION_START.test(line)) end = FUNCTION_END;
  else {
    // Every other shape's first line opens its body or its parameters.
    const last = lines.lastCode(i);
    if (last !== 123 && last !== 40) return undefined;
    if (CLASS_START.test(line)) return last === 123 ? -1 : undefined;
    if (ARROW_START.test(line)) end = ARROW_END;
    else if (ARROW_OPEN.test(line)) {
      end = ARROW_END;
      head = ARROW_HEAD_CLOSE;
    } else if (CALL_START.test(line)) end = CALL_END;
    else return undefined;
  }
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
  const members = memberLine(indent);
  const limit = lines.starts[to];
  for (members.lastIndex = lines.starts[k] - 1; ; ) {
    // A member starts at the member indent, not deeper, and its first line opens its body or parameters.
    const m = members.exec(lines.text);
    if (m === null || m.index + 1 >= limit) return;
    k = lines.lineOf(m.index + 1);
    const member = lines.at(k).slice(indent.length);
    members.lastIndex = (lines.starts[k + 1] ?? lines.text.length + 1) - 1;
    let head = k;
    if (METHOD_OPEN.test(member)) {
      head = lines.deeperEnd(k + 1, to, indent);
      if (head >= to || !lines.at(head).startsWith(indent) || !METHOD_HEAD_CLOSE.test(lines.at(head).slice(indent.length))) continue;
    } else if (!METHOD_HEAD.test(member) && !ARROW_PROPERTY.test(member)) continue;
    const close = lines.deeperEnd(head + 1, to, indent);
    if (close >= to || !closing.test(lines.at(close))) continue;
    members.lastIndex = (lines.starts[close + 1] ?? lines.text.length + 1) - 1;
    if (close === head + 1) continue;
    const start = lines.starts[head + 1];
    const stop = lines.starts[close];
    if (!keep(lines.text.slice(start, stop))) regions.push({ start, end: stop, member: true });
  }
}

function isSpaceOrCr(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

