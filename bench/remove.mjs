#!/usr/bin/env node
/**
 * Benchmark of `flagdebt remove`: a 10,000-file, 1M-line corpus (bench/corpus.mjs), one flag read
 * in a handful of files, removed as a dry run and for real (on a copy). Each run is a fresh
 * process, so wall time includes startup and peak RSS is the run's own.
 *
 *   npm run build && node bench/remove.mjs [--files 10000] [--lines 100] [--seed 42] [--no-verify] [--results]
 *
 * --no-verify skips the type-check gate; --results appends the numbers to bench/RESULTS.md
 * (codemod section). Paired comparisons of builds: bench/remove-paired.mjs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};

/** CPU milliseconds of the calling thread (Linux: /proc/thread-self/stat, in clock ticks of 10 ms), or null. */
function mainThreadCpuMs() {
  try {
    const fields = fs.readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

if (args[0] === '--child') {
  // One removal in this process; the parent reads the JSON line. `build`: the checkout whose
  // codemod runs (default this one); `verify`: 'no-verify' skips the gate.
  const [, dir, key, mode, build = path.join(here, '..'), verify = 'verify'] = args;
  const { removeFlags } = await import(pathToFileURL(path.join(build, 'packages/codemod/dist/index.js')).href);
  const started = performance.now();
  const result = await removeFlags({ dir, flags: [{ key, value: true }], dryRun: mode === 'dry', allowDirty: true, now: '2026-11-21', verify: verify !== 'no-verify' });
  const ms = performance.now() - started;
  // user+sys of the whole process, every thread (the gate's worker too), start-up included; and
  // of this (the main) thread alone, where Linux says (what the run waits for on an idle core).
  const cpu = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, mainThreadCpuMs: mainThreadCpuMs(), maxRssKiB: process.resourceUsage().maxRSS, stats: result.stats, evaluations: result.flags[0].evaluations, remaining: result.remaining.length, newErrors: result.verify?.newErrors.length ?? null })}\n`);
  process.exit(0);
}

const files = Number(option('files', 10_000));
const lines = Number(option('lines', 100));
const seed = Number(option('seed', 42));
const corpus = path.join(os.tmpdir(), `flagdebt-bench-remove-${files}-${lines}-${seed}`);
if (!fs.existsSync(path.join(corpus, 'flags.yaml'))) {
  const { generateCorpus } = await import('./corpus.mjs');
  process.stderr.write(`generating ${files} files in ${corpus}...\n`);
  generateCorpus(corpus, { files, linesPerFile: lines, seed });
}

/** The key read in the fewest files (at least 3): "one flag read in a handful of files". */
function pickKey() {
  const out = execFileSync('grep', ['-rlE', '--include=*.ts', '--include=*.tsx', "(useFlag|isEnabled|getBooleanValue)\\('[a-z0-9-]+'", corpus], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const counts = new Map();
  for (const file of out.split('\n').filter(Boolean)) {
    if (file.includes('node_modules') || file.includes('/dist/')) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of new Set([...text.matchAll(/(?:useFlag|isEnabled|getBooleanValue)\('([a-z0-9-]+)'/g)].map((x) => x[1]))) counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  const ranked = [...counts].filter(([, n]) => n >= 3).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  return ranked[0];
}

const verify = args.includes('--no-verify') ? 'no-verify' : 'verify';

function run(dir, key, mode) {
  const started = performance.now();
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', dir, key, mode, path.join(here, '..'), verify], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(child.stderr);
  return { wallMs, ...JSON.parse(child.stdout.trim().split('\n').pop()) };
}

const [key, filesReading] = pickKey();
const dry = run(corpus, key, 'dry');
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-bench-remove-copy-'));
fs.cpSync(corpus, copy, { recursive: true });
const real = run(copy, key, 'real');
fs.rmSync(copy, { recursive: true, force: true });

const mib = (kib) => (kib / 1024).toFixed(0);
const rows = [
  ['dry run', dry],
  ['real run', real],
].map(([name, r]) => `| ${name} | ${(r.wallMs / 1000).toFixed(2)} s | ${(r.ms / 1000).toFixed(2)} s | ${(r.cpuMs / 1000).toFixed(2)} s | ${mib(r.maxRssKiB)} MiB | ${r.evaluations} | ${r.stats.filesChanged} | ${r.stats.filesDeleted} | ${r.stats.linesRemoved} |`);
const report = [
  `Corpus: ${files} files x ${lines} lines (seed ${seed}); flag \`${key}\` read in ${filesReading} files; ${os.cpus().length} CPUs, Node ${process.version}; gate ${verify === 'verify' ? 'on' : 'off'}; load ${os.loadavg()[0].toFixed(1)}.`,
  '',
  '| run | wall (process) | removeFlags | CPU (user+sys) | peak RSS | evaluations | files changed | files deleted | lines removed |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
process.stdout.write(`${report}\n`);

if (args.includes('--results')) {
  const file = path.join(here, 'RESULTS.md');
  const section = `\n## Codemod: \`flagdebt remove\` (bench/remove.mjs, ${new Date().toISOString().slice(0, 10)})\n\nTarget: < 10 s (goal 3 s) and < 1 GiB for one flag in a 10,000-file, 1M-line monorepo.\n\n${report}\n`;
  fs.appendFileSync(file, section);
}
