/**
 * Builds the gate's start-up snapshot (gate-snapshot.ts, `buildSnapshot`) in a process of its
 * own, started detached by a run that found no blob: `node gate-snapshot-build.js <plan as JSON>`.
 */
import os from 'node:os';
import { buildSnapshot, type SnapshotPlan } from './gate-snapshot.js';

try {
  // The run that started it, and whatever the user does next, go first.
  os.setPriority(19);
} catch {
  // not allowed: at the priority we have
}
buildSnapshot(JSON.parse(process.argv[2]!) as SnapshotPlan);
