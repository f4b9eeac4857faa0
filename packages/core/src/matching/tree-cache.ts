/**
 * Parsed files kept across FlagProjects over mostly the same texts. `history` builds a project
 * for each sampled commit, and consecutive commits share almost every file: without this, the
 * files a subset scan lists (and the key sources and wrappers its reads resolve through) are
 * parsed again at every point, 4 parses in 10 on a real repository.
 *
 * A parse is reused only for exactly the text it was made from: the file's text, and for a
 * skimmed parse the skimmed text too (so the same functions were blanked). Trees are syntax
 * only and nothing writes to them; each project keeps its own caches keyed by node, so sharing
 * them across projects gives the answer a fresh parse would.
 */
import ts from '../typescript.cjs';
import type { ModuleSymbols } from './module-symbols.js';
import type { Skim } from './skim.js';

/** One parse of a file, as FlagProject keeps it (made by file-parse.ts). */
export interface FileEntry {
  text: string;
  sf: ts.SourceFile;
  /** The parser ran out of stack (absurdly deep nesting); `sf` is empty. */
  tooDeep: boolean;
  symbols?: ModuleSymbols;
  /** Set when `sf` was parsed from a skimmed text. */
  skim?: Skim;
  /**
   * `sf` is a caller's tree (`readsIn`'s `tree`), kept only while this file's reads are taken;
   * `hostText`: whether `text` is the host's (known when it was set, so not checked again).
   */
  borrowed?: { hostText: boolean };
}


/** Parses of one file: the last few, newest last (a skimmed and a full one of the same text). */
const PER_FILE = 2;

/** Past this share of the new text changed, `reparse` leaves the parse to a fresh one. */
const REPARSE_SHARE = 0.5;

interface Kept {
  text: string;
  /** The skimmed text parsed, undefined for a full parse. */
  skimmed: string | undefined;
  /** null: the skimmed parse was unusable (a syntax error, a statement reaching into a blank). */
  entry: FileEntry | null;
}

/** What `parseSkimmed` answered for a text under one set of skim tests (`SkimTests.key`). */
interface SkimAnswer {
  text: string;
  tests: string;
  /** null: no usable skim, the file is parsed in full. */
  entry: FileEntry | null;
}

export class TreeCache {
  private readonly byFile = new Map<string, Kept[]>();
  /**
   * Per file, `parseSkimmed`'s last answers: a kept parse is found without skimming the text
   * again (the skim, the import and alias scans cost more than the lookup).
   */
  private readonly skims = new Map<string, SkimAnswer[]>();
  /**
   * Per file, the last trees (skimmed, full) of a text the file no longer has, made by the last
   * `retain`: the next parse of the file starts from one of them (`reparse`) instead of from nothing.
   */
  private readonly bases = new Map<string, ts.SourceFile[]>();

  /**
   * The parse of `file` made from `text` (skimmed to `skimmed`, or in full when undefined); null
   * when that skimmed parse was found unusable; undefined when there is none.
   */
  get(file: string, text: string, skimmed: string | undefined): FileEntry | null | undefined {
    // Texts of one blob are the same string object: a hit compares pointers, a miss mostly lengths.
    return this.byFile.get(file)?.find((k) => k.text === text && k.skimmed === skimmed)?.entry;
  }

  set(file: string, text: string, skimmed: string | undefined, entry: FileEntry | null): void {
    const kept = (this.byFile.get(file) ?? []).filter((k) => !(k.text === text && k.skimmed === skimmed));
    kept.push({ text, skimmed, entry });
    if (kept.length > PER_FILE) kept.shift();
    this.byFile.set(file, kept);
  }

  /**
   * `parseSkimmed`'s answer for `text` under the skim tests `tests` (their `key`): the skimmed
   * parse, null for "parse it in full", undefined when not known.
   */
  skimmed(file: string, text: string, tests: string): FileEntry | null | undefined {
    return this.skims.get(file)?.find((a) => a.text === text && a.tests === tests)?.entry;
  }

  setSkimmed(file: string, text: string, tests: string, entry: FileEntry | null): void {
    const answers = (this.skims.get(file) ?? []).filter((a) => !(a.text === text && a.tests === tests));
    answers.push({ text, tests, entry });
    if (answers.length > PER_FILE) answers.shift();
    this.skims.set(file, answers);
  }

  /**
   * Drops every parse whose text is not `current(file)` any more (memory follows one tree); the
   * newest of a file that is still there becomes its base for `reparse`.
   */
  retain(current: (file: string) => string | undefined): void {
    // A base serves the parse right after its file changed: on Unleash 315 of 316 bases used
    // were made by the `retain` just before, and one a point earlier. Kept longer, the bases
    // of files changed but not parsed again (no candidate word) pile up: 121 trees, a sixth of
    // the live heap, after 26 weekly points.
    this.bases.clear();
    for (const [file, kept] of this.byFile) {
      const text = current(file);
      const still = text === undefined ? [] : kept.filter((k) => k.text === text);
      if (text !== undefined && still.length !== kept.length) {
        const bases = kept.flatMap((k) => (k.text !== text && k.entry !== null && !k.entry.tooDeep && !k.entry.borrowed ? [k.entry.sf] : []));
        if (bases.length > 0) this.bases.set(file, bases);
      }
      if (still.length === 0) this.byFile.delete(file);
      else if (still.length !== kept.length) this.byFile.set(file, still);
    }
    for (const [file, answers] of this.skims) {
      const text = current(file);
      const still = text === undefined ? [] : answers.filter((a) => a.text === text);
      if (still.length === 0) this.skims.delete(file);
      else if (still.length !== answers.length) this.skims.set(file, still);
    }
  }

  /**
   * A tree of `text` (what is parsed: the file's text or its skim) made by TypeScript's
   * incremental parser from the file's base closest to it, or undefined when none is close
   * (parse from nothing). The parser reuses every node of the base outside the span where the
   * two texts differ, and moves and re-parents them, so that base is used up: nothing else may
   * hold it (`retain` took it from the parses of a text no longer current, and each project
   * keeps its own node caches).
   */
  reparse(file: string, text: string): ts.SourceFile | undefined {
    const bases = this.bases.get(file);
    if (!bases) return undefined;
    let best: { base: ts.SourceFile; start: number; oldEnd: number; newEnd: number } | undefined;
    for (const base of bases) {
      const span = changedSpan(base.text, text);
      if (!best || span.newEnd - span.start < best.newEnd - best.start) best = { base, ...span };
    }
    // Most of the text differs: a parse from nothing is cheaper than the walks over the old tree.
    if (!best || best.newEnd - best.start > REPARSE_SHARE * text.length) return undefined;
    const { base, start, oldEnd, newEnd } = best;
    const left = bases.filter((b) => b !== base);
    if (left.length > 0) this.bases.set(file, left);
    else this.bases.delete(file);
    if (base.text === text) return base;
    try {
      return ts.updateSourceFile(base, text, ts.createTextChangeRange(ts.createTextSpan(start, oldEnd - start), newEnd - start));
    } catch {
      // Out of stack, as a parse from nothing may be too: that parse decides.
      return undefined;
    }
  }

  get size(): number {
    return this.byFile.size;
  }
}

/** Where two texts differ: one span from the first to the last character that differ (the parser takes one range). */
function changedSpan(old: string, text: string): { start: number; oldEnd: number; newEnd: number } {
  const shorter = Math.min(old.length, text.length);
  let start = 0;
  while (start < shorter && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let oldEnd = old.length;
  let newEnd = text.length;
  while (oldEnd > start && newEnd > start && old.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}
