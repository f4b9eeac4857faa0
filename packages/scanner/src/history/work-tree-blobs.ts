/**
 * Blobs read from the work tree instead of git. The oldest sampled commit shares most of its files
 * with the checkout `history` runs in, and so do many files a week changed: reading them from disk
 * spares git inflating (and often un-deltifying) each object and piping it over.
 *
 * A file is used only when its bytes hash to the wanted object id, exactly as git computes it
 * (`blob <size>\0<content>`, SHA-1 or SHA-256 by the id's length). A line-ending conversion, a
 * clean/smudge filter, an LFS pointer or a local edit changes the hash, and that blob comes from
 * git as before: what history reads is the commit's content either way.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';

/** Larger files are not worth hashing on a guess (and are not source code). */
const MAX_BYTES = 8 * 1024 * 1024;
/** After this many tries, a work tree that almost never matches (another branch, a rewrite) is left alone. */
const TRIAL = 256;
const MIN_HIT_SHARE = 0.1;

export class WorkTreeBlobs {
  private tries = 0;
  private hits = 0;

  constructor(
    private readonly repoRoot: string,
    /**
     * The last blob each path changed to in the sampled range (undefined: deleted). A blob that a
     * later commit replaced is rarely what the work tree holds, so it is not looked for there.
     */
    private readonly lastChange: ReadonlyMap<string, string | undefined> = new Map(),
  ) {}

  /** The content of `blob` from the work tree file at `rel`, or undefined when that file does not hold exactly it. */
  read(rel: string, blob: string): Buffer | undefined {
    if (this.lastChange.has(rel) && this.lastChange.get(rel) !== blob) return undefined;
    if (this.tries >= TRIAL && this.hits < MIN_HIT_SHARE * this.tries) return undefined;
    this.tries++;
    const bytes = readSmallFile(path.join(this.repoRoot, rel));
    if (!bytes || objectId(bytes, blob.length) !== blob) return undefined;
    this.hits++;
    return bytes;
  }

  /** How many blobs were looked for on disk, and how many were found there. */
  get counts(): { tries: number; hits: number } {
    return { tries: this.tries, hits: this.hits };
  }
}

/** Git's object id of a blob with `bytes` as its content, in the hash its ids of `idLength` hex digits use. */
export function objectId(bytes: Buffer, idLength: number): string | undefined {
  const algorithm = idLength === 40 ? 'sha1' : idLength === 64 ? 'sha256' : undefined;
  if (algorithm === undefined) return undefined;
  return createHash(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** A regular file's bytes; undefined when it is missing, not a file, or too large. */
function readSmallFile(file: string): Buffer | undefined {
  let fd: number;
  try {
    // Non-blocking: a FIFO someone left where the commit had a file must not hang the run.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
    const bytes = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const n = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (n === 0) return undefined;
      filled += n;
    }
    return bytes;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
