/**
 * Which files a scan looks at: the host's listing, minus `node_modules`, `.gitignore`d files
 * (nested ones too, each relative to its folder) and the config's `exclude`, limited to `include`.
 */
import path from 'node:path';
import type { FlagdebtConfig } from '../types.js';
import { diskListing, diskScanHost, type FolderNames, type ScanHost } from './scan-host.js';
import { ancestorGitignores, GitignoreRules } from './gitignore.js';
import { PathRules } from './path-rules.js';

export interface DiscoveredFiles {
  /** Absolute, sorted by their path relative to the scanned folder. */
  files: string[];
  rules: PathRules;
  /** `include` globs that matched none of `files`, with a hint why. */
  unmatchedIncludes: { glob: string; hint: string }[];
  /** What the folders read held, when the host is the disk's own (`diskListing`). */
  folders?: FolderNames;
}

export async function discoverFiles(
  dir: string,
  config: Pick<FlagdebtConfig, 'root' | 'include' | 'exclude' | 'tests'>,
  host: ScanHost,
): Promise<DiscoveredFiles> {
  const root = path.resolve(dir);
  const rules = new PathRules(config.root, config, root);
  // The globs are relative to the config folder; handing them to the lister only helps when
  // that is where it starts. The rules below are applied either way.
  const sameBase = path.resolve(config.root) === root;
  const options = { include: sameBase ? config.include : ['**/*'], exclude: sameBase ? config.exclude : [] };
  const listing = host === diskScanHost ? diskListing(root, options) : undefined;
  const listed = listing?.files ?? (await host.listFiles(root, options));

  const gitignores: string[] = [];
  const sources: string[] = [];
  for (const file of listed) {
    if (path.basename(file) === '.gitignore') gitignores.push(file);
    else sources.push(file);
  }
  const ignored = gitignoreRules(root, gitignores, host);
  // A host that matched the same globs from the same folder need not be second-guessed.
  const listedExactly = sameBase && host.exactListing === true;
  const files = sources.filter((file) => (listedExactly || rules.isScanned(file)) && !ignored.ignores(file));
  // Every listed path starts with `root`, so absolute order is relative order.
  files.sort(compareStrings);
  return { files, rules, unmatchedIncludes: rules.unmatchedIncludes(config.include, files), folders: listing?.folders };
}

/**
 * The rules of the last scan, with the verdicts they cached: `history` scans commit after commit
 * whose .gitignore files are mostly the same, and each verdict costs a walk up the path.
 */
let lastRules: { key: string; rules: GitignoreRules } | undefined;

function gitignoreRules(root: string, inside: string[], host: ScanHost): GitignoreRules {
  const read = (file: string) => ({ file, text: safeRead(host, file) });
  const own = inside.filter((f) => !f.split(path.sep).includes('node_modules')).map(read);
  const above = ancestorGitignores(root, (f) => host.fileExists(f)).map(read);
  const key = JSON.stringify([root, above, own]);
  if (lastRules?.key === key) return lastRules.rules;
  // Scanning a folder that its repository ignores (a generated corpus, a vendored copy) is an
  // explicit request: the parents' rules would hide everything, so only its own rules count.
  const rules = above.length === 0 || new GitignoreRules(above).ignores(root, true) ? new GitignoreRules(own) : new GitignoreRules([...above, ...own]);
  lastRules = { key, rules };
  return rules;
}

function safeRead(host: ScanHost, file: string): string {
  try {
    return host.readFile(file) ?? '';
  } catch {
    return '';
  }
}

/** Code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
