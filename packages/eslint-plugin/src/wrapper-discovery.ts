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
import { fileURLToPath } from 'node:url';
import { nodeSourceHost, previousAnalysis, searchCandidates, storeAnalysis, walkFiles, type Accessor, type FlagProject, type ModelCodec } from '@flagdebt/core';
import { statOf, textHash, type DiskHost } from './disk-host.js';

const SOURCE_FILE = /\.(?:[mc]?[jt]s|[jt]sx)$/u;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', 'out']);
/**
 * A file modified this close to (or after) the last warm-up's read is read again even when its
 * mtime and size match: an edit within the file system's mtime resolution (up to 2 s) keeps the
 * mtime, and an edit of the same length keeps the size (git's "racily clean" files).
 */
const RACY_MS = 2000;
/** Past this many files the warm-up costs more than it saves; wrappers are then learned as files are linted. */
const MAX_FILES = 20_000;
/** Bumped when what the search finds, or what is stored, changes. */
const FORMAT = 2;

/** The project's source files, not in dot folders or the usual output folders; stops past MAX_FILES. */
function sourceFiles(root: string): string[] {
  const skipped = (relDir: string) => {
    const name = relDir.slice(relDir.lastIndexOf('/') + 1);
    return name.startsWith('.') || SKIPPED_DIRS.has(name);
  };
  const isSource = (name: string) => !name.startsWith('.') && SOURCE_FILE.test(name) && !name.endsWith('.d.ts');
  return walkFiles(root, { prune: skipped, keep: isSource, limit: MAX_FILES });
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
  /**
   * Source file -> its mtime and size when it had that hash. A file whose stat still matches is
   * not read again (see `RACY_MS`).
   */
  stats: Record<string, [mtimeMs: number, size: number]>;
  /** When the files were stat'ed and read (epoch ms). */
  checkedAt: number;
  /** Every wrapper's name, and the file that declares it. */
  wrappers: Array<[name: string, file: string]>;
  /** Files the matcher read that are not source files (tsconfig.json, modules elsewhere), with their hash (null: unreadable). */
  otherInputs: Array<[file: string, hash: string | null]>;
}

function hashOf(file: string): string | null {
  const text = nodeSourceHost.readFile(file);
  return text === undefined ? null : textHash(text);
}

const DISCOVERY_CODEC: ModelCodec<Discovery> = {
  storable: () => true,
  encode: (d) => d,
  decode: (stored) => {
    const d = stored as Discovery;
    if (typeof d.basis !== 'string' || typeof d.hashes !== 'object' || typeof d.stats !== 'object' || typeof d.checkedAt !== 'number' || !Array.isArray(d.wrappers) || !Array.isArray(d.otherInputs)) throw new Error('damaged');
    return d;
  },
  // A changed tsconfig.json (paths) or module outside the project can change any file's answer.
  fresh: (d) => d.otherInputs.every(([file, hash]) => hashOf(file) === hash),
};

