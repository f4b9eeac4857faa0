/**
 * The prefetch thread (prefetch.ts): walks a folder as `walkFiles` does and reads the files a
 * scan is likely to read, while the main thread loads TypeScript, the config and the registry.
 * Everything it read goes back in one transferred buffer (no copy). A file it could not open is
 * left for the main thread to read and report as it always does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { PrefetchReply, PrefetchRequest } from './prefetch-protocol.js';
import { prunedFolders } from './scan-host.js';
import { walkFiles } from './walk-files.js';

const request = workerData as PrefetchRequest;
const prune = prunedFolders(request.exclude);
const pruned: string[] = [];
const files = walkFiles(request.root, {
  prune: (relDir) => {
    const out = prune(relDir);
    if (out) pruned.push(relDir);
    return out;
  },
});

const wanted = new Set(request.extensions);
const limit = request.maxBytes + 1;
let buffer = new Uint8Array(16 * 1024 * 1024);
let used = 0;
const spans = new Float64Array(files.length * 2).fill(-1);
files.forEach((file, i) => {
  if (!wanted.has(path.extname(file))) return;
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return;
  }
  try {
    if (buffer.length - used < limit) {
      const grown = new Uint8Array(Math.max(buffer.length * 2, used + limit));
      grown.set(buffer.subarray(0, used));
      buffer = grown;
    }
    // As diskScanHost.readSource: up to one byte over the limit, a short read is the end.
    let read = 0;
    while (read < limit) {
      const want = limit - read;
      const n = fs.readSync(fd, buffer, used + read, want, read);
      read += n;
      if (n < want) break;
    }
    if (read > request.maxBytes) {
      spans[2 * i] = -2;
      spans[2 * i + 1] = fs.fstatSync(fd).size;
    } else {
      spans[2 * i] = used;
      spans[2 * i + 1] = read;
      used += read;
    }
  } catch {
    spans[2 * i] = -1;
  } finally {
    fs.closeSync(fd);
  }
});

const reply: PrefetchReply = { files, pruned, spans, bytes: buffer.buffer as ArrayBuffer };
parentPort!.postMessage(reply, [reply.bytes, spans.buffer as ArrayBuffer]);
