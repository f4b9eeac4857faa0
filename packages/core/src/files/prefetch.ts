/**
 * A scan host that has the folder walked and its sources read in a second thread, started before
 * the main thread loads TypeScript, the config and the registry (~0.15-0.2 s that need no file
 * of the project). The thread guesses what the scan will list: it prunes the default `exclude`
 * folders and reads files with the default `include`'s extensions. The host then answers
 * `listFiles` and `readSource` from that only where the answer is the disk's own:
 *
 * - `listFiles` of the same folder, when every folder the thread pruned is pruned by the
 *   scan's `exclude` too (it then drops what the scan prunes on top, and filters as the disk host);
 * - `readSource` of a file the thread read; any other file, and every other call, goes to disk.
 *
 * Anything amiss (no thread, a thread that fails) means the disk host's answers. A file changed
 * between the thread's read and the scan is read as it was, which a scan of a changing tree
 * sees anyway.
 *
 * The CLI uses it only with `FLAGDEBT_PREFETCH=1`: on a loaded two-core machine the thread took
 * the main thread's core during start-up and the scan ended later (docs/decisions.md); whether
 * it pays on an idle one is still to be measured.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../config/defaults.js';
import type { PrefetchReply, PrefetchRequest } from './prefetch-protocol.js';
import { diskScanHost, filterListing, prunedFolders, type RawSource, type ScanHost } from './scan-host.js';
import { MAX_FILE_BYTES } from './source-screen.js';

interface Prefetched {
  reply: PrefetchReply;
  /** File -> its index in `reply.files`. */
  index: Map<string, number>;
  bytes: Uint8Array;
}

/** The extensions of `**\/*.{ts,tsx,...}`, the default include. */
function defaultExtensions(): string[] {
  const m = /\{([^}]*)\}$/.exec(DEFAULT_INCLUDE[0] ?? '');
  return m ? m[1].split(',').map((e) => `.${e}`) : [];
}

/** A disk host for scanning `root`, with the walk and the reads started now in a second thread. */
export function prefetchingScanHost(root: string): ScanHost {
  const base = path.resolve(root);
  const ready = startThread(base);
  let prefetched: Prefetched | null = null;
  return {
    ...diskScanHost,
    async listFiles(dir, options) {
      const listed = path.resolve(dir) === base ? await ready : null;
      if (listed !== null) {
        const prune = prunedFolders(options.exclude);
        // The thread's walk is the disk's only if it entered every folder the scan enters.
        if (listed.reply.pruned.every((rel) => prune(rel))) {
          prefetched = listed;
          return filterListing(base, withoutPruned(base, listed.reply.files, prune), options);
        }
      }
      return diskScanHost.listFiles(dir, options);
    },
    readSource(absPath, maxBytes): RawSource | undefined {
      const i = maxBytes === MAX_FILE_BYTES ? prefetched?.index.get(absPath) : undefined;
      if (i !== undefined && prefetched) {
        const start = prefetched.reply.spans[2 * i];
        const length = prefetched.reply.spans[2 * i + 1];
        if (start >= 0) return { size: length, bytes: prefetched.bytes.subarray(start, start + length) };
        if (start === -2) return { size: length };
      }
      return diskScanHost.readSource!(absPath, maxBytes);
    },
  };
}

function startThread(root: string): Promise<Prefetched | null> {
  const request: PrefetchRequest = { root, exclude: [...DEFAULT_EXCLUDE], extensions: defaultExtensions(), maxBytes: MAX_FILE_BYTES };
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./prefetch-worker.js', import.meta.url), { workerData: request });
    } catch {
      resolve(null);
      return;
    }
    // Never what keeps the process alive: a scan that fails early exits without waiting for it.
    worker.unref();
    worker.once('message', (reply: PrefetchReply) => {
      resolve({ reply, index: new Map(reply.files.map((f, i) => [f, i])), bytes: new Uint8Array(reply.bytes) });
    });
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}

/** `files` without those in folders `prune` rules out (`walkFiles` would not have entered them). */
function withoutPruned(root: string, files: string[], prune: (relDir: string) => boolean): string[] {
  const verdicts = new Map<string, boolean>();
  const prunedDir = (rel: string): boolean => {
    if (rel === '') return false;
    let v = verdicts.get(rel);
    if (v === undefined) {
      const slash = rel.lastIndexOf('/');
      v = prunedDir(slash === -1 ? '' : rel.slice(0, slash)) || prune(rel);
      verdicts.set(rel, v);
    }
    return v;
  };
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  return files.filter((file) => {
    const rel = file.slice(prefix.length).split(path.sep).join('/');
    const slash = rel.lastIndexOf('/');
    return !prunedDir(slash === -1 ? '' : rel.slice(0, slash));
  });
}
