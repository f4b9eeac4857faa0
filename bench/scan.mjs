#!/usr/bin/env node
/**
 * Scan benchmark: a generated monorepo of 10,000 files and 1,000,000 lines (bench/.corpus/,
 * created on first run), scanned 3 times by a fresh process each, like a user or CI would:
 * `node packages/cli/dist/bin.js scan bench/.corpus --format json` (or bench/scan-entry.mjs
 * while the CLI is not built). Prints files, lines, median wall time, lines/second, peak RSS.
 *
 *   node bench/scan.mjs [--runs 3] [--files 10000] [--lines 100] [--regenerate] [--entry]
 *   (--entry: measure bench/scan-entry.mjs even when the CLI is built)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.dirname(here);
const corpus = path.join(here, '.corpus');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const runs = option('runs', 3);

if (args.includes('--regenerate')) fs.rmSync(corpus, { recursive: true, force: true });
if (!fs.existsSync(path.join(corpus, 'corpus.json'))) {
  process.stderr.write('generating bench/.corpus ...\n');
  generateCorpus(corpus, { files: option('files', 10_000), linesPerFile: option('lines', 100), seed: 42 });
}
const manifest = JSON.parse(fs.readFileSync(path.join(corpus, 'corpus.json'), 'utf8'));

const cli = path.join(repo, 'packages/cli/dist/bin.js');
const viaCli = [cli, 'scan', corpus, '--format', 'json', '--now', '2026-11-21'];
const viaEntry = [path.join(here, 'scan-entry.mjs'), corpus, '--now', '2026-11-21'];
let command = fs.existsSync(cli) && !args.includes('--entry') ? viaCli : viaEntry;
const gnuTime = fs.existsSync('/usr/bin/time');

function runOnce() {
  try {
    return measure();
  } catch (error) {
    if (command !== viaCli) throw error;
    // A half-built CLI must not stop the benchmark of the scanner itself.
    process.stderr.write(`the CLI failed, measuring bench/scan-entry.mjs instead:\n${error.message}\n`);
    command = viaEntry;
    return measure();
  }
}

function measure() {
  const argv = gnuTime ? ['-v', process.execPath, ...command] : command;
  const started = process.hrtime.bigint();
  const child = spawnSync(gnuTime ? '/usr/bin/time' : process.execPath, argv, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  // Exit 1 means "over budget", which the corpus is on purpose; anything else is a failure.
  if (child.status !== 0 && child.status !== 1) throw new Error(`scan failed (${child.status}):\n${child.stderr}`);
  const stderr = child.stderr;
  const field = (re) => Number(re.exec(stderr)?.[1] ?? NaN);
  const rssKiB = gnuTime ? field(/Maximum resident set size \(kbytes\): (\d+)/) : field(/maxRSS (\d+)/);
  const cpuS = gnuTime ? field(/User time \(seconds\): ([\d.]+)/) + field(/System time \(seconds\): ([\d.]+)/) : NaN;
  let summary;
  try {
    summary = JSON.parse(child.stdout).summary;
  } catch {
    throw new Error(`no JSON on stdout:\n${stderr.slice(0, 2000)}`);
  }
  return { wallMs, rssKiB, cpuS, summary };
}

const results = [];
for (let i = 0; i < runs; i++) {
  const r = runOnce();
  results.push(r);
  process.stderr.write(`run ${i + 1}: ${r.wallMs.toFixed(0)} ms wall, ${Number.isNaN(r.cpuS) ? '?' : r.cpuS.toFixed(2)} s cpu, ${(r.rssKiB / 1024).toFixed(0)} MiB\n`);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const wall = median(results.map((r) => r.wallMs));
const cpu = median(results.map((r) => r.cpuS));
const peak = Math.max(...results.map((r) => r.rssKiB));
const s = results[0].summary;

const rows = [
  ['command', `node ${path.relative(repo, command[0])} ${command.slice(1).map((a) => (a === corpus ? 'bench/.corpus' : a)).join(' ')}`],
  ['files scanned', String(s.files)],
  ['lines', manifest.lines.toLocaleString('en-US')],
  ['references found', `${s.references} (${s.unregistered} unregistered, ${s.dynamic} dynamic)`],
  ['median wall time', `${(wall / 1000).toFixed(2)} s (of ${runs} runs)`],
  ['median cpu time', Number.isNaN(cpu) ? 'n/a' : `${cpu.toFixed(2)} s (user + sys)`],
  ['lines/second', Math.round(manifest.lines / (wall / 1000)).toLocaleString('en-US')],
  ['peak memory', `${(peak / 1024).toFixed(0)} MiB`],
  ['node', process.version],
  ['cpus', String((await import('node:os')).availableParallelism())],
  ['load average', (await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')],
];
const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
