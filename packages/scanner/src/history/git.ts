/**
 * Read-only access to a git repository's history through plumbing commands. Nothing here touches
 * the working tree, the index or HEAD: trees are listed with `ls-tree` and blobs come out of one
 * long-lived `cat-file --batch` process.
 */
import { execFile, execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MAX_BUFFER = 1024 * 1024 * 1024;

export interface CommitInfo {
  commit: string;
  /** Committer date as seconds since the epoch. */
  timestamp: number;
}

export interface TreeEntry {
  blob: string;
  mode: string;
}

export class GitError extends Error {
  constructor(message: string, readonly stderr: string) {
    super(message);
    this.name = 'GitError';
  }
}

async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new GitError(`git ${args[0]} failed${stderr ? `: ${stderr}` : ''}`, stderr);
  }
}

/** The top of the work tree that contains `dir`, or null when `dir` is not inside one. */
export async function workTreeRoot(dir: string): Promise<string | null> {
  try {
    return (await git(dir, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    return null;
  }
}

/** Commits reachable from HEAD along first parents, oldest first. Empty for a repository without commits. */
export async function firstParentCommits(repo: string): Promise<CommitInfo[]> {
  let out: string;
  try {
    out = await git(repo, ['rev-list', '--first-parent', '--timestamp', 'HEAD']);
  } catch (error) {
    // A fresh repository has no HEAD yet: no history, not an error.
    if (error instanceof GitError && /unknown revision|ambiguous argument 'HEAD'/.test(error.stderr)) return [];
    throw error;
  }
  const commits: CommitInfo[] = [];
  for (const line of out.split('\n')) {
    const [timestamp, commit] = line.trim().split(' ');
    if (commit) commits.push({ commit, timestamp: Number(timestamp) });
  }
  return commits.reverse();
}

/**
 * Every blob of a commit's tree, by path relative to the repository root. Submodules (commit
 * entries) have no content here and symlinks are left out, as the disk scan never follows them.
 */
export async function listTree(repo: string, commit: string): Promise<Map<string, TreeEntry>> {
  const out = await git(repo, ['ls-tree', '-r', '-z', '--full-tree', commit]);
  const entries = new Map<string, TreeEntry>();
  for (const record of out.split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, type, blob] = record.slice(0, tab).split(' ');
    if (type !== 'blob' || mode === '120000') continue;
    entries.set(record.slice(tab + 1), { blob, mode });
  }
  return entries;
}

export interface TreeChange {
  path: string;
  /** Absent when the file was added. */
  before?: TreeEntry;
  /** Absent when the file was deleted. */
  after?: TreeEntry;
}

/**
 * Each first-parent commit after `oldest` up to `newest`, with its changes against its first
 * parent, from one `git log` (no rename detection). Symlinks and submodules count as absent,
 * as in `listTree`.
 */
export async function firstParentChanges(repo: string, oldest: string, newest: string): Promise<Map<string, TreeChange[]>> {
  const out = await git(repo, [
    'log', '--first-parent', '--diff-merges=first-parent', '--raw', '-z', '--no-renames', '--no-abbrev',
    '--format=commit %H', `${oldest}..${newest}`,
  ]);
  const byCommit = new Map<string, TreeChange[]>();
  let current: TreeChange[] = [];
  const fields = out.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i].replace(/^\n+/, '');
    if (field.startsWith('commit ')) {
      byCommit.set(field.slice(7).trim(), (current = []));
    } else if (field.startsWith(':')) {
      const [oldMode, newMode, oldBlob, newBlob] = field.slice(1).split(' ');
      const change: TreeChange = { path: fields[++i] };
      const before = treeEntry(oldMode, oldBlob);
      const after = treeEntry(newMode, newBlob);
      if (before) change.before = before;
      if (after) change.after = after;
      if (before || after) current.push(change);
    }
  }
  return byCommit;
}

function treeEntry(mode: string, blob: string): TreeEntry | undefined {
  return /^0+$/.test(blob) || mode === '120000' || mode === '160000' ? undefined : { blob, mode };
}

/**
 * The net change from `tree` across several commits' changes (oldest first): a file edited and
 * edited back is no change.
 */
export function composeChanges(tree: ReadonlyMap<string, TreeEntry>, steps: readonly (readonly TreeChange[])[]): TreeChange[] {
  const last = new Map<string, TreeEntry | undefined>();
  for (const step of steps) for (const change of step) last.set(change.path, change.after);
  const net: TreeChange[] = [];
  for (const [file, after] of last) {
    const before = tree.get(file);
    if (before?.blob === after?.blob && before?.mode === after?.mode) continue;
    const change: TreeChange = { path: file };
    if (before) change.before = before;
    if (after) change.after = after;
    net.push(change);
  }
  return net;
}

