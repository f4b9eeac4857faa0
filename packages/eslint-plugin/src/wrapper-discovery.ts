/**
 * ESLint sees one file at a time, but a wrapper (`useNewCheckout()`) is usually declared in
 * another file. The cheap text pre-filter must know every wrapper's name up front, or a file
 * that only calls wrappers would be skipped. So when a project is first loaded, its source files
 * are pre-filtered the way the scanner does it: files naming an accessor are searched for
 * wrappers, then files naming one of those wrappers, until no new name appears.
 *
 * That search parses every file naming an accessor, which on a small project is a third of what
 * the plugin adds to a lint. So its answer (the wrappers' names, and the texts it came from) is
 * kept in core's model cache, and the next run reads and hashes the files and searches only
 * those that changed (`discoverCandidateWords`). The wrappers themselves are then analysed when
 * a read calls them.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { previousAnalysis, storeAnalysis, walkFiles, type Accessor, type FlagProject, type ModelCodec } from '@flagdebt/core';
import { textHash, type DiskHost } from './disk-host.js';

const SOURCE_FILE = /\.(?:[mc]?[jt]s|[jt]sx)$/u;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', 'out']);
/** Past this many files the warm-up costs more than it saves; wrappers are then learned as files are linted. */
const MAX_FILES = 20_000;
/** Bumped when what the search finds, or what is stored, changes. */
const FORMAT = 1;

/** The project's source files, not in dot folders or the usual output folders; stops past MAX_FILES. */
function sourceFiles(root: string): string[] {
  const skipped = (relDir: string) => {
    const name = relDir.slice(relDir.lastIndexOf('/') + 1);
    return name.startsWith('.') || SKIPPED_DIRS.has(name);
  };
  const isSource = (name: string) => !name.startsWith('.') && SOURCE_FILE.test(name) && !name.endsWith('.d.ts');
  return walkFiles(root, { prune: skipped, keep: isSource, limit: MAX_FILES });
}

/** The plugin's text pre-filter: does `text` mention any of `words`? */
export function containsAny(text: string, words: Iterable<string>): boolean {
  for (const word of words) if (text.includes(word)) return true;
  return false;
}

/**
 * What the search found, and what it was found from. The next run compares the source texts
 * with `hashes` and searches again only where they differ (see `discoverCandidateWords`).
 */
interface Discovery {
  /** FORMAT, this module's build, the accessors: when any differs, everything is searched again. */
  basis: string;
  /** Source file -> `textHash` of the text searched. */
  hashes: Record<string, string>;
  /** Every wrapper's name, and the file that declares it. */
  wrappers: Array<[name: string, file: string]>;
  /** Files the matcher read that are not source files (tsconfig.json, modules elsewhere), with their hash (null: unreadable). */
  otherInputs: Array<[file: string, hash: string | null]>;
}

