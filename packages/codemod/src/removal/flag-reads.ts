/**
 * The codemod's answer to "where does this project read these flags?": core's shared pre-filter
 * and wrapper fixed point over the project's files, then core's reads in each candidate.
 */
import { FlagProject, nodeSourceHost, searchCandidates, type FlagdebtConfig, type FlagRead } from '@flagdebt/core';
import { discoverFiles, loadSources } from '@flagdebt/core/files';
import { SourceSet } from './source-set.js';

/**
 * Every read in the project's files that may read `keys` (all reads found there: of these flags,
 * of others, and dynamic ones), in file order. What `flagdebt remove` starts from.
 */
export async function findFlagReads(config: FlagdebtConfig, keys: string[]): Promise<FlagRead[]> {
  const sources = new SourceSet();
  const project = codemodProject(config, sources, keys);
  const { files } = await candidateFiles(config, project, sources, keys);
  return files.flatMap((file) => project.readsIn(file, sources.text(file) ?? undefined));
}

/**
 * The matcher over `sources`' original texts (reads are taken before any edit). `keys`: the flags
 * being removed (a flag-named key source, `type FlagKey = 'new-checkout' | ...`, declares them).
 */
export function codemodProject(config: FlagdebtConfig, sources: SourceSet, keys: string[]): FlagProject {
  return new FlagProject({
    root: config.root,
    accessors: config.accessors,
    // Links and folders as on disk, so workspace packages resolve as in the scan and the lint.
    host: {
      readFile: (p) => sources.originalText(p),
      fileExists: (p) => sources.host.fileExists(p),
      realpath: nodeSourceHost.realpath,
      listDirectories: nodeSourceHost.listDirectories,
    },
    registered: keys,
  });
}

/** Like the scanner, huge files (bundles) are not analysed. */
const MAX_TEXT_LENGTH = 2 * 1024 * 1024;

/**
 * Files that may read the flags: core's pre-filter and wrapper fixed point (the scanner's and the
 * ESLint plugin's), started from what can spell these flags rather than from every accessor: the
 * keys, names bound to them (`NewCheckout = 'new-checkout'`, `NEW_CHECKOUT: 'new-checkout'`), and
 * the callers of wrappers that read them, as they are found. Other calls in the chosen files are
 * followed into their modules when a read is resolved (the project is not sealed). Only these
 * files are parsed; a project-wide search would parse every file that reads any flag (on a
 * 10,000-file corpus, 3.0 s of CPU instead of 1.9 s for one flag). `words` also decides which
 * files the codemod could not analyse are reported (and their flags kept in the registry).
 */
export async function candidateFiles(
  config: FlagdebtConfig,
  project: FlagProject,
  sources: SourceSet,
  keys: string[],
): Promise<{ files: string[]; tooLarge: string[]; words: Set<string> }> {
  // Discovers the project (include/exclude/.gitignore) and loads every text into `sources`.
  const { files: discovered } = await discoverFiles(config.root, config, sources.host);
  loadSources(discovered, sources.host);
  // Like the scanner, leave binary and huge files alone.
  const large = (f: string): boolean => (sources.originalText(f) ?? '').length > MAX_TEXT_LENGTH;
  const all = sources.files().filter((f) => !large(f) && !(sources.originalText(f) ?? '').includes('\0'));
  const wanted = new Set(keys);
  const words = new Set<string>(keys);
  for (const f of all) for (const alias of aliasesIn(sources.text(f) ?? '', keys)) words.add(alias);
  const files = searchCandidates({
    project,
    files: all,
    text: (f) => sources.text(f) ?? undefined,
    words: [...words].filter((w) => !wanted.has(w)),
    keys,
    follow: (w) => w.key !== null && wanted.has(w.key),
  });
  for (const w of project.wrappers()) if (w.key !== null && wanted.has(w.key)) words.add(w.name);
  const tooLarge = sources.files().filter((f) => large(f) && mentionsAny(sources.originalText(f), words));
  return { files, tooLarge, words };
}

export function mentionsAny(text: string | null | undefined, words: Set<string>): boolean {
  if (typeof text !== 'string') return false;
  for (const w of words) {
    let at = text.indexOf(w);
    while (at !== -1) {
      const identifier = /^[A-Za-z_$][\w$]*$/.test(w);
      if (!identifier || (!/[\w$]/.test(text[at - 1] ?? '') && !/[\w$]/.test(text[at + w.length] ?? ''))) return true;
      at = text.indexOf(w, at + 1);
    }
  }
  return false;
}

/** Names bound to a key literal: enum members, consts, object properties. */
function aliasesIn(text: string, keys: string[]): string[] {
  const out: string[] = [];
  for (const key of keys) {
    if (!text.includes(key)) continue;
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`([A-Za-z_$][\\w$]*)['"]?\\s*[:=]\\s*(['"\`])${escaped}\\2`, 'g');
    for (const m of text.matchAll(re)) out.push(m[1]);
  }
  return out;
}
