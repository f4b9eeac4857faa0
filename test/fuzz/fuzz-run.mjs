/**
 * One fuzzing session: generate `runs` programs from `seed` in batches that share a project,
 * check each batch with the remover, minimize what fails. Used by run.mjs (long runs) and
 * fuzz.test.ts (the quick run inside `npm test`).
 */
import { generateProgram, generateWorld } from './generator.mjs';
import { checkBatch, describeFailure } from './differential.mjs';
import { minimize } from './minimize.mjs';
import { programSeed } from './prng.mjs';

/**
 * @returns {{ programs: number, failures: object[], minimized: object[], byKind: Record<string, number> }}
 */
export async function fuzz({ runs, seed, remover, batchSize = 10, minimizeBudget = 200, maxMinimized = 5, idempotence = null, log = () => {} }) {
  const failures = [];
  let checked = 0;
  for (let start = 0; start < runs; start += batchSize) {
    const count = Math.min(batchSize, runs - start);
    const world = generateWorld(programSeed(seed, start));
    const programs = Array.from({ length: count }, (_, i) => generateProgram(programSeed(seed, start + i), { variant: world.target === 'variant' }));
    const found = await checkBatch({ world, programs, remover, idempotence });
    checked += count;
    failures.push(...found);
    if (found.length > 0) log(`batch at ${start}: ${found.length} failure(s): ${[...new Set(found.map((f) => f.kind))].join(', ')}`);
    if ((start / batchSize) % 10 === 9) log(`${checked}/${runs} programs, ${failures.length} failure(s)`);
  }
  const byKind = {};
  for (const f of failures) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  // One minimized reproduction per (kind, kept value), smallest original first.
  const groups = new Map();
  for (const f of failures) {
    const key = `${f.kind}:${f.value}`;
    if (!groups.has(key) || (groups.get(key).before ?? '').length > (f.before ?? '').length) groups.set(key, f);
  }
  const minimized = [];
  for (const f of [...groups.values()].slice(0, maxMinimized)) {
    log(`${f.kind} (value ${f.value}, run seed ${seed}, program seed ${f.program.seed}, keys ${f.world.keyStyle}): ${f.detail}`);
    log(`--- original program\n${f.before}--- minimizing`);
    const { failure } = await minimize(f, remover, { budget: minimizeBudget, log });
    log(describeFailure(failure));
    minimized.push(failure);
  }
  return { programs: checked, failures, minimized, byKind };
}

/** Replays every stored regression case; returns the cases that fail again. */
export async function replayRegressions(cases, remover) {
  const failing = [];
  for (const c of cases) {
    const found = await checkBatch({ world: c.world, programs: [c.program], remover, values: [c.value] });
    if (found.length > 0) failing.push({ case: c, failures: found });
  }
  return failing;
}
