/**
 * Everything the scanner needs from the outside world. The disk host is the default; tests and
 * `flagdebt history` (which reads files out of git objects) supply their own.
 */
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { nodeSourceHost } from '../matching/source-host.js';
import { walkFiles } from './walk-files.js';

export interface ListFilesOptions {
  /** Globs relative to `root`: only matching files are wanted. A hint: the scanner filters again. */
  include: string[];
  /** Globs relative to `root` whose matches (and folders) need not be listed. A hint as well. */
  exclude: string[];
}

/**
 * A file's bytes, or only its size when it is over the limit the scanner asked for. The bytes
 * may be a view of a buffer the host reuses: valid until the host's next `readSource` call.
 */
export interface RawSource {
  size: number;
  bytes?: Uint8Array;
}

export interface ScanHost {
  /**
   * Absolute paths of the files under `root`, with every `.gitignore` file among them (the
   * scanner applies those rules). `node_modules` need not be listed; it is dropped anyway.
   */
  listFiles(root: string, options: ListFilesOptions): string[] | Promise<string[]>;
  /** The text of a file, or undefined when it does not exist. May throw (EACCES): the scanner reports it. */
  readFile(absPath: string): string | undefined;
  fileExists(absPath: string): boolean;
  /** Lets module resolution skip missing `node_modules` folders without probing each file. */
  directoryExists?(absPath: string): boolean;
  /** Resolves symbolic links (workspace packages linked into node_modules); default: none followed. */
  realpath?(absPath: string): string;
  /** Names of the folders in a folder: finds a monorepo's workspace packages from its globs. */
  listDirectories?(absPath: string): string[];
  /**
   * `listFiles` applies `include` and `exclude` exactly as the scanner would (picomatch with
   * `dot`, relative to `root`, never listing `node_modules`), so they need not be matched twice.
   */
  exactListing?: boolean;
  /** Optional raw read, so that binary and huge files are screened before they are decoded. */
  readSource?(absPath: string, maxBytes: number): RawSource | undefined;
}

/**
 * Folders read by a listing of the disk (`diskListing`) -> the names of all their entries,
 * lower-cased: a scan answers module resolution's many probes of missing files (`x.ts`, `x.tsx`,
 * `tsconfig.json` in every folder) from them instead of the disk. A name a folder does
 * not hold, in any case, is not there (see `absentFromListing`); any other answer is the disk's.
 */
export type FolderNames = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Whether `absPath` is certainly missing by `folders`: the nearest folder above it that was read
 * holds no entry of the next name on its path. Only names of printable ASCII without `~` or a
 * trailing dot are answered, compared case-insensitively, so that a case-insensitive file system
 * (macOS, Windows: also short `~1` names, trailing dots) could not have found it either.
 */
export function absentFromListing(folders: FolderNames, absPath: string): boolean {
  let child = absPath;
  for (let dir = path.dirname(child); ; child = dir, dir = path.dirname(dir)) {
    const names = folders.get(dir);
    if (names !== undefined) {
      const name = path.basename(child);
      return /^[\x20-\x7d]*[\x21-\x2d\x2f-\x7d]$/.test(name) && !names.has(name.toLowerCase());
    }
    if (path.dirname(dir) === dir) return false;
  }
}

let sharedBuffer: Buffer | undefined;

function readBuffer(size: number): Buffer {
  if (!sharedBuffer || sharedBuffer.length !== size) sharedBuffer = Buffer.allocUnsafe(size);
  return sharedBuffer;
}

