/**
 * One commit as the scanner sees it: a ScanHost over the commit's tree, and the config and
 * registry as they were at that commit. Paths are the real absolute paths of the work tree, so a
 * scan of a snapshot reports exactly what a scan of that commit checked out in place would.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAMES, REGISTRY_FILE_NAMES, type FlagdebtConfig } from '@flagdebt/core';
import { globMatcher, type ScanHost } from '@flagdebt/core/files';
import type { BlobRef, BlobStore } from './blob-store.js';
import { FolderIndex } from './folder-index.js';
import { inNodeModules } from './import-graph.js';
import type { TreeChange, TreeEntry } from './git.js';

/** Files that steer discovery and module resolution, wherever they are. */
const STEERING_FILES = /(^|\/)(\.gitignore|package\.json|pnpm-workspace\.yaml|[jt]sconfig[^/]*\.json)$/;

/** Whether `rel` (repository-relative) steers discovery or module resolution. */
export function isSteeringFile(rel: string): boolean {
  return STEERING_FILES.test(rel);
}

export class CommitSnapshot {
  readonly host: ScanHost;
  private gitignoreFiles: string[] | undefined;
  /** The tree's folders: made on first use, or brought forward from the snapshot before. */
  private folders: FolderIndex | undefined;
  private readonly rootPrefix: string;

  constructor(
    private readonly repoRoot: string,
    private readonly tree: ReadonlyMap<string, TreeEntry>,
    private readonly blobs: BlobStore,
    /** The snapshot of the point before and the changes since: its folders are brought forward. */
    previous?: { snapshot: CommitSnapshot; changes: readonly TreeChange[] },
  ) {
    // Now, not on first use: a lazy one would keep every earlier snapshot alive.
    if (previous) this.folders = previous.snapshot.folderIndex().after(previous.changes);
    this.rootPrefix = repoRoot.endsWith(path.sep) ? repoRoot : `${repoRoot}${path.sep}`;
    this.host = {
      listFiles: (root) => this.list(root),
      readFile: (file) => {
        const entry = this.entry(file);
        return entry ? this.blobs.text(entry.blob) : undefined;
      },
      // The repository marker tells the scanner where parent .gitignore files stop applying.
      fileExists: (file) => this.entry(file) !== undefined || (file.includes('.git') && this.isRepositoryMarker(file)),
      // Without it, module resolution probes every extension in every node_modules folder up the
      // tree, none of which a commit holds: most of history's resolution time.
      directoryExists: (dir) => this.isFolder(dir),
      // Workspace globs (`packages/*`) are expanded against the commit's tree.
      listDirectories: (dir) => this.subfolders(dir),
      readSource: (file, maxBytes) => {
        const entry = this.entry(file);
        const bytes = entry ? this.blobs.bytes(entry.blob) : undefined;
        if (!bytes) return undefined;
        return bytes.length > maxBytes ? { size: bytes.length } : { size: bytes.length, bytes };
      },
    };
  }

  /** The same tree, listing only `files` (repository-relative) and the .gitignore files that rule them. */
  subsetHost(files: ReadonlySet<string>): ScanHost {
    return {
      ...this.host,
      listFiles: (root) => {
        const prefix = this.relative(root);
        if (prefix === null) return [];
        const listed = [...files, ...this.gitignores()].filter((rel) => isInside(prefix, rel) && this.tree.has(rel));
        return [...new Set(listed)].map((rel) => path.join(this.repoRoot, rel));
      },
    };
  }

  private gitignores(): string[] {
    this.gitignoreFiles ??= [...this.tree.keys()].filter((rel) => rel === '.gitignore' || rel.endsWith('/.gitignore'));
    return this.gitignoreFiles;
  }

  /** The blobs of everything under `dir` that a scan with `config` will read. */
  sourceBlobs(dir: string, config: FlagdebtConfig): BlobRef[] {
    // Core's matcher (picomatch with `dot`, as the scan's own rules), compiled once per process.
    const scanned = globMatcher(config.include);
    const excluded = globMatcher(config.exclude);
    const prefix = this.relative(dir);
    const configRoot = this.relative(config.root) ?? '';
    const refs: BlobRef[] = [];
    for (const [rel, entry] of this.tree) {
      if (!isInside(prefix ?? '', rel) || inNodeModules(rel)) continue;
      const fromConfig = configRoot === '' ? rel : rel.startsWith(`${configRoot}/`) ? rel.slice(configRoot.length + 1) : null;
      const wanted = STEERING_FILES.test(rel) || (fromConfig !== null && scanned(fromConfig) && !excluded(fromConfig));
      if (wanted) refs.push([entry.blob, rel]);
    }
    return refs;
  }

