import { ShapeTest, type CandidateShapes } from './candidate-shapes.js';

export interface CandidateFilterOptions {
  /**
   * Accessor words that count only where spelled as a read of their accessor can spell them
   * (candidate-shapes.ts). For `matches` (the file pre-filter), not `offsets`.
   */
  shapes?: CandidateShapes;
  /**
   * Keys count only as a whole string literal (`'new-nav'`, `"new-nav"`, `` `new-nav` ``): the
   * only way a declaration spells its key. A key that a literal would have to escape counts anywhere.
   */
  quotedKeys?: boolean;
}

/**
 * The cheap text test that decides which files get parsed. A file can only read a flag if its
 * text names an accessor or wrapper; it can only declare a registered key if it spells it. One
 * compiled regular expression per word set keeps this at memory speed.
 */
export class CandidateFilter {
  private readonly pattern: RegExp | null;
  private global: RegExp | undefined;
  private readonly shapes: ShapeTest | undefined;
  /**
   * Set for a few words and nothing else (a file's import aliases): found with `indexOf`. A
   * filter made for one file runs its regular expression once or twice, in V8's regular
   * expression interpreter (compiled code comes after some runs), over the whole text: the
   * scanner's read sites cost ~80 ms on Unleash that way.
   */
  private readonly few: string[] | undefined;

  constructor(words: Iterable<string>, keys: Iterable<string> = [], options: CandidateFilterOptions = {}) {
    const wordList = [...new Set(words)].filter((w) => /^[\w$]+$/.test(w));
    const keyList = [...new Set(keys)].filter((k) => k.length > 0);
    if (keyList.length === 0 && !options.shapes && wordList.length > 0 && wordList.length <= FEW) this.few = wordList;
    const quoted = new Set(options.quotedKeys ? keyList.filter((k) => !/[\\'"`\n\r\u2028\u2029]|\$\{/.test(k)) : []);
    const anywhere = keyList.filter((k) => !quoted.has(k));
    const parts: string[] = [];
    if (wordList.length > 0) parts.push(`(?<![\\w$])${trieSource(wordList)}(?![\\w$])`);
    if (anywhere.length > 0) parts.push(trieSource(anywhere));
    if (quoted.size > 0) parts.push(`['"\`]${trieSource([...quoted])}['"\`]`);
    this.pattern = parts.length > 0 ? new RegExp(parts.join('|')) : null;
    this.shapes = options.shapes && new ShapeTest(options.shapes, trieSource);
  }

  matches(text: string): boolean {
    if (this.few) return this.few.some((w) => nextWhole(text, w, 0) !== -1);
    if (this.pattern !== null && this.pattern.test(text)) return true;
    return this.shapes?.matches(text) ?? false;
  }

  /** Offsets of every match of the words and keys in `text`, in order. */
  offsets(text: string): number[] {
    if (this.few) {
      // A whole-word match is a whole run of [\w$] characters, so no two words match at one offset.
      const out: number[] = [];
      for (const w of this.few) for (let at = nextWhole(text, w, 0); at !== -1; at = nextWhole(text, w, at + w.length)) out.push(at);
      return this.few.length === 1 ? out : out.sort((a, b) => a - b);
    }
    if (this.pattern === null) return [];
    const global = (this.global ??= new RegExp(this.pattern.source, 'g'));
    const out: number[] = [];
    global.lastIndex = 0;
    for (let m = global.exec(text); m !== null; m = global.exec(text)) out.push(m.index);
    return out;
  }
}

/** Word lists up to this long are looked for with `indexOf` (`CandidateFilter.few`). */
const FEW = 8;

/** The offset of the next occurrence of `word` at or after `from` that no [\w$] character touches; -1 for none. */
function nextWhole(text: string, word: string, from: number): number {
  for (let at = text.indexOf(word, from); at !== -1; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if ((at === 0 || !isWordChar(text.charCodeAt(at - 1))) && (end >= text.length || !isWordChar(text.charCodeAt(end)))) return at;
  }
  return -1;
}

/** [\w$]: what `(?<![\w$])` and `(?![\w$])` test. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

/** Filters for short word lists, by the list: files import the same default names (`React`, `styled`). */
const wordFilters = new Map<string, CandidateFilter>();

/** `new CandidateFilter(words)`, shared between equal lists (a filter holds no state between calls). */
export function wordFilter(words: readonly string[]): CandidateFilter {
  const key = words.join('\0');
  let filter = wordFilters.get(key);
  if (filter === undefined) {
    // Bounded: an editor session lints file after file.
    if (wordFilters.size >= 2000) wordFilters.clear();
    filter = new CandidateFilter(words);
    wordFilters.set(key, filter);
  }
  return filter;
}

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * The alternation of `words` with shared prefixes factored out (`new-(?:checkout|search)`).
 * A flat alternation of a thousand registry keys makes the engine try every key at every
 * position; the trie fails after a character or two.
 */
export function trieSource(words: string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  return emit(root);
}

function emit(node: TrieNode): string {
  // A word that is a prefix of another becomes an optional continuation; `?` is greedy, so the
  // longer word is tried first and the `(?![\w$])` guard after it still sees whole identifiers.
  const branches = [...node.next].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ch, child]) => escape(ch) + emit(child));
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
  return node.end ? `(?:${body})?` : body;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
