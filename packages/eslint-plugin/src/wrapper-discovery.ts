/**
 * ESLint sees one file at a time, but a wrapper (`useNewCheckout()`) is usually declared in
 * another file. The cheap text pre-filter must know every wrapper's name up front, or a file
 * that only calls wrappers would be skipped. So when a project is first loaded, its source files
 * are pre-filtered the way the scanner does it: files naming an accessor are searched for
 * wrappers, then files naming one of those wrappers, until no new name appears.
 *
 * That search parses every file naming an accessor, which on a small project is a third of what
 * the plugin adds to a lint. Its answer (the wrappers' names) depends only on the source texts,
 * the accessors and the other files it read (tsconfig.json, modules outside the project), so it
 * is kept in core's model cache: the next run reads and hashes the files, and parses none of
 * them when nothing changed. The wrappers themselves are then analysed when a read calls them.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cachedAnalysis, walkFiles, type Accessor, type FlagProject, type ModelCodec } from '@flagdebt/core';
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

/** What the search found, and the files besides the source files its answer depends on. */
interface Discovery {
  wrapperNames: string[];
  /** Files the matcher read that are not among the hashed source files, with their hash (null: unreadable). */
  otherInputs: Array<[file: string, hash: string | null]>;
}

function hashOf(file: string): string | null {
  try {
    return createHash('sha1').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

const DISCOVERY_CODEC: ModelCodec<Discovery> = {
  storable: () => true,
  encode: (d) => d,
  decode: (stored) => {
    const d = stored as Discovery;
    if (!Array.isArray(d.wrapperNames) || !Array.isArray(d.otherInputs)) throw new Error('damaged');
    return d;
  },
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
 * Seals `matcher`'s wrappers (see `FlagProject.sealWrappers`).
 */
export function discoverCandidateWords(matcher: FlagProject, root: string, accessors: Accessor[], host?: DiskHost): Set<string> {
  const files = sourceFiles(root);
  if (files.length > MAX_FILES) return new Set(matcher.candidateWords());
  const texts = new Map<string, string>();
  const hashes = new Map<string, string>();
  // The key: everything the search reads from the project, hashed (one entry per root).
  const digest = createHash('sha1').update(`${FORMAT}\0${selfStamp()}\0${root}\0${JSON.stringify(accessors)}`);
  for (const file of files.sort()) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue; // Unreadable files are reported (or not) when ESLint lints them.
    }
    texts.set(file, text);
    const hash = textHash(text);
    hashes.set(file, hash);
    digest.update(`\0${file}\0${hash}`);
  }
  // A linted text that differs from these lifts the seal below (FlagProject.sourceFile).
  host?.rememberSealedTexts(hashes);
  const found = cachedAnalysis('wrappers', root, digest.digest('hex'), DISCOVERY_CODEC, () => {
    const wrapperNames = discoverWrapperNames(matcher, texts);
    const otherInputs = (host?.filesRead() ?? []).filter((f) => !texts.has(f)).map((f): [string, string | null] => [f, hashOf(f)]);
    return { wrapperNames, otherInputs };
  });
  matcher.sealWrappers(found.wrapperNames);
  return new Set(matcher.candidateWords());
}

/** The scanner's fixed point over `texts`; returns the names of all wrappers found. */
function discoverWrapperNames(matcher: FlagProject, texts: Map<string, string>): string[] {
  const words = new Set(matcher.candidateWords());
  let pending = texts;
  const chosen: string[] = [];
  let newWords = [...words];
  // Files parsed again because a skipped function names a wrapper found since (FlagProject.reskim).
  let reparsed = false;
  while ((newWords.length > 0 && pending.size > 0) || reparsed) {
    const rest = new Map<string, string>();
    for (const [file, text] of pending) {
      if (containsAny(text, newWords)) chosen.push(file);
      else rest.set(file, text);
    }
    pending = rest;
    newWords = [];
    for (const wrapper of matcher.discoverWrappers(chosen)) {
      if (!words.has(wrapper.name)) {
        words.add(wrapper.name);
        newWords.push(wrapper.name);
      }
    }
    reparsed = newWords.length > 0 && matcher.reskim().length > 0;
  }
  // Every file that can declare a wrapper was searched: calls of other names need not be
  // followed into their modules. Any edit to a file lifts this again (FlagProject.invalidate).
  matcher.sealWrappers();
  return matcher.wrappers().map((w) => w.name);
}
