/**
 * Blob contents by object id, shared by every commit of a history run. Consecutive commits share
 * almost all of their blobs, so each commit only fetches what it changed.
 */
import type { BlobReader } from './git.js';
import type { WorkTreeBlobs } from './work-tree-blobs.js';

interface Blob {
  bytes: Buffer;
  text?: string;
}

/** A blob wanted, and the repository-relative path it has in the commit (where the work tree may hold the same content). */
export type BlobRef = readonly [blob: string, rel: string];

export class BlobStore {
  private readonly blobs = new Map<string, Blob | null>();

  constructor(
    private readonly reader: BlobReader,
    /** Where a blob's content may already be on disk: taken from there when it hashes to the same id. */
    private readonly workTree?: WorkTreeBlobs,
  ) {}

  /**
   * Fetches the blobs not held yet: from the work tree where the file at the same path has
   * exactly that content, the rest pipelined through the batch reader.
   */
  async prefetch(refs: Iterable<BlobRef>): Promise<number> {
    const wanted = new Map<string, string>();
    for (const [blob, rel] of refs) if (!this.blobs.has(blob) && !wanted.has(blob)) wanted.set(blob, rel);
    const fromGit: string[] = [];
    for (const [blob, rel] of wanted) {
      const bytes = this.workTree?.read(rel, blob);
      if (bytes) this.blobs.set(blob, { bytes });
      else fromGit.push(blob);
    }
    const contents = await Promise.all(this.reader.readMany(fromGit));
    fromGit.forEach((id, i) => this.blobs.set(id, contents[i] ? { bytes: contents[i] } : null));
    return wanted.size;
  }

  bytes(id: string): Buffer | undefined {
    return this.entry(id)?.bytes;
  }

  text(id: string): string | undefined {
    const entry = this.entry(id);
    if (!entry) return undefined;
    entry.text ??= entry.bytes.toString('utf8');
    return entry.text;
  }

  /** The text of a blob already held, without fetching it. */
  heldText(id: string): string | undefined {
    return this.blobs.has(id) ? this.text(id) : undefined;
  }

  /** Forgets every blob not in `ids` (the current tree), so memory follows one tree, not the history. */
  retainOnly(ids: ReadonlySet<string>): void {
    for (const id of this.blobs.keys()) if (!ids.has(id)) this.blobs.delete(id);
  }

  private entry(id: string): Blob | undefined {
    let entry = this.blobs.get(id);
    if (entry === undefined) {
      // Not prefetched (a file resolution reached on its own): fetch it synchronously.
      const bytes = this.reader.readSync(id);
      entry = bytes ? { bytes } : null;
      this.blobs.set(id, entry);
    }
    return entry ?? undefined;
  }
}
