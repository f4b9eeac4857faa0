import type { GateChange, GateVerdict } from './type-gate.js';

/** What the main thread gives the gate's worker when starting it. */
export interface GateWorkerData {
  root: string;
  /** An Int32Array's buffer: one cell the worker sets to ANSWERED or GONE, the main thread waits on. */
  signal: SharedArrayBuffer;
}

export interface GateRequest {
  files: string[];
  changes: GateChange[];
  deep: string[];
}

export type GateReply = { verdict: GateVerdict | null } | { failed: string };

export const WAITING = 0;
export const ANSWERED = 1;
/** The worker thread is exiting (an error it did not catch, or terminated). */
export const GONE = 2;
