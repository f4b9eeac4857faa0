import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersHello, snapshotPlan, type SnapshotPlan } from '../src/safety/gate-snapshot.js';
import { startTypeGate } from '../src/safety/gate-thread.js';
import { removal, storefront } from './support/storefront.js';

const BUILT_WORKER = new URL('../dist/safety/gate-worker.js', import.meta.url);

/**
 * Blobs that must not be trusted: a snapshot process that answers nonsense or dies (stand-ins
 * built from a few lines, at the blob's name), a file that is no snapshot, a blob made stale by
 * an edited tsconfig. Every verdict is the main thread's; two real blobs are built here.
 */
describe('the gate snapshot when it cannot be trusted', () => {
  let dir: string;
  let cache: string;
  const saved = { cache: process.env.FLAGDEBT_CACHE, snapshot: process.env.FLAGDEBT_GATE_SNAPSHOT };
  const blobs = () => fs.readdirSync(cache).filter((f) => f.startsWith('gate-snapshot-'));

  beforeAll(() => {
    dir = storefront();
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-gate-snapshot-stale-'));
    process.env.FLAGDEBT_CACHE = cache;
    process.env.FLAGDEBT_GATE_SNAPSHOT = 'sync';
  });
  afterAll(() => {
    for (const [name, value] of [['FLAGDEBT_CACHE', saved.cache], ['FLAGDEBT_GATE_SNAPSHOT', saved.snapshot]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    fs.rmSync(cache, { recursive: true, force: true });
  });

  /** One check through a fresh gate's worker: its verdict, where it ran. */
  const checkOnce = async () => {
    const { files, changes } = removal(dir);
    const gate = startTypeGate(dir, { worker: BUILT_WORKER });
    try {
      return { verdict: gate.check(files, changes), ranIn: gate.ranIn };
    } finally {
      await gate.close();
    }
  };
  const expected = () => {
    const { files, changes } = removal(dir);
    return startTypeGate(dir, { worker: null }).check(files, changes);
  };

  /** A snapshot of `script` at the plan's blob: it says hello with the right TypeScript, then does what the script says. */
  function standIn(plan: SnapshotPlan, script: string): void {
    const file = path.join(cache, 'stand-in.cjs');
    const hello = `require('node:fs').writeSync(1, JSON.stringify({ hello: { typescript: ${JSON.stringify(plan.typescript)}, pid: process.pid } }) + '\\n');`;
    fs.writeFileSync(file, `require('node:v8').startupSnapshot.setDeserializeMainFunction(() => {\n  ${hello}\n  process.stdin.on('data', () => {\n    ${script}\n  });\n});\n`);
    execFileSync(process.execPath, ['--snapshot-blob', plan.blob, '--build-snapshot', file], { stdio: 'ignore' });
  }

  it('checks the old way when the snapshot process answers nonsense or dies, and keeps a blob that loads', async () => {
    const plan = snapshotPlan(dir)!;
    const want = expected();
    for (const script of ["require('node:fs').writeSync(1, '{\"id\":1,\"reply\":{\"verdict\":7}}\\n');", "require('node:fs').writeSync(1, 'Segmentation fault\\n');", 'process.exit(3);']) {
      standIn(plan, script);
      expect(await checkOnce(), script).toEqual({ verdict: want, ranIn: 'worker' });
      expect(answersHello(plan.blob, plan), script).toBe(true);
    }
  });

  it('replaces a blob that does not load, and does not use one made stale by an edited tsconfig', async () => {
    const plan = snapshotPlan(dir)!;
    fs.writeFileSync(plan.blob, 'not a snapshot');
    const want = expected();
    expect(await checkOnce()).toEqual({ verdict: want, ranIn: 'worker' });
    expect(answersHello(plan.blob, plan)).toBe(true);
    expect(await checkOnce()).toEqual({ verdict: want, ranIn: 'snapshot' });

    // The same options in other words: another fingerprint, so another blob (the old one goes once it is built).
    const tsconfig = path.join(dir, 'tsconfig.json');
    fs.writeFileSync(tsconfig, JSON.stringify(JSON.parse(fs.readFileSync(tsconfig, 'utf8')), null, 2));
    const edited = snapshotPlan(dir)!;
    expect(edited.blob).not.toBe(plan.blob);
    expect(edited.prefix).toBe(plan.prefix);
    expect(await checkOnce()).toEqual({ verdict: want, ranIn: 'worker' });
    expect(blobs()).toEqual([path.basename(edited.blob)]);
    expect(await checkOnce()).toEqual({ verdict: want, ranIn: 'snapshot' });
  });
});
