import type { GateChange, GateVerdict } from './type-gate.js';

/** What the main thread gives the gate's worker when starting it. */
export interface GateWorkerData {
  root: string;
  /**
   * An Int32Array's buffer of two cells: the worker's STATUS (STARTING, ALIVE, GONE) and its
   * ANSWERS count, which the main thread waits on (it cannot take events while it waits).
   */
  signal: SharedArrayBuffer;
}

export interface GateRequest {
  files: string[];
  changes: GateChange[];
  deep: string[];
  /** A guess at the next check (TypeGate.speculate): nothing is replied. */
  speculative?: boolean;
}

export type GateReply = { verdict: GateVerdict | null; speculation: 'used' | 'discarded' | 'none' } | { failed: string };

/** Cells of the signal. */
export const STATUS = 0;
export const ANSWERS = 1;

/** Statuses: not running yet; running, and it will say when it dies; exiting. */
export const STARTING = 0;
export const ALIVE = 1;
export const GONE = 2;
