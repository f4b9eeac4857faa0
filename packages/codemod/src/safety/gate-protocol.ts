import type { GateChange, GateVerdict } from './type-gate.js';

/** What the main thread gives the gate's worker when starting it. */
export interface GateWorkerData {
  root: string;
  /**
   * An Int32Array's buffer of four cells: the worker's STATUS (STARTING, ALIVE, GONE), its
   * ANSWERS count, which the main thread waits on (it cannot take events while it waits), and
   * WRONG_GUESS: the number of the last speculation the main thread knows to be wrong (the
   * check it asks for is another one; the worker cannot take messages while it checks), and
   * ASKED: the number of checks and speculations asked for so far (work done ahead stops once one is).
   */
  signal: SharedArrayBuffer;
}

/** Sent by `Gate.close`: the worker ends its snapshot process, waits for it to be gone (no zombie is left to a long-lived process), and exits. */
export interface GateClose {
  close: true;
}

export interface GateRequest {
  files: string[];
  changes: GateChange[];
  deep: string[];
  /** A guess at the next check (TypeGate.speculate), numbered from 1: nothing is replied. */
  speculative?: number;
  /**
   * Only the "before" side of `files`, ahead of the checks (TypeGate.warmBefore): nothing is
   * replied; it stops once ASKED passes the number it had when this was sent.
   */
  warm?: { asked: number };
}

/**
 * `snapshot`: the pid of the process started from the gate's start-up snapshot that checked
 * (gate-snapshot.ts); absent when the worker checked itself. `ahead`: TypeGate.lastAhead.
 */
export type GateReply = { verdict: GateVerdict | null; speculation: 'used' | 'discarded' | 'none'; snapshot?: number; ahead?: number } | { failed: string };

/** Cells of the signal. */
export const STATUS = 0;
export const ANSWERS = 1;
export const WRONG_GUESS = 2;
export const ASKED = 3;

/** Statuses: not running yet; running, and it will say when it dies; exiting. */
export const STARTING = 0;
export const ALIVE = 1;
export const GONE = 2;
