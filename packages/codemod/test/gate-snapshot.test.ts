import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FlagdebtError } from '@flagdebt/core';
import { removeFlags } from '../src/index.js';
import { startTypeGate, type Gate } from '../src/safety/gate-thread.js';
import { removal, storefront } from './support/storefront.js';

/** The built worker (`npm test` builds first); it finds the built snapshot script beside it. */
const BUILT_WORKER = new URL('../dist/safety/gate-worker.js', import.meta.url);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * One storefront and one cache folder for the file, so one blob is built (FLAGDEBT_GATE_SNAPSHOT=sync:
 * by the first run, before its verdict), and every later gate starts from it.
 */
describe('the gate from a start-up snapshot', () => {
  let dir: string;
  let cache: string;
  const saved = { cache: process.env.FLAGDEBT_CACHE, snapshot: process.env.FLAGDEBT_GATE_SNAPSHOT, worker: process.env.FLAGDEBT_GATE_WORKER };
  const blobs = () => fs.readdirSync(cache).filter((f) => f.startsWith('gate-snapshot-'));
  const inWorker = () => startTypeGate(dir, { worker: BUILT_WORKER });
  /** Closes the gate and waits for its snapshot process, if any, to be gone. */
  const closed = async (gate: Gate) => {
    const pid = gate.snapshotPid;
    await gate.close();
    if (pid !== undefined) await vi.waitFor(() => expect(alive(pid)).toBe(false));
  };

  beforeAll(() => {
    dir = storefront();
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-gate-snapshot-'));
    // A worker takes a copy of the environment when it starts.
    process.env.FLAGDEBT_CACHE = cache;
    process.env.FLAGDEBT_GATE_SNAPSHOT = 'sync';
  });
  afterAll(() => {
    for (const [name, value] of [['FLAGDEBT_CACHE', saved.cache], ['FLAGDEBT_GATE_SNAPSHOT', saved.snapshot], ['FLAGDEBT_GATE_WORKER', saved.worker]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    fs.rmSync(cache, { recursive: true, force: true });
  });

  it('is neither used nor built under FLAGDEBT_GATE_SNAPSHOT=0', async () => {
    process.env.FLAGDEBT_GATE_SNAPSHOT = '0';
    const { files, changes } = removal(dir);
    const gate = inWorker();
    try {
      expect(gate.check(files, changes)?.added).toHaveLength(2);
      expect(gate.ranIn).toBe('worker');
    } finally {
      await closed(gate);
      process.env.FLAGDEBT_GATE_SNAPSHOT = 'sync';
    }
    expect(blobs()).toEqual([]);
  });

  it('is built by a run that had none, which checks the old way; later runs check in a process started from it, with the same verdicts', async () => {
    const { files, changes } = removal(dir);
    const receipt = path.join(dir, 'src/pages/receipt.ts');
    const settled = [...changes, { path: receipt, after: fs.readFileSync(receipt, 'utf8').replace('as number', 'as string') }, { path: path.join(dir, 'src/banner.ts'), after: null }];
    const inMain = startTypeGate(dir, { worker: null });
    const expected = [inMain.check(files, changes), inMain.check(files, settled)];
    // The refused removal and the settled one (see gate-thread.test.ts).
    expect(expected[0]?.added.map((d) => [path.relative(dir, d.file), d.line, d.code])).toEqual([
      ['src/pages/receipt.ts', 3, 2352],
      ['src/banner.ts', 1, 2307],
    ]);
    expect(expected[1]?.added).toEqual([]);

    const first = inWorker();
    try {
      expect(first.check(files, changes)).toEqual(expected[0]);
      expect(first.ranIn).toBe('worker');
    } finally {
      await closed(first);
    }
    // One whole blob, no temporary file or lock left behind.
    expect(blobs()).toHaveLength(1);
    expect(blobs()[0]).toMatch(/^gate-snapshot-[0-9a-f]{12}-[0-9a-f]{16}\.blob$/);
    expect(fs.statSync(path.join(cache, blobs()[0]!)).size).toBeGreaterThan(10_000_000);

    const second = inWorker();
    try {
      expect(second.check(files, changes)).toEqual(expected[0]);
      expect(second.ranIn).toBe('snapshot');
      expect(second.check(files, settled)).toEqual(expected[1]);
      expect(second.ranIn).toBe('snapshot');
      expect(alive(second.snapshotPid!)).toBe(true);
    } finally {
      await closed(second);
    }
  });

  it('takes a right speculation and drops a wrong one in the snapshot process, with the verdicts of no speculation', async () => {
    const { files, changes } = removal(dir);
    const inMain = startTypeGate(dir, { worker: null });
    const gate = inWorker();
    try {
      gate.speculate(files, changes);
      expect(gate.check(files, changes)).toEqual(inMain.check(files, changes));
      expect([gate.ranIn, gate.speculation]).toEqual(['snapshot', 'used']);
      // A guess at fewer files than are then asked for.
      const fewer = changes.filter((c) => c.after === null);
      gate.speculate(files.slice(0, 1), fewer);
      expect(gate.check(files, fewer)).toEqual(inMain.check(files, fewer));
      expect([gate.ranIn, gate.speculation]).toEqual(['snapshot', 'discarded']);
    } finally {
      await closed(gate);
    }
  });

  it('gives removeFlags the refusal the worker gives, and its process leaves when the run ends', async () => {
    process.env.FLAGDEBT_GATE_WORKER = '1';
    const send = "import { flags } from '../flags';\n\nexport const take = (on: boolean): boolean => on;\ntake(flags.isEnabled('beta-send', false));\n";
    fs.writeFileSync(path.join(dir, 'src/pricing/send.ts'), send);
    const refuse = async () => {
      const error = (await removeFlags({ dir, flags: [{ key: 'beta-send', value: 'yes' }], allowDirty: true }).catch((e: unknown) => e)) as FlagdebtError;
      return error.diagnostics;
    };
    // The snapshot process says, as it exits, that it ran (its CPU, for benchmarks).
    const log = path.join(cache, 'cpu.log');
    process.env.FLAGDEBT_GATE_CPU_LOG = log;
    try {
      const viaSnapshot = await refuse();
      await vi.waitFor(() => expect(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '').toMatch(/"cpuMs"/));
      const { pid } = JSON.parse(fs.readFileSync(log, 'utf8')) as { pid: number };
      await vi.waitFor(() => expect(alive(pid)).toBe(false));
      process.env.FLAGDEBT_GATE_SNAPSHOT = '0';
      expect(viaSnapshot).toEqual(await refuse());
      expect(viaSnapshot).toEqual([expect.objectContaining({ code: 'remove/would-break-types', file: 'src/pricing/send.ts' })]);
    } finally {
      delete process.env.FLAGDEBT_GATE_CPU_LOG;
      process.env.FLAGDEBT_GATE_SNAPSHOT = 'sync';
      fs.rmSync(path.join(dir, 'src/pricing/send.ts'));
    }
  });
});