/** This module's own build: a changed search must not trust names an older one found. */
function selfStamp(): string {
  return String(statOf(fileURLToPath(import.meta.url))?.[0] ?? '');
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
  const basis = `${FORMAT}\0${selfStamp()}\0${JSON.stringify(accessors)}`;
  const stored = previousAnalysis('wrappers', root, DISCOVERY_CODEC);
  const previous = stored?.basis === basis ? stored : undefined;

  // Files whose mtime and size are what the last run saw keep its hash, unread: on 10,000 files
  // reading and hashing them all is ~0.3 s and 40 MB of garbage before the first lint.
  const checkedAt = Date.now();
  const texts = new SourceTexts();
  const hashes = new Map<string, string>();
  const stats: Discovery['stats'] = {};
  let reread = false;
  for (const file of files.sort()) {
    const stat = statOf(file);
    if (stat === undefined) continue; // Unreadable files are reported (or not) when ESLint lints them.
    const known = previous?.stats[file];
    const hash = previous?.hashes[file];
    if (known && hash !== undefined && known[0] === stat[0] && known[1] === stat[1] && stat[0] + RACY_MS < previous.checkedAt) {
      texts.add(file);
      hashes.set(file, hash);
    } else {
      const text = texts.read(file);
      if (text === undefined) continue;
      hashes.set(file, textHash(text));
      reread = true;
    }
    stats[file] = stat;
  }
  // A linted text that differs from these lifts the seal below (FlagProject.sourceFile).
  host?.rememberTexts(hashes);

  let wrappers: Array<[string, string]>;
  let unchanged = false;
  if (previous === undefined) {
    wrappers = search(matcher, texts, undefined, []);
  } else {
    const changed = new Set(texts.files().filter((file) => previous.hashes[file] !== hashes.get(file)));
    // Nothing read means nothing to store either (new stats, say after a `touch`, are stored).
    unchanged = !reread && Object.keys(previous.hashes).length === hashes.size;
    // Names declared in changed or deleted files are dropped, and found again if still there.
    // Only wrappers new to the project send the search into the files that call them: callers
    // of one that was there before were searched then.
    const kept = previous.wrappers.filter(([, file]) => hashes.has(file) && !changed.has(file));
    wrappers = changed.size === 0 ? kept : [...kept, ...search(matcher, texts, changed, previous.wrappers)];
  }
  wrappers = [...new Map(wrappers.map((w) => [`${w[0]}\0${w[1]}`, w])).values()];
  // The names are those of the wrappers in the files searched; a module outside them (none of
  // the project's sources) is still followed when a read calls into it.
  matcher.sealWrappers(
    wrappers.map(([name]) => name),
    (file) => hashes.has(file),
  );
  // Nothing searched, nothing new to store (a write also trims the cache folder).
  if (!unchanged) {
    const sources = new Set(hashes.keys());
    const otherFiles = new Set([...(previous?.otherInputs.map(([file]) => file) ?? []), ...(host?.filesRead() ?? [])].filter((f) => !sources.has(f)));
    storeAnalysis('wrappers', root, DISCOVERY_CODEC, {
      basis,
      hashes: Object.fromEntries(hashes),
      stats,
      checkedAt,
      wrappers,
      otherInputs: [...otherFiles].map((f): [string, string | null] => [f, hashOf(f)]),
    });
  }
  return new Set(matcher.candidateWords());
}

/**
 * The source files' texts, read when first needed: a warm-up that trusts the last run's hashes
 * reads only the files the search must look into.
 */
class SourceTexts {
  private readonly texts = new Map<string, string | undefined>();

  add(file: string): void {
    this.texts.set(file, undefined);
  }

  /** Reads `file` (and lists it); undefined, and not listed, when it cannot be read. */
  read(file: string): string | undefined {
    const known = this.texts.get(file);
    if (known !== undefined) return known;
    const text = nodeSourceHost.readFile(file);
    if (text === undefined) this.texts.delete(file);
    else this.texts.set(file, text);
    return text;
  }

  files(): string[] {
    return [...this.texts.keys()];
  }
}

/**
 * Core's fixed point (`searchCandidates`, the scanner's too). A full search (`changed` undefined)
 * starts from the files that name an accessor; an update starts from the `changed` files,
 * whatever they name, and a wrapper is new unless `known` holds it: the same name declared in the
 * same file (a file that calls a name now declared elsewhere too must be searched again).
 * Returns the wrappers found.
 */
function search(matcher: FlagProject, texts: SourceTexts, changed: Set<string> | undefined, known: Array<[string, string]>): Array<[string, string]> {
  searchCandidates({ project: matcher, files: texts.files(), text: (file) => texts.read(file), changed, known });
  // Names a wrapper is re-exported under are names its callers spell: sealed with the rest.
  return [...matcher.wrappers().map((w): [string, string] => [w.name, w.file]), ...matcher.wrapperAliases()];
}
