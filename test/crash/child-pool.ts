/**
 * Warm codemod processes (see remove-child.mjs): starting node and loading ts-morph costs
 * seconds, far more than the removal itself, so children are started ahead of time and each
 * one runs exactly one removal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'remove-child.mjs');

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Milliseconds from sending the work to exit. */
  workMs: number;
  /** Milliseconds from sending the work to the first file opened for writing (null: never). */
  writingMs: number | null;
  stderr: string;
}

interface WarmChild {
  child: ChildProcess;
  onWriting: (listener: () => void) => void;
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
}

function start(slowFsMs: number): WarmChild {
  const child = spawn(process.execPath, [CHILD], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, FLAGDEBT_SLOW_FS_MS: String(slowFsMs) } });
  let writingListener = () => {};
  child.stdout!.on('data', (d: Buffer) => {
    if (d.toString().includes('writing')) writingListener();
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve();
    });
    child.on('exit', () => reject(new Error(`child exited before it was ready: ${stderr}`)));
  });
  ready.catch(() => {});
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, ready, exited, stderr: () => stderr, onWriting: (l) => (writingListener = l) };
}

export class ChildPool {
  private readonly warm: WarmChild[] = [];

  constructor(
    size: number,
    private readonly slowFsMs: number,
  ) {
    for (let i = 0; i < size; i++) this.warm.push(start(slowFsMs));
  }

  /**
   * Removes `key` in `dir` in a warm child; SIGKILLs it `kill.afterMs` after sending the work, or
   * `kill.afterWritingMs` after it first opened a file for writing (aimed at the write phase
   * however slow a busy machine makes the work before it).
   */
  async run(dir: string, key: string, kill: { afterMs?: number; afterWritingMs?: number } = {}): Promise<ChildRun> {
    const next = this.warm.shift() ?? start(this.slowFsMs);
    this.warm.push(start(this.slowFsMs));
    await next.ready;
    const sent = performance.now();
    let writingMs: number | null = null;
    const timers: NodeJS.Timeout[] = [];
    const killLater = (ms: number) => timers.push(setTimeout(() => next.child.kill('SIGKILL'), ms));
    next.onWriting(() => {
      writingMs = performance.now() - sent;
      if (kill.afterWritingMs !== undefined) killLater(kill.afterWritingMs);
    });
    next.child.stdin!.write(`${JSON.stringify({ dir, key })}\n`);
    if (kill.afterMs !== undefined) killLater(kill.afterMs);
    const { code, signal } = await next.exited;
    for (const timer of timers) clearTimeout(timer);
    return { code, signal, workMs: performance.now() - sent, writingMs, stderr: next.stderr() };
  }

  close(): void {
    for (const w of this.warm.splice(0)) w.child.kill('SIGKILL');
  }
}
