/**
 * Blob contents by object id, shared by every commit of a history run. Consecutive commits share
 * almost all of their blobs, so each commit only fetches what it changed.
 */
import type { BlobReader } from './git.js';

interface Blob {
  bytes: Buffer;
  text?: string;
}

export class BlobStore {
  private readonly blobs = new Map<string, Blob | null>();

  constructor(private readonly reader: BlobReader) {}

  /** Fetches the blobs not held yet, pipelined through the batch reader. */
  async prefetch(ids: Iterable<string>): Promise<number> {
    const wanted = [...new Set(ids)].filter((id) => !this.blobs.has(id));
    const contents = await Promise.all(this.reader.readMany(wanted));
    wanted.forEach((id, i) => this.blobs.set(id, contents[i] ? { bytes: contents[i] } : null));
    return wanted.length;
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
