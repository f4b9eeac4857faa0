/**
 * For the codemod: the files of a project that may mention any of `words` (flag keys, accessor
 * and wrapper names), found with the scanner's discovery and ignore rules.
 */
import type { FlagdebtConfig } from '@flagdebt/core';
import { discoverFiles } from '../discovery/discover-files.js';
import { loadSources } from '../discovery/load-sources.js';
import { diskScanHost, type ScanHost } from '../host.js';
import { CandidateFilter } from '@flagdebt/core';

/**
 * Absolute paths in report order. Identifier-like words match whole identifiers; anything else
 * (a kebab-case key) matches as a substring. Unreadable, binary, minified and huge files are left out.
 */
export async function findCandidateFiles(
  root: string,
  config: Pick<FlagdebtConfig, 'root' | 'include' | 'exclude' | 'tests'>,
  words: Iterable<string>,
  host: ScanHost = diskScanHost,
): Promise<string[]> {
  const list = [...words];
  const identifiers = list.filter((w) => /^[A-Za-z_$][\w$]*$/.test(w));
  const filter = new CandidateFilter(identifiers, list.filter((w) => !identifiers.includes(w)));
  const { files } = await discoverFiles(root, config, host);
  const { texts } = loadSources(files, host);
  return [...texts].filter(([, text]) => filter.matches(text)).map(([file]) => file);
}
