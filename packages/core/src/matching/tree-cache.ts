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
import type ts from '../typescript.cjs';
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

interface Kept {
  text: string;
  /** The skimmed text parsed, undefined for a full parse. */
  skimmed: string | undefined;
  /** null: the skimmed parse was unusable (a syntax error, a statement reaching into a blank). */
  entry: FileEntry | null;
}

export class TreeCache {
  private readonly byFile = new Map<string, Kept[]>();

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

  /** Drops every parse whose text is not `current(file)` any more (memory follows one tree). */
  retain(current: (file: string) => string | undefined): void {
    for (const [file, kept] of this.byFile) {
      const text = current(file);
      const still = text === undefined ? [] : kept.filter((k) => k.text === text);
      if (still.length === 0) this.byFile.delete(file);
      else if (still.length !== kept.length) this.byFile.set(file, still);
    }
  }

  get size(): number {
    return this.byFile.size;
  }
}
