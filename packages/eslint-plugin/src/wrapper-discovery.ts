/**
 * ESLint sees one file at a time, but a wrapper (`useNewCheckout()`) is usually declared in
 * another file. The cheap text pre-filter must know every wrapper's name up front, or a file
 * that only calls wrappers would be skipped. So when a project is first loaded, its source files
 * are pre-filtered the way the scanner does it: files naming an accessor are searched for
 * wrappers, then files naming one of those wrappers, until no new name appears.
 */
import fs from 'node:fs';
import { walkFiles, type FlagProject } from '@flagdebt/core';

const SOURCE_FILE = /\.(?:[mc]?[jt]s|[jt]sx)$/u;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', 'out']);
/** Past this many files the warm-up costs more than it saves; wrappers are then learned as files are linted. */
const MAX_FILES = 20_000;

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

/** Every word the pre-filter needs for this project: accessor names plus all wrapper names. */
export function discoverCandidateWords(matcher: FlagProject, root: string): Set<string> {
  const words = new Set(matcher.candidateWords());
  const files = sourceFiles(root);
  if (files.length > MAX_FILES) return words;
  let pending = new Map<string, string>();
  for (const file of files) {
    try {
      pending.set(file, fs.readFileSync(file, 'utf8'));
    } catch {
      // Unreadable files are reported (or not) when ESLint lints them.
    }
  }
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
  for (const word of matcher.candidateWords()) words.add(word);
  // Every file that can declare a wrapper was searched: calls of other names need not be
  // followed into their modules. Any edit to a file lifts this again (FlagProject.invalidate).
  matcher.sealWrappers();
  return words;
}
