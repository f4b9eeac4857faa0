#!/usr/bin/env node
/**
 * Paired, interleaved runs of `flagdebt remove` on bench/remove.mjs's corpus, for comparing the
 * type-check gate's cost on a shared machine: each round runs every variant once, in an order
 * that turns each round (ABC, CBA, ABC, ...), each run a fresh process (bench/remove.mjs
 * --child). Per run: removeFlags time, process wall, process CPU (user+sys, all threads) and
 * the main thread's CPU (the gate's worker runs beside it), load average.
 *
 *   npm run build && node bench/remove-paired.mjs --base /work/wt/base8 [--rounds 6] [--mode dry|real]
 *      [--variants base,gate,off,main-thread] [--files 10000] [--lines 100] [--seed 42] [--via api|cli]
 *
 * Variants: base = the build at --base, gate on; gate = this build, gate on; off = this build,
 * --no-verify; main-thread = this build, gate on, no worker thread (FLAGDEBT_GATE_WORKER=0);
 * gate-nosnap = this build, gate on, without the gate's start-up snapshot (FLAGDEBT_GATE_SNAPSHOT=0);
 * gate-inproc / off-inproc = gate / off with FLAGDEBT_RELAUNCH=0 (only differ with --via cli).
 * The corpus must exist (run bench/remove.mjs once); the flag is the one it picks.
 *
 * `--via api` (default) calls removeFlags in a fresh `node` (bench/remove.mjs --child): removeFlags
 * time, process CPU and the main thread's CPU. `--via cli` runs what a user runs, `flagdebt remove
 * <key> --value true --dry-run` (and --no-verify): wall and CPU of the whole process tree
 * (a re-launched CLI is two processes; removeFlags and main-thread columns are then the wall and 0).
 *
 * The gate's snapshot process (codemod safety/gate-snapshot.ts) is nobody's waited-for child
 * when the run exits, so neither measure sees it: it writes its CPU to FLAGDEBT_GATE_CPU_LOG as
 * it exits, and that is added to the run's CPU (`snapshot` column; through the CLI only when the
 * run had exited before it, else the run's children's CPU holds it). Blobs are not built or
 * removed here: the first run of a build makes one (bench/RESULTS.md gives the cold run apart).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const rounds = Number(option('rounds', 6));
const mode = option('mode', 'dry');
const base = option('base', '/work/wt/base8');
const key = option('key', 'address-beta-22');
const corpus = path.join(os.tmpdir(), `flagdebt-bench-remove-${option('files', 10_000)}-${option('lines', 100)}-${option('seed', 42)}`);
if (!fs.existsSync(path.join(corpus, 'flags.yaml'))) throw new Error(`no corpus at ${corpus}: run node bench/remove.mjs first`);
const self = path.join(here, '..');
const variants = {
  base: { build: base, verify: 'verify', env: {} },
  gate: { build: self, verify: 'verify', env: {} },
  off: { build: self, verify: 'no-verify', env: {} },
  'main-thread': { build: self, verify: 'verify', env: { FLAGDEBT_GATE_WORKER: '0' } },
  // The gate's worker without its start-up snapshot (the path of a run that has no blob).
  'gate-nosnap': { build: self, verify: 'verify', env: { FLAGDEBT_GATE_SNAPSHOT: '0' } },
  'gate-pool1': { build: self, verify: 'verify', env: {}, node: ['--v8-pool-size=1'] },
  'off-pool1': { build: self, verify: 'no-verify', env: {}, node: ['--v8-pool-size=1'] },
  'gate-inproc': { build: self, verify: 'verify', env: { FLAGDEBT_RELAUNCH: '0' } },
  'off-inproc': { build: self, verify: 'no-verify', env: { FLAGDEBT_RELAUNCH: '0' } },
};
const via = option('via', 'api');
if (via !== 'api' && via !== 'cli') throw new Error('--via takes api or cli');

/**
 * Runs the CLI in a child of a small measuring process and returns its wall time and the CPU
 * (user+sys) of it and every process it waited for (a re-launched CLI is two Node processes;
 * /proc/self/stat's cutime and cstime count both, Node reports no children's usage).
 */
const MEASURE = `
  const { spawnSync } = require('node:child_process');
  const fs = require('node:fs');
  const [argv, env] = JSON.parse(process.argv[1]);
  const started = performance.now();
  const r = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = performance.now() - started;
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const tick = 1000 / ${Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim() || 100)};
  process.stdout.write(JSON.stringify({ wall, cpu: (Number(fields[13]) + Number(fields[14])) * tick, status: r.status, stderr: r.stderr }));`;

