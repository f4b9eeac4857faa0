#!/usr/bin/env node
/**
 * Long fuzzing runs of the codemod: `node test/fuzz/run.mjs --runs 5000 --seed 42`.
 *   --runs N          programs to generate (default 500)
 *   --seed S          run seed (default: the current time, printed so it can be replayed)
 *   --remover NAME    codemod (default) | oracle | brokenValue | brokenEffects | identity
 *   --batch N         programs per generated project (default 10)
 *   --idempotence     also run the codemod on its own output (must change nothing)
 *   --save PREFIX     store each minimized failure as test/fuzz/regressions/PREFIX-<kind>-<value>/
 *   --program-seed X  check the single program with that seed
 *                     (with --key-style kebab|camel and --target boolean|variant)
 * Exit code: 0 when nothing was found, 1 when something was, 2 on bad arguments.
 */
import { parseArgs } from 'node:util';
import { checkBatch, describeFailure } from './differential.mjs';
import { fuzz, replayRegressions } from './fuzz-run.mjs';
import { generateProgram } from './generator.mjs';
import { minimize } from './minimize.mjs';
import { loadRegressions, saveRegression } from './regressions.mjs';
import { REMOVERS, codemodIdempotence } from './removers.mjs';

let args;
try {
  args = parseArgs({
    options: {
      runs: { type: 'string', default: '500' },
      seed: { type: 'string' },
      remover: { type: 'string', default: 'codemod' },
      batch: { type: 'string', default: '10' },
      idempotence: { type: 'boolean', default: false },
      save: { type: 'string' },
      'program-seed': { type: 'string' },
      'key-style': { type: 'string', default: 'kebab' },
      target: { type: 'string', default: 'boolean' },
    },
  }).values;
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
const remover = REMOVERS[args.remover];
const runs = Number(args.runs);
const seed = args.seed === undefined ? Date.now() % 2 ** 31 : Number(args.seed);
if (!remover || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  process.stderr.write(`usage: node test/fuzz/run.mjs --runs N --seed S [--remover ${Object.keys(REMOVERS).join('|')}]\n`);
  process.exit(2);
}
const log = (line) => process.stderr.write(`${line}\n`);

if (args['program-seed'] !== undefined) {
  const world = { keyStyle: args['key-style'], target: args.target };
  const program = generateProgram(Number(args['program-seed']), { variant: world.target === 'variant' });
  const found = await checkBatch({ world, programs: [program], remover });
  for (const f of found) log(describeFailure((await minimize(f, remover, { log })).failure));
  process.exit(found.length > 0 ? 1 : 0);
}

const started = Date.now();
log(`fuzzing ${runs} programs, seed ${seed}, remover ${args.remover}`);
// Stored cases are source text: only the codemod can run them (the IR removers need the IR).
const regressions = args.remover === 'codemod' ? loadRegressions() : [];
const replay = await replayRegressions(regressions, remover);
for (const r of replay) log(`regression ${r.case.name} (${r.case.status}) fails: ${r.failures[0].kind}: ${r.failures[0].detail}`);
const broken = replay.filter((r) => r.case.status !== 'open');
const result = await fuzz({
  runs,
  seed,
  remover,
  batchSize: Number(args.batch),
  idempotence: args.idempotence && args.remover === 'codemod' ? codemodIdempotence : null,
  log,
});
if (args.save) {
  for (const f of result.minimized) {
    const folder = saveRegression(f, {
      name: `${args.save}-${f.kind}-${typeof f.value === 'boolean' ? (f.value ? 'on' : 'off') : f.value}`,
      description: f.detail,
      found: `node test/fuzz/run.mjs --runs ${runs} --seed ${seed} (program seed ${f.program.seed})`,
    });
    log(`saved ${folder}`);
  }
}
const summary = {
  seed,
  programs: result.programs,
  checks: result.programs * 2,
  failures: result.failures.length,
  byKind: result.byKind,
  regressions: { replayed: regressions.length, openStillFailing: replay.filter((r) => r.case.status === 'open').map((r) => r.case.name), fixedFailingAgain: broken.map((r) => r.case.name) },
  seconds: Math.round((Date.now() - started) / 100) / 10,
};
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
process.exit(result.failures.length > 0 || broken.length > 0 ? 1 : 0);
