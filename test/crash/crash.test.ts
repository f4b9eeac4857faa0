/**
 * Crash safety of `flagdebt remove`: a child process runs a multi-file removal and is killed
 * with SIGKILL at a random moment, 100 times. After every kill each file must be entirely old
 * or entirely new, the registry may only be archived once all code is new, leftover temp files
 * must not look like source, and a re-run must reach exactly the state of an uninterrupted run.
 */
import { rmSync } from 'node:fs';
import picomatch from 'picomatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../fuzz/prng.mjs';
import { removeFlags } from '@flagdebt/codemod';
import { testCount } from '../scale.js';
import { ChildPool } from './child-pool.js';
import { CRLF_FILE, EXECUTABLE_FILE, FLAG, NO_FINAL_NEWLINE_FILE, WIDGETS, writeDashboard } from './dashboard-project.js';
import { TEMP_FILE, judge, snapshot, type Snapshot } from './snapshot.js';

const NOW = '2026-11-21';
/** 10 in `npm test`, 100 in `npm run test:long`; FLAGDEBT_CRASH_KILLS=N for another count. */
const KILLS = testCount(10, 100, process.env.FLAGDEBT_CRASH_KILLS);
/** Simulated disk latency per write-phase call in the killed child (see remove-child.mjs). */
const SLOW_FS_MS = 2;
const INCLUDE = picomatch(['src/**/*.{ts,tsx}', 'scripts/**/*.ts']);

describe('crash safety of the codemod', () => {
  const dirs: string[] = [];
  let before: Snapshot;
  let after: Snapshot;
  let workMs: number;
  let writingMs: number;
  const pool = new ChildPool(2, SLOW_FS_MS);

  beforeAll(async () => {
    const dir = writeDashboard();
    dirs.push(dir);
    before = snapshot(dir);
    const run = await pool.run(dir, FLAG);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The child saw the codemod open files for writing, so odd kills can aim at that phase.
    expect(run.writingMs).not.toBeNull();
    workMs = run.workMs;
    writingMs = run.writingMs!;
    after = snapshot(dir);
  });

  afterAll(() => {
    pool.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('an uninterrupted removal edits ~30 files, deletes the widgets and helper only the ON branch used, archives the flag', () => {
    const edited = [...before.keys()].filter((p) => after.has(p) && after.get(p)!.text !== before.get(p)!.text);
    const deleted = [...before.keys()].filter((p) => !after.has(p));
    expect(edited.length).toBeGreaterThanOrEqual(28);
    expect(deleted.sort()).toEqual(['src/lib/format.ts', ...WIDGETS.map((w) => `src/widgets/New${w}.tsx`)].sort());
    expect(after.get('src/lib/keys.ts')!.text).not.toContain('NewDashboard');
    expect(after.get('flags.yaml')!.text).toMatch(/new-dashboard:[\s\S]*?state: archived/);
    expect([...after.keys()].filter((p) => TEMP_FILE.test(p))).toEqual([]);
    for (const [path, state] of after) if (INCLUDE(path)) expect(state.text, path).not.toMatch(/new-dashboard|NewDashboard/);
  });

  it('keeps permissions, CRLF line endings and the (missing) final newline', () => {
    const crlf = after.get(CRLF_FILE)!.text;
    expect(crlf).not.toBe(before.get(CRLF_FILE)!.text);
    expect(crlf.replace(/\r\n/g, '')).not.toContain('\n');
    expect(crlf.endsWith('\r\n')).toBe(true);
    const script = after.get(EXECUTABLE_FILE)!;
    expect(script.text).not.toBe(before.get(EXECUTABLE_FILE)!.text);
    expect(script.mode).toBe(0o755);
    expect(script.text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    const noNewline = after.get(NO_FINAL_NEWLINE_FILE)!.text;
    expect(noNewline).not.toBe(before.get(NO_FINAL_NEWLINE_FILE)!.text);
    expect(noNewline.endsWith('\n')).toBe(false);
    for (const [path, state] of after) if (before.has(path)) expect(state.mode, path).toBe(before.get(path)!.mode);
  });

  it(`survives ${KILLS} SIGKILLs at random moments, and a re-run finishes the job`, { timeout: 600_000 }, async () => {
    const rng = createRng(20261121);
    const outcomes = { untouched: 0, tempsOnly: 0, partial: 0, complete: 0, finishedBeforeKill: 0 };
    const failures: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const dir = writeDashboard();
      // Even kills: anywhere in the run. Odd kills: inside the write phase, timed from its start.
      const inWrites = i % 2 === 1;
      const killAt = inWrites ? rng.next() * (workMs - writingMs) : rng.next() * workMs;
      const run = await pool.run(dir, FLAG, inWrites ? { afterWritingMs: killAt } : { afterMs: killAt });
      const killed = snapshot(dir);
      const verdict = judge(killed, before, after, 'flags.yaml');
      for (const temp of verdict.temps) if (INCLUDE(temp)) verdict.problems.push(`${temp}: a leftover temp file that the include globs count as source`);
      if (run.signal !== 'SIGKILL') outcomes.finishedBeforeKill += 1;
      else if (verdict.newFiles === 0) outcomes[verdict.temps.length > 0 ? 'tempsOnly' : 'untouched'] += 1;
      else outcomes[killed.get('flags.yaml')!.text === after.get('flags.yaml')!.text ? 'complete' : 'partial'] += 1;

      try {
        await removeFlags({ dir, flags: [{ key: FLAG }], allowDirty: true, now: NOW });
      } catch (error) {
        verdict.problems.push(`re-run failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      // Strict: the re-run also cleans up whatever bookkeeping the killed run left behind.
      const state = snapshot(dir);
      for (const path of new Set([...state.keys(), ...after.keys()])) {
        if (state.get(path)?.text !== after.get(path)?.text) verdict.problems.push(`after the re-run ${path} differs from the uninterrupted result`);
        else if (state.get(path)?.mode !== after.get(path)?.mode) verdict.problems.push(`after the re-run ${path} has mode ${state.get(path)?.mode.toString(8)}`);
      }
      if (verdict.problems.length > 0) failures.push(`kill #${i} at ${killAt.toFixed(1)} ms ${inWrites ? 'into the writes' : 'of the run'} (${workMs.toFixed(1)} ms):\n  ${verdict.problems.join('\n  ')}`);
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`crash test: ${KILLS} kills over ${workMs.toFixed(0)} ms of work (writing from ${writingMs.toFixed(0)} ms):`, outcomes);
    expect(failures).toEqual([]);
    // The kills must also have landed while files were being written, or this proves little.
    expect(outcomes.tempsOnly + outcomes.partial + outcomes.complete).toBeGreaterThan(0);
  });
});
