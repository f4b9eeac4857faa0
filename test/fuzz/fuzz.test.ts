/**
 * The quick differential fuzz of the codemod that runs in `npm test` (long runs:
 * `node test/fuzz/run.mjs --runs 5000 --seed S`). The harness is itself tested first: a
 * remover that is correct by construction must pass, and removers that are wrong on purpose
 * must be caught and minimized.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkBatch, describeFailure } from './differential.mjs';
import { observe, parses } from './executor.mjs';
import { fuzz, replayRegressions } from './fuzz-run.mjs';
import { generateProgram, generateWorld } from './generator.mjs';
import { size } from './minimize.mjs';
import { printProgram } from './printer.mjs';
import { programSeed } from './prng.mjs';
import { projectFiles } from './project.mjs';
import { loadRegressions } from './regressions.mjs';
import { REMOVERS } from './removers.mjs';
import { testCount } from '../scale.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** Fixed so a red CI run can be replayed exactly. */
const QUICK_SEED = 20261121;
/** 24 programs in `npm test`, 200 in `npm run test:long`. */
const QUICK_RUNS = testCount(24, 200);

describe('program generator', () => {
  it('is reproducible from its seed and varies with it', () => {
    const world = { keyStyle: 'kebab' };
    expect(printProgram(generateProgram(7), world)).toBe(printProgram(generateProgram(7), world));
    expect(printProgram(generateProgram(7), world)).not.toBe(printProgram(generateProgram(8), world));
  });

  it('writes programs that parse and run without errors, using every read style', () => {
    const styles = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const world = generateWorld(programSeed(1, i));
      const program = generateProgram(programSeed(2, i), { variant: world.target === 'variant' });
      const files = projectFiles(world, [program]);
      for (const [file, text] of Object.entries(files)) if (/\.tsx?$/.test(file)) expect(parses(file, text), `${file}\n${text}`).toBe(true);
      const file = Object.keys(files).find((f) => f.startsWith('src/p0.'))!;
      const key = world.keyStyle === 'camel' ? 'fzTarget' : 'fz-target';
      const others = world.keyStyle === 'camel' ? ['fzAlpha', 'fzBeta'] : ['fz-alpha', 'fz-beta'];
      const exports = program.functions.filter((f: { kind: string }) => f.kind !== 'helper').map((f: { name: string; kind: string }) => ({ name: f.name, component: f.kind === 'component' }));
      const value = world.target === 'variant' ? 'blue' : true;
      const observations = observe(files, file, exports, { targetKey: key, value, otherKeys: others, params: ['a', 'b', 'c'] });
      expect(observations.filter((o: { error?: string }) => o.error)).toEqual([]);
      for (const m of files[file].matchAll(/(flags\.isEnabled|flags\.getVariant|useFlag|config\.featureToggles|useTarget|Flag\.|FLAGS\.|TARGET_FLAG|LOCAL_TARGET|`fz)/g)) styles.add(m[1]);
    }
    expect([...styles].sort()).toEqual(['FLAGS.', 'Flag.', 'LOCAL_TARGET', 'TARGET_FLAG', '`fz', 'config.featureToggles', 'flags.getVariant', 'flags.isEnabled', 'useFlag', 'useTarget'].sort());
  });
});

describe('differential harness', () => {
  it('reports nothing for a removal that is correct by construction', async () => {
    const result = await fuzz({ runs: 40, seed: 3, remover: REMOVERS.oracle });
    expect(result.failures.map(describeFailure)).toEqual([]);
  });

  it('catches a removal that keeps the wrong value, and minimizes it', async () => {
    const result = await fuzz({ runs: 20, seed: 3, remover: REMOVERS.brokenValue, maxMinimized: 1 });
    expect(result.byKind.mismatch).toBeGreaterThan(10);
    const [small] = result.minimized;
    expect(size(small.program)).toBeLessThan(size(result.failures[0].program));
    // Still a real failure after minimizing, and one a human can read.
    expect((await checkBatch({ world: small.world, programs: [small.program], remover: REMOVERS.brokenValue, values: [small.value] })).length).toBe(1);
    expect(small.before.split('\n').length).toBeLessThan(15);
  });

  it('catches a removal that drops a side effect', async () => {
    const result = await fuzz({ runs: 20, seed: 4, remover: REMOVERS.brokenEffects, maxMinimized: 1 });
    expect(result.failures.some((f: { detail: string }) => /effects: expected/.test(f.detail))).toBe(true);
    expect(result.minimized[0].before).toMatch(/touch\(/);
  });

  it('catches a removal that leaves the flag read in place', async () => {
    const read = { k: 'flag', flag: 'target', style: 'member', accessor: 'isEnabled' };
    const program = { seed: 'by hand', functions: [{ name: 'decide0', kind: 'fn', body: [{ k: 'return', e: { k: 'cond', c: read, t: { k: 'lit', v: 'on' }, f: { k: 'lit', v: 'off' } } }] }] };
    const failures = await checkBatch({ world: { keyStyle: 'camel' }, programs: [program], remover: REMOVERS.identity });
    expect(failures.map((f: { kind: string }) => f.kind)).toEqual(['leftover-read', 'leftover-read']);
  });

  it('runs long sessions from the command line with a seed', () => {
    const out = execFileSync(process.execPath, [join(REPO, 'test/fuzz/run.mjs'), '--runs', '12', '--seed', '5', '--remover', 'oracle'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(JSON.parse(out)).toMatchObject({ seed: 5, programs: 12, checks: 24, failures: 0 });
  });
});

describe('codemod', () => {
  // ~25 s on an idle 2-core machine; the limit is for a machine shared with other jobs.
  it(`keeps the behaviour of ${QUICK_RUNS} generated programs (flag kept ON and OFF)`, { timeout: 300_000 }, async () => {
    const result = await fuzz({ runs: QUICK_RUNS, seed: QUICK_SEED, remover: REMOVERS.codemod, maxMinimized: 2, minimizeBudget: 60 });
    expect(result.minimized.map(describeFailure)).toEqual([]);
    expect(result.programs).toBe(QUICK_RUNS);
  });

  const cases = loadRegressions();
  const fixed = cases.filter((c: { status: string }) => c.status !== 'open');
  const open = cases.filter((c: { status: string }) => c.status === 'open');

  it.runIf(fixed.length > 0)('replays every fixed regression case', async () => {
    const failing = await replayRegressions(fixed, REMOVERS.codemod);
    expect(failing.map((f: { case: { name: string }; failures: object[] }) => `${f.case.name}: ${describeFailure(f.failures[0])}`)).toEqual([]);
  });

  // Open bugs (reported, not fixed yet) are replayed so their state shows in every run; flip a
  // case to "status": "fixed" once the codemod passes it, and the test above enforces it.
  it.runIf(open.length > 0)('replays the open regression cases and lists those still failing', async () => {
    const failing = await replayRegressions(open, REMOVERS.codemod);
    for (const f of failing) console.warn(`open codemod bug still reproduces: ${f.case.name}: ${f.failures[0].detail}`);
    const nowPassing = open.filter((c: { name: string }) => !failing.some((f: { case: { name: string } }) => f.case.name === c.name));
    for (const c of nowPassing) console.warn(`open regression ${c.name} passes now: set its status to "fixed"`);
    // A known bug must keep its known shape: a crash or a different failure is news.
    for (const f of failing) expect(f.failures.map((x: { kind: string }) => x.kind), f.case.name).toEqual([f.case.kind]);
  });
});
