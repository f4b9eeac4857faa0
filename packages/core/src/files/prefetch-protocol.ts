/** What prefetch.ts and its thread (prefetch-worker.ts) send each other. */
export interface PrefetchRequest {
  /** Absolute folder to walk. */
  root: string;
  /** Globs whose `X/**` folders are not entered (as `prunedFolders`). */
  exclude: string[];
  /** File name extensions (`.ts`) whose files are read. */
  extensions: string[];
  /** A file over this many bytes is not kept: only its size. */
  maxBytes: number;
}

export interface PrefetchReply {
  /** Every file `walkFiles` lists under `root` with that pruning, in its order. */
  files: string[];
  /** The folders pruned, relative to `root` with `/`. */
  pruned: string[];
  /**
   * Per file, `[start, length]` in `bytes`; start -1: not read (the main thread reads it);
   * start -2: over `maxBytes`, length is its size.
   */
  spans: Float64Array;
  bytes: ArrayBuffer;
}