function viaCli(v, dir) {
  const argv = [...(v.node ?? []), path.join(v.build, 'packages/cli/bin/flagdebt.js'), 'remove', key, '--value', 'true', '--now', '2026-11-21', '--allow-dirty', '-d', dir];
  if (mode === 'dry') argv.push('--dry-run');
  if (v.verify === 'no-verify') argv.push('--no-verify');
  const child = spawnSync(process.execPath, ['-e', MEASURE, JSON.stringify([argv, v.env])], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(child.stderr);
  const out = JSON.parse(child.stdout);
  if (out.status !== 0) throw new Error(`flagdebt remove exited ${out.status}: ${out.stderr}`);
  return { ms: out.wall, cpuMs: out.cpu, mainThreadCpuMs: 0, stats: { filesChanged: '?' }, newErrors: '?', wallMs: out.wall };
}
const chosen = option('variants', 'base,gate,off').split(',');

/** The CPU the gate's snapshot processes of a run wrote to `log` (0 when none ran); waits a little for one that is still exiting. */
function snapshotCpu(log, expect) {
  const deadline = performance.now() + (expect ? 2000 : 0);
  for (;;) {
    const text = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
    if (text.endsWith('\n') || performance.now() > deadline) {
      fs.rmSync(log, { force: true });
      // Through the CLI, a snapshot process the run waited for is in the run's children's CPU already.
      const lines = text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
      return lines.filter((l) => via === 'api' || l.orphaned).reduce((sum, l) => sum + l.cpuMs, 0);
    }
    spawnSync('sleep', ['0.05']);
  }
}

function run(name) {
  const log = path.join(os.tmpdir(), `flagdebt-bench-gate-cpu-${process.pid}.log`);
  const expect = name.startsWith('gate') && name !== 'gate-nosnap' && !process.env.FLAGDEBT_GATE_SNAPSHOT;
  const x = runOnce(name, log);
  const snapshot = snapshotCpu(log, expect);
  return { ...x, cpuMs: x.cpuMs + snapshot, snapshotCpuMs: snapshot };
}

function runOnce(name, log) {
  const v = { ...variants[name], env: { ...variants[name].env, FLAGDEBT_GATE_CPU_LOG: log } };
  let dir = corpus;
  if (mode === 'real') {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-bench-remove-copy-'));
    fs.cpSync(corpus, dir, { recursive: true });
  }
  const load = os.loadavg()[0];
  if (via === 'cli') {
    const x = viaCli(v, dir);
    if (mode === 'real') fs.rmSync(dir, { recursive: true, force: true });
    return { variant: name, load, ...x };
  }
  const started = performance.now();
  const child = spawnSync(process.execPath, [...(v.node ?? []), path.join(here, 'remove.mjs'), '--child', dir, key, mode, v.build, v.verify], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, ...v.env } });
  const wallMs = performance.now() - started;
  if (mode === 'real') fs.rmSync(dir, { recursive: true, force: true });
  if (child.status !== 0) throw new Error(child.stderr);
  return { variant: name, load, wallMs, ...JSON.parse(child.stdout.trim().split('\n').pop()) };
}

const results = [];
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? chosen : [...chosen].reverse();
  for (const name of order) {
    const x = run(name);
    results.push({ round: r + 1, ...x });
    process.stdout.write(`round ${r + 1} ${name.padEnd(11)} removeFlags ${(x.ms / 1000).toFixed(2)} s  wall ${(x.wallMs / 1000).toFixed(2)} s  cpu ${(x.cpuMs / 1000).toFixed(2)} s (main thread ${(x.mainThreadCpuMs / 1000).toFixed(2)} s, snapshot ${(x.snapshotCpuMs / 1000).toFixed(2)} s)  load ${x.load.toFixed(1)}  files changed ${x.stats.filesChanged}  new errors ${x.newErrors}\n`);
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
process.stdout.write(`\nmedians over ${rounds} rounds (${mode} run, via ${via}, ${os.cpus().length} CPUs, Node ${process.version}):\n`);
for (const name of chosen) {
  const mine = results.filter((x) => x.variant === name);
  process.stdout.write(`${name.padEnd(11)} removeFlags ${(median(mine.map((x) => x.ms)) / 1000).toFixed(2)} s  wall ${(median(mine.map((x) => x.wallMs)) / 1000).toFixed(2)} s  cpu ${(median(mine.map((x) => x.cpuMs)) / 1000).toFixed(2)} s (main thread ${(median(mine.map((x) => x.mainThreadCpuMs)) / 1000).toFixed(2)} s)  load ${median(mine.map((x) => x.load)).toFixed(1)}\n`);
}
// Ratios within each round (the pair shares the machine's load), then their median.
for (const [a, b] of [['gate', 'off'], ['gate-nosnap', 'off'], ['gate', 'gate-nosnap'], ['base', 'off'], ['gate', 'base'], ['main-thread', 'off'], ['gate-pool1', 'off-pool1'], ['gate-pool1', 'gate'], ['off-pool1', 'off']]) {
  if (!chosen.includes(a) || !chosen.includes(b)) continue;
  const ratios = (field) => median([...Array(rounds).keys()].map((r) => results.find((x) => x.round === r + 1 && x.variant === a)[field] / results.find((x) => x.round === r + 1 && x.variant === b)[field]));
  process.stdout.write(`${a}/${b}: removeFlags ${ratios('ms').toFixed(2)}x  wall ${ratios('wallMs').toFixed(2)}x  cpu ${ratios('cpuMs').toFixed(2)}x  main-thread cpu ${ratios('mainThreadCpuMs').toFixed(2)}x (median of per-round ratios)\n`);
}
