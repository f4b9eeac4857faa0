/**
 * The type-check gate's worker thread (see gate-thread.ts). When the gate's start-up snapshot
 * is built (gate-snapshot.ts), it starts a child process from it at once and hands it the
 * checks: TypeScript there is already loaded and the lib files parsed and bound. Otherwise, or
 * when that child fails in any way, it loads the project's TypeScript and prepares the
 * project's root tsconfig itself (parses and binds the lib files), which the main thread would
 * otherwise do after planning the removal; then it answers checks, one at a time, with the same
 * TypeGate the main thread would use. A run that found no blob builds it in the background. It
 * never writes a file of the project.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerData, type MessagePort } from 'node:worker_threads';
import { ALIVE, ANSWERS, ASKED, GONE, STATUS, WRONG_GUESS, type GateClose, type GateReply, type GateRequest, type GateWorkerData } from './gate-protocol.js';
import type { SnapshotChild } from './gate-snapshot-child.js';
import type { SnapshotPlan } from './gate-snapshot.js';
// Loaded below, once the exit signal is in place (a type import loads nothing).
import type { TypeGate } from './type-gate.js';

const { root, port, signal } = workerData as GateWorkerData & { port: MessagePort };
/** Ends the snapshot process (set once there is one). */
let closing: (() => void) | null = null;
const state = new Int32Array(signal);

// First of all: a thread that dies (an error nobody caught, a module that fails to load)
// answers no more, and the main thread, blocked waiting, must learn it without its event loop.
process.on('exit', () => {
  Atomics.store(state, STATUS, GONE);
  Atomics.notify(state, ANSWERS);
  // Its snapshot process would exit anyway once its pipe closes.
  closing?.();
});
Atomics.store(state, STATUS, ALIVE);

function reply(message: GateReply): void {
  port.postMessage(message);
  Atomics.add(state, ANSWERS, 1);
  Atomics.notify(state, ANSWERS);
}

let trace = (_what: string): void => {};
let plan: SnapshotPlan | null = null;
let child: SnapshotChild | null = null;
/** Whether this run should build the blob (it had none, or one that does not load), once it has its first verdict. */
let buildBlob = false;
let startBuild = (_plan: SnapshotPlan): void => {};
try {
  const { traceGate } = await import('./gate-trace.js');
  trace = traceGate;
  trace('worker: running');
  const snapshot = await import('./gate-snapshot.js');
  plan = snapshot.snapshotPlan(root);
  startBuild = snapshot.buildInBackground;
  if (plan !== null && fs.existsSync(plan.blob)) {
    const { SnapshotChild } = await import('./gate-snapshot-child.js');
    child = new SnapshotChild(plan, root);
    closing = () => child?.kill();
    trace(`worker: started the snapshot process ${child.pid}`);
  } else {
    buildBlob = plan !== null;
  }
} catch {
  // No snapshot: the old way.
  child = null;
}

interface Local {
  gate: TypeGate | null;
  unavailable: string;
  /** Writes the TypeScript code cache when it was missing (gate-typescript.ts): after the first check, which compiled what checks run. */
  saveCache: () => boolean;
}