export const diskScanHost: ScanHost = {
  listFiles(root, options) {
    const base = path.resolve(root);
    return filterListing(base, walkFiles(base, { prune: prunedFolders(options.exclude) }), options);
  },
  readFile(absPath) {
    try {
      return fs.readFileSync(absPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },
  exactListing: true,
  fileExists: (absPath) => nodeSourceHost.fileExists(absPath),
  directoryExists: (absPath) => nodeSourceHost.directoryExists?.(absPath) ?? false,
  realpath: (absPath) => nodeSourceHost.realpath?.(absPath) ?? absPath,
  listDirectories: (absPath) => nodeSourceHost.listDirectories?.(absPath) ?? [],
  readSource(absPath, maxBytes) {
    let fd: number;
    try {
      fd = fs.openSync(absPath, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      // One buffer for every file, and no fstat (with its Date objects) unless the file is too
      // big: reading 10,000 small files is mostly system calls.
      const buffer = readBuffer(maxBytes + 1);
      let read = 0;
      while (read < buffer.length) {
        const wanted = buffer.length - read;
        const n = fs.readSync(fd, buffer, read, wanted, read);
        read += n;
        // A short read of a regular file is its end: no extra call to see 0 bytes.
        if (n < wanted) break;
      }
      if (read > maxBytes) return { size: fs.fstatSync(fd).size };
      // A view, no copy: the caller decodes it before the next read overwrites it.
      return { size: read, bytes: buffer.subarray(0, read) };
    } finally {
      fs.closeSync(fd);
    }
  },
};

/**
 * `diskScanHost.listFiles`, with what each folder it read holds. Only for the disk host itself:
 * a host built from it may answer `fileExists` for files the disk does not have.
 */
export function diskListing(root: string, options: ListFilesOptions): { files: string[]; folders: FolderNames } {
  const base = path.resolve(root);
  const folders = new Map<string, Set<string>>();
  return { files: filterListing(base, walkFiles(base, { prune: prunedFolders(options.exclude), folders }), options), folders };
}

/** The files of a walk of `base` that `listFiles` lists: the include globs (and `.gitignore` files), minus the exclude globs. */
export function filterListing(base: string, walked: string[], options: ListFilesOptions): string[] {
  const wanted = globMatcher([...options.include, '**/.gitignore']);
  const excluded = globMatcher(options.exclude);
  const relative = relativeTo(base);
  return walked.filter((file) => {
    const rel = relative(file);
    return wanted(rel) && !excluded(rel);
  });
}

/**
 * The folders an `exclude` list rules out whole: `X/**` excludes everything under a folder that
 * matches `X`, so such a folder need not be read. Other globs are left to the scanner's filter.
 */
export function prunedFolders(exclude: readonly string[]): (relDir: string) => boolean {
  return globMatcher(exclude.filter((g) => g.endsWith('/**') && g.length > 3 && !g.startsWith('!')).map((g) => g.slice(0, -3)));
}

/**
 * How every glob of the config is matched, here and in `PathRules`: picomatch with `dot`, against
 * `/`-separated relative paths. One definition, so a host's `exactListing` is exact.
 */
export function globMatcher(globs: readonly string[]): (relPath: string) => boolean {
  if (globs.length === 0) return () => false;
  // As picomatch's own array matcher: any glob matches. Each glob's literal parts are looked for
  // first: picomatch's regex for `**/coverage/**` costs a scan of 6,000 paths ~40 ms.
  const matchers = globs.map(compiledGlob);
  return matchers.length === 1 ? matchers[0] : (p) => matchers.some((m) => m(p));
}

/**
 * One glob's matcher, compiled once per process: `history` scans every sampled commit with the
 * same config (a PathRules each time), and picomatch's compile costs ~1 ms a glob. Matchers hold
 * no state; bounded, since an editor session may see many configs.
 */
const compiledGlobs = new Map<string, (relPath: string) => boolean>();

function compiledGlob(glob: string): (relPath: string) => boolean {
  let matcher = compiledGlobs.get(glob);
  if (matcher === undefined) {
    const isMatch = picomatch(glob, { dot: true });
    const literals = requiredLiterals(glob);
    matcher = literals.length === 0 ? isMatch : (p: string) => literals.every((l) => p.includes(l)) && isMatch(p);
    if (compiledGlobs.size >= 1000) compiledGlobs.clear();
    compiledGlobs.set(glob, matcher);
  }
  return matcher;
}

/**
 * Text every path a glob matches contains: its literal runs, for globs made of names, `/`, `*`
 * and `**` only (other syntax, `.` and `..` segments, and `!` are left to picomatch alone).
 */
export function requiredLiterals(glob: string): string[] {
  if (!/^[\w.\-/*]+$/.test(glob)) return [];
  const segments = glob.split('/');
  if (segments.some((s) => s === '.' || s === '..')) return [];
  return segments.flatMap((s) => s.split('*')).filter((l) => l.length > 0);
}

/** Forward-slash path of `file` relative to `root` (the form every report uses). */
export function relativePath(root: string, file: string): string {
  return relativeTo(root)(file);
}

/** `relativePath` from one root, for many files (every file of a scan): the prefix is made once. */
export function relativeTo(root: string): (file: string) => string {
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  return (file) => {
    // Fast path for the common case: a plain prefix.
    if (file.startsWith(prefix)) {
      const rest = file.slice(prefix.length);
      return path.sep === '/' ? rest : rest.split(path.sep).join('/');
    }
    const rel = path.relative(root, file);
    return path.sep === '/' ? rel : rel.split(path.sep).join('/');
  };
}
