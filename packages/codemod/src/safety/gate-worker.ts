/**
 * The type-check gate's worker thread (see gate-thread.ts). On start it loads the project's
 * TypeScript and prepares the project's root tsconfig (parses and binds the lib files), which
 * the main thread would otherwise do after planning the removal; then it answers checks, one
 * at a time, with the same TypeGate the main thread would use. It never writes a file.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerData, type MessagePort } from 'node:worker_threads';
import { installedTypeScript, nearestTsconfig, TypeGate } from './type-gate.js';
import { ANSWERED, GONE, type GateReply, type GateRequest, type GateWorkerData } from './gate-protocol.js';

const { root, port, signal } = workerData as GateWorkerData & { port: MessagePort };
const state = new Int32Array(signal);

function reply(message: GateReply): void {
  port.postMessage(message);
  Atomics.store(state, 0, ANSWERED);
  Atomics.notify(state, 0);
}

// A thread that dies answers no more: the main thread must not wait for it.
process.on('exit', () => {
  Atomics.store(state, 0, GONE);
  Atomics.notify(state, 0);
});

let gate: TypeGate | null = null;
let unavailable = '';
try {
  const tsx = installedTypeScript(root, fileURLToPath(import.meta.url));
  if (tsx === null) unavailable = 'no TypeScript installed for the project or for flagdebt';
  else gate = new TypeGate(root, tsx);
} catch (error) {
  unavailable = String(error);
}
if (gate !== null) {
  try {
    const config = nearestTsconfig(root, path.join(root, 'index.ts'));
    if (config !== null) gate.prepare(config);
  } catch {
    // Only a head start: the check itself meets the same problem and reports it.
  }
}

port.on('message', (request: GateRequest) => {
  if (gate === null) return reply({ failed: unavailable });
  try {
    reply({ verdict: gate.check(request.files, request.changes, new Set(request.deep)) });
  } catch (error) {
    reply({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
