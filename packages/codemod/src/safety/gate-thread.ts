import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { projectModuleResolver } from '@flagdebt/core/resolve';
import { ANSWERS, ASKED, GONE, STARTING, STATUS, WRONG_GUESS, type GateClose, type GateReply, type GateRequest, type GateWorkerData } from './gate-protocol.js';
import { requestKey, type GateChange, type GateVerdict } from './type-gate.js';
import { projectTypeScript, TypeGate } from './verify.js';

/** The type-check gate of one removal: any number of checks, then `close`, on every path. */
export interface Gate {
  check(files: Iterable<string>, changes: GateChange[], deep?: ReadonlySet<string>): GateVerdict | null;
  /**
   * Tells the worker the check that will probably come next, so it starts on it while this
   * thread still works out the rest of the request; returns at once. A later `check` with the
   * identical request gets its verdict, any other is checked afresh. Without a worker: nothing.
   */
  speculate(files: string[], changes: GateChange[], deep?: ReadonlySet<string>): void;
  /**
   * Tells the worker the files the removal will most likely rewrite, while it is still being
   * planned: it type-checks their text on disk (the "before" side) while it would otherwise
   * wait, and stops once a check or a guess is asked for. Returns at once; without a worker: nothing.
   */
  warmBefore(files: string[]): void;
  /** Ends the worker thread, if any; resolves once it is gone. */
  close(): Promise<void>;
  /** Where the last check ran: `snapshot` is the worker's child process started from the gate's start-up snapshot (tests look). */
  readonly ranIn: 'snapshot' | 'worker' | 'main' | null;
  /** The pid of that child process, when the last check ran there (tests see that it is gone after `close`). */
  readonly snapshotPid: number | undefined;
  /** Whether the last check (in the worker) took a speculation's verdict (tests look). */
  readonly speculation: 'used' | 'discarded' | 'none';
  /** How many files' "before" side the last check (in the worker) took from `warmBefore` (tests look). */
  readonly ahead: number;
}

/**
 * A worker that is not running this long after it was started never will (its module failed to
 * load: it dies before it can say so). One that has not answered a check in STALL_MS is taken
 * for dead too (out of memory: it cannot say so either). Either way the check runs here.
 */
const STARTUP_MS = 30_000;
const STALL_MS = 5 * 60_000;
const SLICE_MS = 100;
/** How long `close` lets the worker end by itself before ending it. */
const CLOSE_MS = 1_000;

/**
 * Starts the gate for a removal in `root` before the removal is planned: a worker thread loads
 * TypeScript and parses and binds the lib files (about a second, most of a small check) on the
 * machine's other core while this thread plans. Checks stay synchronous (the caller blocks on
 * the worker's answer), so the removal's code does not change shape. When the worker cannot be
 * started, fails or dies, the check runs here instead: the gate is never skipped.
 *
 * With one core there is nothing to overlap: the worker would only add its own start-up and
 * TypeScript's (about 0.2 s of CPU), so the gate runs here. FLAGDEBT_GATE_WORKER=0 does the same,
 * =1 uses a worker on any machine.
 *
 * `worker`: the worker's module (tests); default the built gate-worker.js, null for no worker.
 */
export function startTypeGate(root: string, options: { worker?: URL | null; startupMs?: number } = {}): Gate {
  const setting = process.env.FLAGDEBT_GATE_WORKER;
  const wanted = setting === '1' || (setting !== '0' && os.availableParallelism() > 1);
  return new ThreadedGate(root, options.worker !== undefined ? options.worker : wanted ? builtWorker() : null, options.startupMs ?? STARTUP_MS);
}

const workers = { started: 0, live: 0 };

/** Gate worker threads started in this process, and those not yet exited (tests check every path ends them). */
export function gateWorkers(): { started: number; live: number } {
  return { ...workers };
}

