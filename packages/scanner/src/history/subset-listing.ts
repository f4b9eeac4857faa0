/**
 * What a subset scan lists besides the files it re-scans: only files that can change what it
 * reports. A file neither changed nor re-scanned keeps its text, so it changes the subset's
 * answer only through its declarations (which follow the key-source marks of its readers: the
 * marks a re-scanned reader made at the last point may go, `markedBy`; new ones are learnt from
 * the scan, `IncrementalState.refine`) or through a wrapper a re-scanned file now calls
 * (`wrapperFilesNamedIn`). Any other file a re-scanned read resolves through is parsed when the
 * read reaches it, as core does for every file a scan is not given.
 */
import { repoRelative } from './import-graph.js';
import type { WrapperAt } from './wrapper-seal.js';

/**
 * Files (repository-relative) holding a key source that one of `files` marked at the last point
 * (`marks`: per file, core's `keySourcesMarkedBy`): their declarations may shrink.
 */
export function markedBy(repoRoot: string, marks: ReadonlyMap<string, ReadonlySet<string>>, files: readonly string[]): string[] {
  const out = new Set<string>();
  for (const rel of files) {
    for (const mark of marks.get(rel) ?? []) {
      const dep = repoRelative(repoRoot, mark.slice(0, mark.indexOf('\u0000')));
      if (dep !== null) out.add(dep);
    }
  }
  return [...out];
}

/**
 * Files declaring a known wrapper whose name one of `files` spells (`text`: a file's text at this
 * commit): a re-scanned file may call a wrapper it did not call before, and the subset scan knows
 * only the wrappers of the files it lists (it seals them after its own search).
 */
export function wrapperFilesNamedIn(wrappers: readonly WrapperAt[], files: readonly string[], text: (rel: string) => string): string[] {
  if (wrappers.length === 0) return [];
  const byName = new Map<string, string[]>();
  for (const w of wrappers) byName.set(w.name, [...(byName.get(w.name) ?? []), w.file]);
  const pattern = new RegExp(`\\b(?:${[...byName.keys()].map(escapeRegExp).join('|')})\\b`, 'g');
  const out = new Set<string>();
  for (const rel of files) {
    for (const match of text(rel).matchAll(pattern)) for (const file of byName.get(match[0]) ?? []) out.add(file);
  }
  return [...out];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
