import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { FlagdebtError } from '@flagdebt/core';
import { removeFlags } from '../src/index.js';
import { gateWorkers, startTypeGate } from '../src/safety/gate-thread.js';
import { removal, storefront } from './support/storefront.js';

/** The built worker (`npm test` builds first): a worker thread runs JavaScript, not these sources. */
const BUILT_WORKER = new URL('../dist/safety/gate-worker.js', import.meta.url);

describe('the gate in a worker thread', () => {
  it('gives the verdict the main thread gives, check after check', async () => {
    const dir = storefront();
    const { files, changes } = removal(dir);
    const inWorker = startTypeGate(dir, { worker: BUILT_WORKER });
    const inMain = startTypeGate(dir, { worker: null });
    try {
      const fromWorker = inWorker.check(files, changes);
      const fromMain = inMain.check(files, changes);
      expect(inWorker.ranIn).toBe('worker');
      expect(inMain.ranIn).toBe('main');
      expect(fromWorker).toEqual(fromMain);
      // The narrowed return type breaks the receipt's cast (the cart's `typeof` test only becomes
      // dead code); the banner imports a module that is gone (before the removal, it was there).
      expect(fromWorker?.added.map((d) => [path.relative(dir, d.file), d.line, d.code])).toEqual([
        ['src/pages/receipt.ts', 3, 2352],
        ['src/banner.ts', 1, 2307],
      ]);
      expect(fromWorker?.before).toEqual([]);

      // A second check of the same run (as the settling of keyed objects makes): the receipt is fixed, the banner goes.
      const receipt = path.join(dir, 'src/pages/receipt.ts');
      const settled = [...changes, { path: receipt, after: fs.readFileSync(receipt, 'utf8').replace('as number', 'as string') }, { path: path.join(dir, 'src/banner.ts'), after: null }];
      const again = inWorker.check(files, settled);
      expect(inWorker.ranIn).toBe('worker');
      expect(again).toEqual(inMain.check(files, settled));
      expect(again?.added).toEqual([]);
    } finally {
      await inWorker.close();
      await inMain.close();
    }
    expect(gateWorkers().live).toBe(0);
  });

  it('falls back to the main thread when the worker never starts, reports a failure, or dies', async () => {
    const dir = storefront();
    const { files, changes } = removal(dir);
    const expected = startTypeGate(dir, { worker: null }).check(files, changes);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-gate-workers-'));
    // Stand-ins for gate-worker.js at its worst, speaking its protocol (gate-protocol.ts).
    const prelude = "import { workerData } from 'node:worker_threads';\nconst state = new Int32Array(workerData.signal);\nprocess.on('exit', () => {\n  Atomics.store(state, 0, 2);\n  Atomics.notify(state, 1);\n});\nAtomics.store(state, 0, 1);\n";
    const workers = {
      // Fails before it can say anything (as a module that does not load).
      'never-starts.mjs': "throw new Error('cannot start');\n",
      'fails.mjs': `${prelude}workerData.port.on('message', () => {\n  workerData.port.postMessage({ failed: 'out of luck' });\n  Atomics.add(state, 1, 1);\n  Atomics.notify(state, 1);\n});\n`,
      // Crashes on the first request.
      'dies.mjs': `${prelude}workerData.port.on('message', () => {\n  throw new Error('crash');\n});\n`,
    };
    for (const [name, text] of Object.entries(workers)) {
      fs.writeFileSync(path.join(scratch, name), text);
      const gate = startTypeGate(dir, { worker: new URL(`file://${path.join(scratch, name)}`), startupMs: 3_000 });
      try {
        expect(gate.check(files, changes), name).toEqual(expected);
        expect(gate.ranIn, name).toBe('main');
        // Once fallen back, it stays in the main thread.
        expect(gate.check(files, changes), name).toEqual(expected);
        expect(gate.ranIn, name).toBe('main');
      } finally {
        await gate.close();
      }
    }
    await vi.waitFor(() => expect(gateWorkers().live).toBe(0));
  });

  it('removeFlags ends its worker whether it writes, refuses or fails after the check', async () => {
    const saved = process.env.FLAGDEBT_GATE_WORKER;
    process.env.FLAGDEBT_GATE_WORKER = '1';
    try {
      const dir = storefront();
      // A string kept where a boolean is expected: refused (an unregistered flag's --value is not checked).
      const send = "import { flags } from '../flags';\n\nexport const take = (on: boolean): boolean => on;\ntake(flags.isEnabled('beta-send', false));\n";
      fs.writeFileSync(path.join(dir, 'src/pricing/send.ts'), send);
      const before = gateWorkers().started;
      const refused = await removeFlags({ dir, flags: [{ key: 'beta-send', value: 'yes' }], allowDirty: true }).catch((e: unknown) => e);
      expect((refused as FlagdebtError).diagnostics).toEqual([expect.objectContaining({ code: 'remove/would-break-types', file: 'src/pricing/send.ts' })]);
      expect(gateWorkers().started).toBe(before + 1);
      await vi.waitFor(() => expect(gateWorkers().live).toBe(0));

      // Written.
      const written = await removeFlags({ dir, flags: [{ key: 'price-format', value: true }], allowDirty: true });
      expect(written.written).toBe(true);
      expect(written.verify).toMatchObject({ newErrors: [], errorsBefore: 0, errorsAfter: 0 });
      expect(gateWorkers().started).toBe(before + 2);
      await vi.waitFor(() => expect(gateWorkers().live).toBe(0));

      // Fails after the check: uncommitted files (a fresh repository, nothing committed).
      execFileSync('git', ['init', '-q'], { cwd: dir });
      const dirty = await removeFlags({ dir, flags: [{ key: 'beta-send', value: true }] }).catch((e: unknown) => e);
      expect((dirty as FlagdebtError).diagnostics[0]).toMatchObject({ code: 'remove/dirty-worktree' });
      expect(gateWorkers().started).toBe(before + 3);
      await vi.waitFor(() => expect(gateWorkers().live).toBe(0));

      // --no-verify and --check start none.
      await removeFlags({ dir, flags: [{ key: 'beta-send', value: true }], allowDirty: true, dryRun: true, verify: false });
      expect(gateWorkers().started).toBe(before + 3);
    } finally {
      if (saved === undefined) delete process.env.FLAGDEBT_GATE_WORKER;
      else process.env.FLAGDEBT_GATE_WORKER = saved;
    }
  });
});