/** The gate in this thread, loaded when there is no snapshot process or it failed. */
async function loadLocal(): Promise<Local> {
  const local: Local = { gate: null, unavailable: '', saveCache: () => false };
  try {
    const { installedTypeScript, nearestTsconfig, typeScriptEntry, TypeGate: Gate } = await import('./type-gate.js');
    const self = fileURLToPath(import.meta.url);
    // With a code cache of the gate's own (gate-typescript.ts); a module that does not load is
    // left to installedTypeScript, which tries the next TypeScript and reports.
    const entry = typeScriptEntry(root, self);
    if (entry !== null) {
      try {
        const { loadGateTypeScript } = await import('./gate-typescript.js');
        local.saveCache = loadGateTypeScript(entry).save;
      } catch {
        // loaded below the ordinary way
      }
    }
    const tsx = installedTypeScript(root, self);
    trace('worker: TypeScript loaded');
    if (tsx === null) {
      local.unavailable = 'no TypeScript installed for the project or for flagdebt';
    } else {
      const { projectModuleResolver } = await import('@flagdebt/core/resolve');
      const typeGate = new Gate(root, tsx, projectModuleResolver(root));
      local.gate = typeGate;
      try {
        const config = nearestTsconfig(root, path.join(root, 'index.ts'));
        if (config !== null) typeGate.prepare(config);
        trace('worker: prepared');
      } catch {
        // Only a head start: the check itself meets the same problem and reports it.
      }
    }
  } catch (error) {
    local.unavailable = String(error);
  }
  return local;
}

let local: Promise<Local> | null = child === null ? loadLocal() : null;

/**
 * The snapshot process has failed: from now on, this thread checks. A blob whose process never
 * said hello does not load (corrupt, or from another Node build despite its name): it goes, and
 * this run builds another.
 */
function dropChild(why: string): void {
  if (child === null) return;
  trace(`worker: snapshot process failed (${why}); checking here`);
  if (!child.greeted && plan !== null) {
    fs.rmSync(plan.blob, { force: true });
    buildBlob = true;
  }
  child.kill();
  child = null;
  local ??= loadLocal();
}

/** Requests in arrival order: a check waits for the one before (the local gate loads asynchronously). */
let queue: Promise<void> = Promise.resolve();
port.on('message', (message: GateRequest | GateClose) => {
  if ('close' in message) {
    void closeChild().then(() => process.exit(0));
    return;
  }
  queue = queue.then(() => handle(message));
});

async function closeChild(): Promise<void> {
  const ending = child;
  child = null;
  await ending?.close(500);
}

async function handle(request: GateRequest): Promise<void> {
  if (child !== null) {
    if (request.speculative || request.warm) {
      trace(`worker: ${request.warm ? 'before side' : 'speculation'} sent to the snapshot process (${request.files.length} files)`);
      return child.tell(request);
    }
    try {
      const answer = await child.ask(request);
      trace('worker: the snapshot process answered');
      return reply('verdict' in answer ? { ...answer, snapshot: child.pid } : answer);
    } catch (error) {
      dropChild(error instanceof Error ? error.message : String(error));
    }
  }
  const { gate, unavailable, saveCache } = await (local ??= loadLocal());
  if (request.warm) {
    // A check or guess asked since it was sent (while TypeScript loaded, say) stops it at once.
    const { asked } = request.warm;
    trace(`worker: before side ahead (${request.files.length} files)`);
    gate?.warmBefore(request.files, () => Atomics.load(state, ASKED) > asked);
    trace('worker: before side done');
    return;
  }
  if (request.speculative) {
    trace(`worker: speculating (${request.files.length} files)`);
    const guess = request.speculative;
    const completed = gate?.speculate(request.files, request.changes, new Set(request.deep), () => Atomics.load(state, WRONG_GUESS) >= guess);
    trace('worker: speculated');
    if (completed && saveCache()) trace('worker: code cache written');
    return;
  }
  if (gate === null) return reply({ failed: unavailable });
  try {
    trace(`worker: check asked (${request.files.length} files)`);
    const verdict = gate.check(request.files, request.changes, new Set(request.deep));
    trace(`worker: checked (speculation ${gate.lastSpeculation}, ${gate.lastAhead} files' before side ahead)`);
    // Before the reply: once the main thread has its verdict it may end this thread at any time.
    if (saveCache()) trace('worker: code cache written');
    if (buildBlob && plan !== null) {
      buildBlob = false;
      startBuild(plan);
      trace('worker: snapshot build started');
    }
    reply({ verdict, speculation: gate.lastSpeculation, ahead: gate.lastAhead });
  } catch (error) {
    reply({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