  /** The blobs of the config and registry files that may apply to `dir`. */
  modelBlobs(dir: string): BlobRef[] {
    const refs: BlobRef[] = [];
    for (const folder of this.foldersUp(dir)) {
      for (const name of [...CONFIG_FILE_NAMES, ...REGISTRY_FILE_NAMES]) {
        const rel = this.relative(path.join(folder, name));
        const entry = rel === null ? undefined : this.tree.get(rel);
        if (rel !== null && entry) refs.push([entry.blob, rel]);
      }
    }
    return refs;
  }

  allBlobs(): Set<string> {
    return new Set([...this.tree.values()].map((entry) => entry.blob));
  }

  /** Whether the commit holds `file` (an absolute path). */
  has(file: string): boolean {
    return this.entry(file) !== undefined;
  }

  /** The object id of `file` in this commit, if it holds it. */
  blobOf(file: string): string | undefined {
    return this.entry(file)?.blob;
  }

  /** The committed text of `file`. */
  text(file: string): string | undefined {
    return this.host.readFile(file);
  }

  private list(root: string): string[] {
    const prefix = this.relative(root);
    if (prefix === null) return [];
    const files: string[] = [];
    for (const rel of this.tree.keys()) {
      if (isInside(prefix, rel) && !inNodeModules(rel)) files.push(path.join(this.repoRoot, rel));
    }
    return files;
  }

  private subfolders(dir: string): string[] {
    const rel = this.relative(dir);
    if (rel === null) return [];
    return [...(this.folderIndex().subfolders(rel) ?? [])];
  }

  /** Whether the commit has the folder `dir` (a folder holding at least one file, or the repository itself). */
  private isFolder(dir: string): boolean {
    const rel = this.relative(dir);
    if (rel === null) {
      // Above the repository: a parent of the work tree exists on disk as it does for a checkout.
      return path.relative(dir, this.repoRoot).split(path.sep)[0] !== '..';
    }
    if (rel === '' || rel === '.git') return true;
    const slash = rel.lastIndexOf('/');
    return this.folderIndex().subfolders(slash < 0 ? '' : rel.slice(0, slash))?.has(rel.slice(slash + 1)) ?? false;
  }

  private folderIndex(): FolderIndex {
    this.folders ??= FolderIndex.of(this.tree.keys());
    return this.folders;
  }

  private isRepositoryMarker(file: string): boolean {
    const rel = this.relative(file);
    return rel === '.git' || rel === '.git/HEAD';
  }

  private entry(file: string): TreeEntry | undefined {
    const rel = this.relative(file);
    return rel === null ? undefined : this.tree.get(rel);
  }

  /** Forward-slash path inside the repository, `''` for its root, null outside it. */
  private relative(file: string): string | null {
    // The scanner asks with normalised absolute paths: a prefix test is enough, and it is hot.
    if (path.sep === '/' && file.startsWith(this.rootPrefix) && !file.includes('/.', this.rootPrefix.length - 1) && !file.includes('//') && !file.endsWith('/')) {
      return file.slice(this.rootPrefix.length);
    }
    if (file === this.repoRoot) return '';
    const rel = path.relative(this.repoRoot, path.resolve(file));
    if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
    return path.sep === '/' ? rel : rel.split(path.sep).join('/');
  }

  /** `dir` and its parents up to the repository root. */
  foldersUp(dir: string): string[] {
    const folders: string[] = [];
    for (let folder = path.resolve(dir); this.relative(folder) !== null; folder = path.dirname(folder)) {
      folders.push(folder);
      if (folder === this.repoRoot || path.dirname(folder) === folder) break;
    }
    return folders;
  }
}

function isInside(prefix: string, rel: string): boolean {
  return prefix === '' || rel === prefix || rel.startsWith(`${prefix}/`);
}

/** A private temporary folder for the few files core only reads from disk. */
export class ScratchDir {
  private dir: string | undefined;

  constructor(private readonly parent: string) {}

  write(name: string, text: string): string {
    this.dir ??= mkdtempSync(path.join(this.parent, 'flagdebt-history-'));
    const file = path.join(this.dir, name);
    writeFileSync(file, text);
    return file;
  }

  get path(): string | undefined {
    return this.dir;
  }
}