/** The compiled worker beside this module, or, when running from the sources (tests), the build's. */
function builtWorker(): URL | null {
  for (const candidate of ['./gate-worker.js', '../../dist/safety/gate-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (fs.existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

class ThreadedGate implements Gate {
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  private state: Int32Array | null = null;
  private local: TypeGate | null = null;
  private readonly startedAt = performance.now();
  private exited = false;
  ranIn: 'snapshot' | 'worker' | 'main' | null = null;
  snapshotPid: number | undefined;
  speculation: 'used' | 'discarded' | 'none' = 'none';
  ahead = 0;
  /** The request the worker was last told to speculate on (null: none since the last check), and its number. */
  private guess: string | null = null;
  private guesses = 0;

  constructor(
    private readonly root: string,
    file: URL | null,
    private readonly startupMs: number,
  ) {
    if (file === null) return;
    try {
      const signal = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
      const { port1, port2 } = new MessageChannel();
      const data: GateWorkerData & { port: MessagePort } = { root, signal, port: port2 };
      this.worker = new Worker(file, { workerData: data, transferList: [port2] });
      // Its failures are read from `state` and the port; an 'error' event nobody listens to would end the process.
      this.worker.on('error', () => {});
      workers.started++;
      workers.live++;
      this.worker.once('exit', () => {
        workers.live--;
        this.exited = true;
      });
      this.worker.unref();
      this.port = port1;
      this.state = new Int32Array(signal);
    } catch {
      this.abandon();
    }
  }

  check(files: Iterable<string>, changes: GateChange[], deep: ReadonlySet<string> = new Set()): GateVerdict | null {
    const request: GateRequest = { files: [...files], changes, deep: [...deep] };
    const answer = this.ask(request);
    if (answer !== undefined) {
      this.ranIn = answer.snapshot === undefined ? 'worker' : 'snapshot';
      this.snapshotPid = answer.snapshot;
      this.speculation = answer.speculation;
      this.ahead = answer.ahead ?? 0;
      return answer.verdict;
    }
    this.speculation = 'none';
    this.ahead = 0;
    this.abandon();
    this.local ??= new TypeGate(this.root, projectTypeScript(this.root), projectModuleResolver(this.root));
    this.ranIn = 'main';
    return this.local.check(request.files, changes, deep);
  }

  speculate(files: string[], changes: GateChange[], deep: ReadonlySet<string> = new Set()): void {
    const { port, state } = this;
    if (!port || !state || Atomics.load(state, STATUS) === GONE) return;
    const request: GateRequest = { files, changes, deep: [...deep], speculative: ++this.guesses };
    this.guess = requestKey(this.root, files, changes, deep);
    // Work ahead stops for it (what it finished is kept; the guess checks the rest).
    Atomics.add(state, ASKED, 1);
    port.postMessage(request);
  }

  warmBefore(files: string[]): void {
    const { port, state } = this;
    if (!port || !state || Atomics.load(state, STATUS) === GONE || files.length === 0) return;
    port.postMessage({ files, changes: [], deep: [], warm: { asked: Atomics.load(state, ASKED) } } satisfies GateRequest);
  }

  /** The worker's verdict, or undefined when it has none to give (not started, failed, gone, stalled). */
  private ask(request: GateRequest): Extract<GateReply, { verdict: unknown }> | undefined {
    const { port, state } = this;
    if (!port || !state) return undefined;
    if (Atomics.load(state, STATUS) === GONE) return undefined;
    const answers = Atomics.load(state, ANSWERS);
    // A speculation on another request stops now rather than finishing first.
    if (this.guess !== null && this.guess !== requestKey(this.root, request.files, request.changes, new Set(request.deep))) Atomics.store(state, WRONG_GUESS, this.guesses);
    this.guess = null;
    Atomics.add(state, ASKED, 1);
    port.postMessage(request);
    const asked = performance.now();
    for (;;) {
      Atomics.wait(state, ANSWERS, answers, SLICE_MS);
      const received = receiveMessageOnPort(port);
      if (received) {
        const reply = received.message as GateReply;
        if ('verdict' in reply) return reply;
        if (process.env.FLAGDEBT_DEBUG_GATE) process.stderr.write(`gate: worker failed, checking in the main thread: ${reply.failed}\n`);
        return undefined;
      }
      const status = Atomics.load(state, STATUS);
      if (status === GONE) return undefined;
      if (status === STARTING ? performance.now() - this.startedAt > this.startupMs : performance.now() - asked > STALL_MS) return undefined;
    }
  }

  /** A worker that failed is ended at once (its snapshot process, if any, sees its pipe close and exits). */
  private abandon(): void {
    void this.close(false);
  }

  async close(graceful = true): Promise<void> {
    const worker = this.worker;
    const port = this.port;
    const running = graceful && this.state !== null && Atomics.load(this.state, STATUS) !== GONE && !this.exited;
    this.worker = null;
    this.port = null;
    this.state = null;
    if (worker && port && running) {
      // Asked first, so that it can end its snapshot process and wait for it; ended if it does not (busy, or gone).
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      port.postMessage({ close: true } satisfies GateClose);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, CLOSE_MS).unref())]);
    }
    port?.close();
    if (worker) await worker.terminate().catch(() => {});
  }
}
