/**
 * The gate's child process started from the start-up snapshot (gate-snapshot.ts), as the gate's
 * worker thread talks to it: JSON lines over a pipe (protocol in gate-snapshot-entry.ts). Any
 * trouble (it does not start, dies, says something that is not an answer) makes it `broken`:
 * it is killed, every pending check is rejected, and the worker checks the old way.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { GateReply, GateRequest } from './gate-protocol.js';
import type { SnapshotPlan } from './gate-snapshot.js';

type Answer = Extract<GateReply, { verdict: unknown }>;

export class SnapshotChild {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, { resolve: (a: GateReply) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private buffered = '';
  /** Why it is no longer usable (null while it is). */
  broken: string | null = null;
  /** Whether it said hello: a process that never does was started from a blob that does not load. */
  greeted = false;
  pid: number | undefined;

  constructor(
    private readonly plan: SnapshotPlan,
    root: string,
  ) {
    // Its stderr (Node's warnings about an experimental feature, a crash report) only under FLAGDEBT_DEBUG_GATE.
    // The run's own V8 helper-thread count (the CLI's re-launch sets one on small machines); other options could make the blob not load.
    const pool = process.execArgv.filter((option) => option.startsWith('--v8-pool-size'));
    this.child = spawn(process.execPath, [...pool, '--snapshot-blob', plan.blob, root], { stdio: ['pipe', 'pipe', process.env.FLAGDEBT_DEBUG_GATE ? 'inherit' : 'ignore'] }) as unknown as ChildProcessWithoutNullStreams;
    this.pid = this.child.pid;
    this.child.on('error', (error) => this.fail(`could not start: ${error.message}`));
    this.child.on('exit', (code, signal) => this.fail(`exited (${signal ?? code})`));
    this.child.stdin.on('error', () => {});
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => this.receive(chunk));
  }

  /** A check's answer: a verdict, or the child's own `failed` (the same failure the worker would meet). */
  ask(request: GateRequest): Promise<GateReply> {
    if (this.broken !== null) return Promise.reject(new Error(this.broken));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send(id, request);
    });
  }

  /** A speculation: no answer comes. */
  tell(request: GateRequest): void {
    if (this.broken === null) this.send(this.nextId++, request);
  }

  kill(): void {
    this.fail('closed');
  }

  /** Ends it and resolves once it has exited (and is reaped), or after `ms`. */
  close(ms: number): Promise<void> {
    const exited = this.child.exitCode !== null || this.child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.kill();
    return Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);
  }

  private send(id: number, request: GateRequest): void {
    this.child.stdin.write(`${JSON.stringify({ id, request })}\n`);
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    const lines = this.buffered.split('\n');
    this.buffered = lines.pop()!;
    for (const line of lines) {
      if (this.broken !== null) return;
      let message: { hello?: { typescript?: unknown }; id?: unknown; reply?: GateReply };
      try {
        message = JSON.parse(line) as typeof message;
      } catch {
        return this.fail(`said something that is not JSON: ${line.slice(0, 200)}`);
      }
      if (message.hello !== undefined) {
        if (message.hello.typescript !== this.plan.typescript) return this.fail(`runs another TypeScript (${String(message.hello.typescript)})`);
        this.greeted = true;
        continue;
      }
      const waiting = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
      if (!this.greeted || !waiting || !wellFormed(message.reply)) return this.fail(`gave no answer to a check asked: ${line.slice(0, 200)}`);
      this.pending.delete(message.id as number);
      waiting.resolve(message.reply);
    }
  }

  private fail(why: string): void {
    if (this.broken !== null) return;
    this.broken = why;
    this.child.kill();
    for (const { reject } of this.pending.values()) reject(new Error(`the gate's snapshot process ${why}`));
    this.pending.clear();
  }
}

/** A reply of the gate's shape: a verdict (or null: nothing to check) and a speculation, or a failure. */
function wellFormed(reply: unknown): reply is GateReply {
  if (typeof reply !== 'object' || reply === null) return false;
  if ('failed' in reply) return typeof reply.failed === 'string';
  const { verdict, speculation } = reply as Answer;
  if (!['used', 'discarded', 'none'].includes(speculation)) return false;
  return verdict === null || (typeof verdict === 'object' && Array.isArray(verdict.tsconfigs) && typeof verdict.checked === 'number' && [verdict.before, verdict.after, verdict.added].every(Array.isArray));
}