function hashOf(file: string): string | null {
  try {
    return textHash(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const DISCOVERY_CODEC: ModelCodec<Discovery> = {
  storable: () => true,
  encode: (d) => d,
  decode: (stored) => {
    const d = stored as Discovery;
    if (typeof d.basis !== 'string' || typeof d.hashes !== 'object' || !Array.isArray(d.wrappers) || !Array.isArray(d.otherInputs)) throw new Error('damaged');
    return d;
  },
  // A changed tsconfig.json (paths) or module outside the project can change any file's answer.
  fresh: (d) => d.otherInputs.every(([file, hash]) => hashOf(file) === hash),
};

/** This module's own build: a changed search must not trust names an older one found. */
function selfStamp(): string {
  try {
    return String(fs.statSync(fileURLToPath(import.meta.url)).mtimeMs);
  } catch {
    return '';
  }
}

/**
 * Every word the pre-filter needs for this project: accessor names plus all wrapper names.
 * Seals `matcher`'s wrappers with those names (see `FlagProject.sealWrappers`).
 *
 * The search is brought up to date from the last run's (core's model cache), not redone: only
 * source files whose text changed, or that are new, are searched, and then the files that name
 * a wrapper found there (a wrapper of a new wrapper). Names declared in changed or deleted files
 * are dropped first. Wrappers elsewhere whose status a change could alter are kept, so the names
 * are at worst a superset of the wrappers' (which only costs the pre-filter some precision).
 */
export function discoverCandidateWords(matcher: FlagProject, root: string, accessors: Accessor[], host?: DiskHost): Set<string> {
  const files = sourceFiles(root);
  if (files.length > MAX_FILES) return new Set(matcher.candidateWords());
  const texts = new Map<string, string>();
  const hashes = new Map<string, string>();
  for (const file of files.sort()) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue; // Unreadable files are reported (or not) when ESLint lints them.
    }
    texts.set(file, text);
    hashes.set(file, textHash(text));
  }
  // A linted text that differs from these lifts the seal below (FlagProject.sourceFile).
  host?.rememberSealedTexts(hashes);

  const basis = `${FORMAT}\0${selfStamp()}\0${JSON.stringify(accessors)}`;
  const previous = previousAnalysis('wrappers', root, DISCOVERY_CODEC);
  let wrappers: Array<[string, string]>;
  let unchanged = false;
  if (previous === undefined || previous.basis !== basis) {
    wrappers = search(matcher, texts, undefined, []);
  } else {
    const changed = new Map([...texts].filter(([file]) => previous.hashes[file] !== hashes.get(file)));
    unchanged = changed.size === 0 && Object.keys(previous.hashes).length === texts.size;
    // Names declared in changed or deleted files are dropped, and found again if still there.
    // Only wrappers new to the project send the search into the files that call them: callers
    // of one that was there before were searched then.
    const kept = previous.wrappers.filter(([, file]) => texts.has(file) && !changed.has(file));
    wrappers = changed.size === 0 ? kept : [...kept, ...search(matcher, texts, changed, previous.wrappers)];
  }
  wrappers = [...new Map(wrappers.map((w) => [`${w[0]}\0${w[1]}`, w])).values()];
  matcher.sealWrappers(wrappers.map(([name]) => name));
  // Nothing searched, nothing new to store (a write also trims the cache folder).
  if (!unchanged) {
    const sources = new Set(texts.keys());
    const otherFiles = new Set([...(previous?.otherInputs.map(([file]) => file) ?? []), ...(host?.filesRead() ?? [])].filter((f) => !sources.has(f)));
    storeAnalysis('wrappers', root, DISCOVERY_CODEC, {
      basis,
      hashes: Object.fromEntries(hashes),
      wrappers,
      otherInputs: [...otherFiles].map((f): [string, string | null] => [f, hashOf(f)]),
    });
  }
  return new Set(matcher.candidateWords());
}

/**
 * The scanner's fixed point. A full search (`changed` undefined) starts from the files that
 * name an accessor; an update starts from the `changed` files, whatever they name. Then every
 * other file that names a wrapper found so far is searched, until no new wrapper appears. A
 * wrapper is new unless `known` holds it: the same name declared in the same file (a file that
 * calls a name now declared elsewhere too must be searched again). Returns the wrappers found.
 */
function search(matcher: FlagProject, all: Map<string, string>, changed: Map<string, string> | undefined, known: Array<[string, string]>): Array<[string, string]> {
  const seen = new Set(known.map(([name, file]) => `${name}\0${file}`));
  const chosen = changed ? [...changed.keys()] : [];
  let pending = changed ? new Map([...all].filter(([file]) => !changed.has(file))) : all;
  let newWords = changed ? [] : matcher.candidateWords();
  // Files parsed again because a skipped function names a wrapper found since (FlagProject.reskim).
  let reparsed = false;
  const step = (): void => {
    newWords = [];
    for (const wrapper of matcher.discoverWrappers(chosen)) {
      const id = `${wrapper.name}\0${wrapper.file}`;
      if (!seen.has(id)) {
        seen.add(id);
        newWords.push(wrapper.name);
      }
    }
    reparsed = newWords.length > 0 && matcher.reskim().length > 0;
  };
  if (changed) step();
  while ((newWords.length > 0 && pending.size > 0) || reparsed) {
    const rest = new Map<string, string>();
    for (const [file, text] of pending) {
      if (containsAny(text, newWords)) chosen.push(file);
      else rest.set(file, text);
    }
    pending = rest;
    step();
  }
  return matcher.wrappers().map((w): [string, string] => [w.name, w.file]);
}
