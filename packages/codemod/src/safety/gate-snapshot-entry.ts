/**
 * The script of the gate's V8 start-up snapshot (see gate-snapshot.ts), bundled into one
 * CommonJS file by scripts/bundle.mjs (dist/bundle/gate-snapshot.cjs): a snapshot's script
 * cannot load files. Built (`node --snapshot-blob <blob> --build-snapshot gate-snapshot.cjs`,
 * by gate-snapshot-build.ts), it loads the project's TypeScript and prepares the project's root
 * tsconfig (parses and binds the lib files), and the heap is saved as it then is. A process
 * started from the blob begins there: it makes the gate (TypeGate, core's resolver) and answers
 * the gate's worker thread, one JSON line per message, on stdin and stdout:
 *
 *   out: {"hello": {"typescript": <entry>, "pid": n}}     first, before any check
 *   in:  {"id": n, "request": GateRequest}                 `speculative` ones get no answer
 *   out: {"id": n, "reply": GateReply}
 *
 * It exits when stdin ends. It never writes a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { projectModuleResolver } from '@flagdebt/core/resolve';
import type { GateReply, GateRequest } from './gate-protocol.js';
import { loadTypeScriptFile } from './snapshot-typescript.js';
import { requestKey, TypeGate, type TypeScript } from './type-gate.js';

interface Built {
  entry: string;
  tsx: TypeScript;
  config: string | null;
}

function build(): Built {
  const entry = process.env.FLAGDEBT_GATE_SNAPSHOT_TS;
  const root = process.env.FLAGDEBT_GATE_SNAPSHOT_ROOT;
  if (!entry || !root) throw new Error('FLAGDEBT_GATE_SNAPSHOT_TS and _ROOT name the TypeScript and the project');
  const tsx = loadTypeScriptFile(entry);
  const config = process.env.FLAGDEBT_GATE_SNAPSHOT_CONFIG || null;
  // Parses and binds the libs into TypeScript's per-process lib cache (gate-program.ts), which is what the snapshot keeps.
  if (config !== null) {
    const gate = new TypeGate(root, tsx, null);
    gate.prepare(config);
    if (process.env.FLAGDEBT_GATE_SNAPSHOT_WARM !== '0') warm(gate, config);
  }
  return { entry, tsx, config };
}

/**
 * A check of a small made-up module (nothing on disk), so that the functions of TypeScript's
 * checker a check runs are compiled before the heap is saved: the snapshot keeps their bytecode.
 * Its files stay in this gate's own state, which the snapshot does not keep.
 */
function warm(gate: TypeGate, config: string): void {
  const file = path.join(path.dirname(config), '__flagdebt_gate_warm__.ts');
  const text = [
    "type Kind = 'a' | 'b';",
    'interface Item<T> { kind: Kind; value: T; tags?: readonly string[] }',
    'export class Store<T extends object> {',
    '  private readonly items = new Map<string, Item<T>>();',
    '  get(key: string): Item<T> | undefined { return this.items.get(key); }',
    '  async load(keys: string[]): Promise<Array<Item<T>>> { return keys.map((k) => this.get(k)).filter((x): x is Item<T> => x !== undefined); }',
    '}',
    "export const pick = <K extends Kind>(k: K, on: boolean): K | null => (on ? k : null);",
    "export function describe(item: Item<{ n: number }>): string { return item.kind === 'a' ? `${item.value.n}` : (item.tags ?? []).join(', '); }",
    "const wrong: number = pick('a', true);",
    'export default { wrong };',
  ].join('\n');
  try {
    gate.check([file], [{ path: file, after: text }]);
  } catch {
    // only a warm-up
  }
}

function write(message: unknown): void {
  // Synchronously: a check blocks the event loop, and the worker waits for every line.
  fs.writeSync(1, `${JSON.stringify(message)}\n`);
}

