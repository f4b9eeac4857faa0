/**
 * The type-check gate's worker thread (see gate-thread.ts). On start it loads the project's
 * TypeScript and prepares the project's root tsconfig (parses and binds the lib files), which
 * the main thread would otherwise do after planning the removal; then it answers checks, one
 * at a time, with the same TypeGate the main thread would use. It never writes a file.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerData, type MessagePort } from 'node:worker_threads';
import { ALIVE, ANSWERS, GONE, STATUS, WRONG_GUESS, type GateReply, type GateRequest, type GateWorkerData } from './gate-protocol.js';
// Loaded below, once the exit signal is in place (a type import loads nothing).
import type { TypeGate } from './type-gate.js';

const { root, port, signal } = workerData as GateWorkerData & { port: MessagePort };
const state = new Int32Array(signal);

// First of all: a thread that dies (an error nobody caught, a module that fails to load)
// answers no more, and the main thread, blocked waiting, must learn it without its event loop.
process.on('exit', () => {
  Atomics.store(state, STATUS, GONE);
  Atomics.notify(state, ANSWERS);
});
Atomics.store(state, STATUS, ALIVE);

function reply(message: GateReply): void {
  port.postMessage(message);
  Atomics.add(state, ANSWERS, 1);
  Atomics.notify(state, ANSWERS);
}

let gate: TypeGate | null = null;
let trace = (_what: string): void => {};
/** Writes the TypeScript code cache when it was missing (gate-typescript.ts): after the first check, which compiled what checks run. */
let saveCache = (): boolean => false;
let unavailable = '';
try {
  const { installedTypeScript, nearestTsconfig, typeScriptEntry, traceGate, TypeGate: Gate } = await import('./type-gate.js');
  trace = traceGate;
  trace('worker: running');
  const self = fileURLToPath(import.meta.url);
  // With a code cache of the gate's own (gate-typescript.ts); a module that does not load is
  // left to installedTypeScript, which tries the next TypeScript and reports.
  const entry = typeScriptEntry(root, self);
  if (entry !== null) {
    try {
      const { loadGateTypeScript } = await import('./gate-typescript.js');
      saveCache = loadGateTypeScript(entry).save;
    } catch {
      // loaded below the ordinary way
    }
  }
  const tsx = installedTypeScript(root, self);
  trace('worker: TypeScript loaded');
  if (tsx === null) {
    unavailable = 'no TypeScript installed for the project or for flagdebt';
  } else {
    const { projectModuleResolver } = await import('@flagdebt/core/resolve');
    const typeGate = new Gate(root, tsx, projectModuleResolver(root));
    gate = typeGate;
    try {
      const config = nearestTsconfig(root, path.join(root, 'index.ts'));
      if (config !== null) typeGate.prepare(config);
      trace('worker: prepared');
    } catch {
      // Only a head start: the check itself meets the same problem and reports it.
    }
  }
} catch (error) {
  unavailable = String(error);
}

port.on('message', (request: GateRequest) => {
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
    trace(`worker: checked (speculation ${gate.lastSpeculation})`);
    // Before the reply: once the main thread has its verdict it may end this thread at any time.
    if (saveCache()) trace('worker: code cache written');
    reply({ verdict, speculation: gate.lastSpeculation });
  } catch (error) {
    reply({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