describe("the worker's TypeScript code cache", () => {
  it('is written after the first check, then only read; a damaged one is replaced; verdicts do not change', async () => {
    const dir = storefront();
    const { files, changes } = removal(dir);
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-gate-cache-'));
    const setting = process.env.FLAGDEBT_CACHE;
    // A worker takes a copy of the environment when it starts.
    process.env.FLAGDEBT_CACHE = cache;
    const checkInWorker = async () => {
      const gate = startTypeGate(dir, { worker: BUILT_WORKER });
      try {
        const verdict = gate.check(files, changes);
        expect(gate.ranIn).toBe('worker');
        return verdict;
      } finally {
        await gate.close();
      }
    };
    const gateCaches = () => fs.readdirSync(cache).filter((f) => f.startsWith('gate-typescript-'));
    try {
      const first = await checkInWorker();
      expect(first?.added.map((d) => d.code)).toEqual([2352, 2307]);
      expect(gateCaches()).toHaveLength(1);
      const file = path.join(cache, gateCaches()[0]!);
      // It holds the checker the check compiled, not only what loading TypeScript compiles.
      const written = fs.statSync(file).size;
      expect(written).toBeGreaterThan(1_000_000);
      fs.utimesSync(file, new Date(2000, 0, 1), new Date(2000, 0, 1));
      expect(await checkInWorker()).toEqual(first);
      expect(fs.statSync(file).mtime.getFullYear()).toBe(2000);

      fs.writeFileSync(file, 'not a code cache');
      expect(await checkInWorker()).toEqual(first);
      expect(fs.statSync(file).size).toBeGreaterThan(1_000_000);
      expect(gateCaches()).toHaveLength(1);
    } finally {
      if (setting === undefined) delete process.env.FLAGDEBT_CACHE;
      else process.env.FLAGDEBT_CACHE = setting;
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });
});

describe('gate-worker', () => {
  it('exists in the build the gate starts it from', () => {
    expect(fs.existsSync(fileURLToPath(BUILT_WORKER))).toBe(true);
  });
});
