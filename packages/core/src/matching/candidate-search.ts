/**
 * Which files can read a flag: the one text pre-filter and wrapper fixed point that the scanner,
 * the ESLint plugin's warm-up, the codemod and history share, so that the tools cannot disagree
 * on which files they look into.
 *
 * A file can only read a flag if its text names an accessor or a wrapper as a whole identifier
 * (`CandidateFilter`). Wrappers are found by parsing the files chosen so far; a newly found
 * wrapper's name chooses the files that call it, until no new name turns up. A new read shape
 * that is spelled by a new kind of word is taught to `FlagProject.candidateWords`, not here.
 */
import type { WrapperInfo } from '../types.js';
import { CandidateFilter } from './candidate-filter.js';
import type { CandidateForms } from './candidate-shapes.js';

/** The part of `FlagProject` the search drives. */
export interface CandidateProject {
  /** Accessor names and every known wrapper's name. */
  candidateWords(): readonly string[];
  /**
   * The same words split for the pre-filter: plain words, and accessor words that count only in
   * the forms their reads take (`FlagProject.candidateForms`). Used, when given, by a search from
   * every candidate word.
   */
  candidateForms?(): CandidateForms;
  /** Analyses the files' functions; returns the wrappers declared in them. */
  discoverWrappers(files: Iterable<string>): WrapperInfo[];
  /** Parses again skimmed files whose unparsed functions name a word found since; returns them. */
  reskim?(): string[];
  /**
   * Called when a round finds no new wrapper: true when provisional answers were withdrawn and
   * wrappers must be discovered again (`FlagProject.settle`).
   */
  settle?(): boolean;
}

export interface CandidateSearchOptions {
  project: CandidateProject;
  /** Every file the search may choose, in the order the result is wanted. */
  files: Iterable<string>;
  /** A file's text, or undefined when it cannot be read (never chosen). Read lazily. */
  text(file: string): string | undefined;
  /**
   * Strings (registry keys) whose presence alone chooses a file in the first round: it may declare
   * one. A search with `candidateForms` takes them only as whole string literals, as declarations spell them.
   */
  keys?: Iterable<string>;
  /**
   * The words that choose files in the first round, instead of every accessor and wrapper name
   * (`candidateWords`): the codemod starts from what can spell the flags it removes.
   */
  words?: Iterable<string>;
  /** Which wrappers found on the way choose the files that call them; default: all. */
  follow?(wrapper: WrapperInfo): boolean;
  /**
   * An update of an earlier search: start from these files, whatever they name, instead of the
   * files naming a candidate word. With `known`, the wrappers the earlier search found.
   */
  changed?: ReadonlySet<string>;
  /** Wrappers an earlier search found (name, file): their callers were searched then. */
  known?: Iterable<readonly [name: string, file: string]>;
  /** Whether a chosen file is kept (the scanner drops files that do not parse). Default: all. */
  accept?(file: string): boolean;
  /** Called before each round's files are accepted, with how many the round chose. */
  announce?(found: number): void;
}

/** The chosen files, in `files` order. */
export function searchCandidates(options: CandidateSearchOptions): string[] {
  const { project } = options;
  const order = [...options.files];
  const accept = options.accept ?? (() => true);
  const chosen = new Set<string>();
  const tested = new Set<string>();
  const knownIds = new Set<string>();
  for (const [name, file] of options.known ?? []) knownIds.add(`${name}\0${file}`);
  // A search from every candidate word also takes the words wrappers add to it (names of
  // wrappers analysed on the way, in files the search did not choose).
  const allWords = !options.changed && options.words === undefined;
  // Shaped accessor words are not plain words: a wrapper of the same name must still add its
  // plain word (it can be called, rendered or passed on anywhere).
  const plainWords = (): readonly string[] => project.candidateForms?.().words ?? project.candidateWords();
  const shapes = allWords ? project.candidateForms?.().shapes : undefined;
  // Without an earlier search, every name counts once; with one, a wrapper is new unless the
  // same name was declared in the same file then (a name can be declared twice).
  const seenWords = new Set(options.changed ? [] : (options.words ?? plainWords()));

  let filter: ((file: string) => boolean) | undefined;
  if (options.changed) {
    const changed = options.changed;
    filter = (file) => changed.has(file);
  } else {
    // A search for reads and declarations (shaped) needs a key only where a declaration can spell it.
    const words = new CandidateFilter(seenWords, options.keys ?? [], { shapes, quotedKeys: shapes !== undefined });
    filter = (file) => {
      const text = options.text(file);
      return text !== undefined && words.matches(text);
    };
  }
  // Files parsed again because their skipped functions name a wrapper found since.
  let reparsed = false;
  // Provisional wrapper answers were withdrawn (`settle`): discover again.
  let unsettled = false;
  for (;;) {
    const found: string[] = [];
    for (const file of order) if (!tested.has(file) && filter(file)) found.push(file);
    options.announce?.(found.length);
    let grew = false;
    for (const file of found) {
      tested.add(file);
      if (accept(file)) {
        chosen.add(file);
        grew = true;
      }
    }
    if (!grew && !reparsed && !unsettled && project.settle?.() !== true) break;
    unsettled = false;
    // Calls of a newly found wrapper are reads too: files naming it are chosen next.
    const newWords = new Set<string>();
    for (const wrapper of project.discoverWrappers(chosen)) {
      const id = `${wrapper.name}\0${wrapper.file}`;
      if (!knownIds.has(id) && (options.follow?.(wrapper) ?? true)) {
        knownIds.add(id);
        if (!seenWords.has(wrapper.name)) newWords.add(wrapper.name);
      }
    }
    if (allWords) for (const word of plainWords()) if (!seenWords.has(word)) newWords.add(word);
    if (newWords.size === 0) {
      if (project.settle?.() !== true) break;
      // Discover again with the words known now; no file is new.
      unsettled = true;
      filter = () => false;
      reparsed = false;
      continue;
    }
    for (const word of newWords) seenWords.add(word);
    const words = new CandidateFilter(newWords);
    filter = (file) => {
      const text = options.text(file);
      return text !== undefined && words.matches(text);
    };
    reparsed = (project.reskim?.() ?? []).length > 0;
  }
  return order.filter((file) => chosen.has(file));
}