/** `tree` with `changes` applied, as a new map. */
export function applyChanges(tree: ReadonlyMap<string, TreeEntry>, changes: readonly TreeChange[]): Map<string, TreeEntry> {
  const next = new Map(tree);
  for (const change of changes) {
    if (change.after) next.set(change.path, change.after);
    else next.delete(change.path);
  }
  return next;
}

interface Pending {
  resolve(content: Buffer | undefined): void;
  reject(error: Error): void;
}

/** The object being received: its content is copied in chunk by chunk, once. */
interface Incoming {
  content: Buffer;
  filled: number;
}

/**
 * Blob contents through one `git cat-file --batch` process; requests are pipelined, and a batch
 * of them is written at once (`readMany`). Each object is copied once, into a buffer of its
 * size, from the chunks it arrives in: appending every chunk to what is left of the last one
 * copied large blobs again for every 64 KB that came in.
 */
export class BlobReader {
  private readonly process: ChildProcessWithoutNullStreams;
  private readonly queue: Pending[] = [];
  /** The start of a header line that the last chunk cut off. */
  private partial: Buffer | undefined;
  private incoming: Incoming | undefined;
  /** The newline after the content of the object just completed is still to be skipped. */
  private skipNewline = false;
  private failure: Error | undefined;

  constructor(private readonly repo: string) {
    this.process = spawn('git', ['cat-file', '--batch'], { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    let stderr = '';
    this.process.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    this.process.on('error', (error) => this.fail(error));
    this.process.on('close', (code) => {
      if (this.queue.length > 0) this.fail(new GitError(`git cat-file exited with ${code}`, stderr));
    });
  }

  read(blob: string): Promise<Buffer | undefined> {
    return this.readMany([blob])[0];
  }

  /** The contents of `blobs`, in order; the requests go out in one write. */
  readMany(blobs: readonly string[]): Promise<Buffer | undefined>[] {
    if (this.failure) return blobs.map(() => Promise.reject(this.failure!));
    const out = blobs.map((): Promise<Buffer | undefined> => new Promise((resolve, reject) => this.queue.push({ resolve, reject })));
    if (blobs.length > 0) this.process.stdin.write(`${blobs.join('\n')}\n`);
    return out;
  }

  /** The same, synchronously and without the batch process: for the rare file nobody prefetched. */
  readSync(blob: string): Buffer | undefined {
    try {
      return execFileSync('git', ['cat-file', 'blob', blob], { cwd: this.repo, maxBuffer: MAX_BUFFER, stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return undefined;
    }
  }

  async close(): Promise<void> {
    if (this.process.exitCode !== null || this.process.killed) return;
    const closed = new Promise<void>((resolve) => this.process.once('close', () => resolve()));
    this.process.stdin.end();
    await closed;
  }

  /** Output is `<sha> <type> <size>\n<content>\n` per object, or `<name> missing\n`. */
  private receive(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.skipNewline) {
        this.skipNewline = false;
        at++;
        continue;
      }
      const incoming = this.incoming;
      if (incoming) {
        const n = Math.min(incoming.content.length - incoming.filled, chunk.length - at);
        chunk.copy(incoming.content, incoming.filled, at, at + n);
        incoming.filled += n;
        at += n;
        if (incoming.filled === incoming.content.length) {
          this.incoming = undefined;
          this.skipNewline = true;
          this.queue.shift()?.resolve(incoming.content);
        }
        continue;
      }
      const newline = chunk.indexOf(10, at);
      if (newline === -1) {
        const rest = chunk.subarray(at);
        this.partial = this.partial ? Buffer.concat([this.partial, rest]) : Buffer.from(rest);
        return;
      }
      let header = chunk.toString('utf8', at, newline);
      if (this.partial) {
        header = this.partial.toString('utf8') + header;
        this.partial = undefined;
      }
      at = newline + 1;
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.queue.shift()?.resolve(undefined);
        continue;
      }
      const size = Number(header.slice(header.lastIndexOf(' ') + 1));
      this.incoming = { content: Buffer.allocUnsafe(size), filled: 0 };
      if (size === 0) {
        this.incoming = undefined;
        this.skipNewline = true;
        this.queue.shift()?.resolve(Buffer.alloc(0));
      }
    }
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const pending of this.queue.splice(0)) pending.reject(error);
  }
}