function serve({ entry, tsx, config }: Built): void {
  write({ hello: { typescript: entry, pid: process.pid } });
  if (process.env.FLAGDEBT_GATE_SNAPSHOT_PING) return;
  const root = path.resolve(process.argv[process.argv.length - 1]!);
  const gate = new TypeGate(root, tsx, projectModuleResolver(root));
  try {
    if (config !== null) gate.prepare(config);
  } catch {
    // Only a head start: the check meets the same problem and reports it.
  }
  const lines = new Lines();
  const next = (): void => {
    for (let line = lines.take(); line !== null; line = lines.take()) answer(gate, root, lines, line);
  };
  process.stdin.on('data', (chunk: Buffer) => {
    lines.push(chunk);
    next();
  });
  process.stdin.on('end', () => process.exit(0));
  // Benchmarks (bench/remove-paired.mjs): this process's CPU, which the run's own usage leaves out (nobody waits for it).
  const log = process.env.FLAGDEBT_GATE_CPU_LOG;
  if (log) {
    // `orphaned`: the run had exited before this process did, so nobody counted its CPU among the run's children.
    const parent = process.ppid;
    process.on('SIGTERM', () => process.exit(0));
    process.on('exit', () => {
      const cpu = process.cpuUsage();
      fs.appendFileSync(log, `${JSON.stringify({ pid: process.pid, cpuMs: (cpu.user + cpu.system) / 1000, orphaned: process.ppid !== parent })}\n`);
    });
  }
}

/** The worker's lines, from the stream or read ahead while speculating (see `arrivedOther`). */
class Lines {
  private buffered = '';
  private readonly queue: string[] = [];
  private lastPeek = 0;
  private judged = 0;
  private other = false;

  push(chunk: Buffer): void {
    this.buffered += chunk.toString('utf8');
    const parts = this.buffered.split('\n');
    this.buffered = parts.pop()!;
    this.queue.push(...parts.filter((p) => p !== ''));
  }

  take(): string | null {
    const line = this.queue.shift() ?? null;
    if (line !== null && this.judged > 0) this.judged--;
    return line;
  }

  /**
   * Whether a check other than `key` has been asked for: the speculation is then wrong, and
   * stops (TypeScript's cancellation points ask this). stdin is a non-blocking pipe, so what
   * waits in it can be read while the event loop is blocked; it is queued for after.
   */
  arrivedOther(root: string, key: string): boolean {
    if (!this.peek()) return this.other;
    // Each line is judged once (a request's key finds its tsconfigs on disk).
    for (; this.judged < this.queue.length; this.judged++) {
      const { request } = JSON.parse(this.queue[this.judged]!) as { request: GateRequest };
      if (!request.speculative && requestKey(root, request.files, request.changes, new Set(request.deep)) !== key) this.other = true;
    }
    return this.other;
  }

  /** Reads what waits on stdin, at most every 2 ms (false: too soon, nothing read). */
  private peek(): boolean {
    const now = performance.now();
    if (now - this.lastPeek < 2) return false;
    this.lastPeek = now;
    const chunk = Buffer.alloc(65536);
    try {
      for (let n = fs.readSync(0, chunk, 0, chunk.length, null); n > 0; n = fs.readSync(0, chunk, 0, chunk.length, null)) this.push(chunk.subarray(0, n));
    } catch {
      // EAGAIN: nothing more now
    }
    return true;
  }

  /** Whether a check or a guess has been asked for since: the "before" side done ahead stops (see TypeGate.warmBefore). */
  arrivedCheck(): boolean {
    this.peek();
    for (; this.judged < this.queue.length; this.judged++) {
      const { request } = JSON.parse(this.queue[this.judged]!) as { request: GateRequest };
      if (!request.warm) this.other = true;
    }
    return this.other;
  }

  /** Before a speculation: nothing has been judged against it yet. */
  speculating(): void {
    this.judged = 0;
    this.other = false;
    this.lastPeek = 0;
  }
}

function answer(gate: TypeGate, root: string, lines: Lines, line: string): void {
  let id = -1;
  try {
    const message = JSON.parse(line) as { id: number; request: GateRequest };
    id = message.id;
    const { request } = message;
    const deep = new Set(request.deep);
    if (request.warm) {
      lines.speculating();
      gate.warmBefore(request.files, () => lines.arrivedCheck());
      return;
    }
    if (request.speculative) {
      const key = requestKey(root, request.files, request.changes, deep);
      lines.speculating();
      gate.speculate(request.files, request.changes, deep, () => lines.arrivedOther(root, key));
      return;
    }
    const verdict = gate.check(request.files, request.changes, deep);
    write({ id, reply: { verdict, speculation: gate.lastSpeculation, ahead: gate.lastAhead } satisfies GateReply });
  } catch (error) {
    write({ id, reply: { failed: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies GateReply });
  }
}

if (v8.startupSnapshot?.isBuildingSnapshot()) {
  const built = build();
  v8.startupSnapshot.setDeserializeMainFunction(() => serve(built));
}
