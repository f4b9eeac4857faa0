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

  constructor(words: Iterable<string>, keys: Iterable<string> = [], options: CandidateFilterOptions = {}) {
    const wordList = [...new Set(words)].filter((w) => /^[\w$]+$/.test(w));
    const keyList = [...new Set(keys)].filter((k) => k.length > 0);
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
    if (this.pattern !== null && this.pattern.test(text)) return true;
    return this.shapes?.matches(text) ?? false;
  }

  /** Offsets of every match of the words and keys in `text`, in order. */
  offsets(text: string): number[] {
    if (this.pattern === null) return [];
    const global = (this.global ??= new RegExp(this.pattern.source, 'g'));
    const out: number[] = [];
    global.lastIndex = 0;
    for (let m = global.exec(text); m !== null; m = global.exec(text)) out.push(m.index);
    return out;
  }
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
