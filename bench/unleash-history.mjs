#!/usr/bin/env node
/**
 * `flagdebt history` against one full scan of HEAD on a real repository (the dev set's Unleash):
 * 26 weekly points, measured paired (scan, history, scan, history, ... each in a fresh process).
 *
 *   git clone /work/.mirror/Unleash+unleash/repo /tmp/unleash
 *   node bench/unleash-history.mjs /tmp/unleash [--since 2026-02-23] [--runs 2] [--cli /path/to/other/checkout]
 *        [--via cli|api] [--node-options "--max-semi-space-size=32"] [--check]
 *
 * The clone's working tree gets the dev set's flagdebt.config.json and a flags.yaml made from its
 * keys.txt (uncommitted): no commit of Unleash has either, so every point is judged with them.
 * Needs the packages built (npm run build). `--cli DIR` pairs this checkout's build with another
 * built checkout's (e.g. main's): each run is then scan A, history A, scan B, history B (ABAB), so
 * both builds see the same load.
 *
 * `--via cli` (default) runs what a user runs, `flagdebt scan --format json` and `flagdebt history`,
 * re-launch included; CPU is user+sys of the whole process tree (the re-launched Node and, for
 * history, its git processes). `--via api` calls `scan()` and `history()` in a fresh `node` with
 * the same `--node-options` for both, CPU of that process alone (git not counted).
 * `--check` then compares this checkout's 26 incremental points with `history({ incremental:
 * false })` (every commit scanned from scratch), JSON-identical point by point.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const repo = path.resolve(args[0] ?? '/tmp/unleash');
const since = option('since', '2026-02-23');
const runs = Number(option('runs', 2));
const via = option('via', 'cli');
const nodeOptions = (option('node-options', '') ?? '').split(/\s+/).filter(Boolean);
const devSet = option('dev-set', '/work/shared/realworld/scanner/unleash');
if (via !== 'cli' && via !== 'api') throw new Error('--via takes cli or api');

// ---- the user's config and registry, in the working tree only ----------------------------------
fs.copyFileSync(path.join(devSet, 'flagdebt.config.json'), path.join(repo, 'flagdebt.config.json'));
const keys = fs.readFileSync(path.join(devSet, 'keys.txt'), 'utf8').split('\n').filter(Boolean);
const owners = ['platform', 'growth', 'enterprise', 'insights'];
let yaml = 'flags:\n';
keys.forEach((key, i) => {
  // Made up but deterministic: a mix of types, owners, states and expiry dates.
  const ops = i % 5 === 4;
  const complete = i % 3 === 0;
  yaml += `  ${JSON.stringify(key)}:\n    type: ${ops ? 'ops' : 'release'}\n    owner: ${owners[i % 4]}\n    created: 2025-0${1 + (i % 9)}-01\n`;
  if (!ops) yaml += `    expires: 2026-0${1 + (i % 9)}-15\n`;
  yaml += `    state: ${complete ? 'complete' : 'active'}\n`;
  if (complete) yaml += '    value: true\n    since: 2026-01-10\n';
});
fs.writeFileSync(path.join(repo, 'flags.yaml'), yaml);

// ---- one measured process ------------------------------------------------------------------------
const builds = [path.join(here, '..')];
if (option('cli')) builds.push(path.resolve(option('cli')));
const scannerOf = (checkout) => path.join(checkout, 'packages', 'scanner', 'dist', 'index.js');
const cliOf = (checkout) => path.join(checkout, 'packages', 'cli', 'bin', 'flagdebt.js');

/**
 * Runs `argv` with node in a child and returns its wall time, CPU (user+sys of it and every
 * process it waited for, from /proc: Node reports no children's usage) and stdout.
 */
const MEASURE = `
  const { spawnSync } = require('node:child_process');
  const fs = require('node:fs');
  const [cwd, ...argv] = JSON.parse(process.argv[1]);
  const started = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'inherit'] });
  const wall = performance.now() - started;
  // /proc/self/stat fields 16 and 17 (cutime, cstime), after the command's ')'.
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const tick = 1000 / ${Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())};
  process.stdout.write(JSON.stringify({ wall, cpu: (Number(fields[13]) + Number(fields[14])) * tick, status: r.status, stdout: r.stdout }));`;
function measured(argv) {
  const out = JSON.parse(execFileSync(process.execPath, ['-e', MEASURE, JSON.stringify([repo, ...argv])], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  if (out.status !== 0) throw new Error(`${argv.join(' ')} exited ${out.status}`);
  return out;
}

function viaCli(checkout, command) {
  // Relaunch decides the Node options as it would for the user; NODE_OPTIONS would reach git too.
  const argv = command === 'scan' ? [cliOf(checkout), 'scan', '--format', 'json', '.'] : [cliOf(checkout), 'history', '--since', since, '.'];
  const run = measured(argv);
  const json = JSON.parse(run.stdout);
  if (command === 'scan') return { wall: run.wall, cpu: run.cpu, extra: json.summary };
  const last = json.points.at(-1);
  return { wall: run.wall, cpu: run.cpu, extra: { points: json.points.length, head: last && { references: last.references, unregistered: last.unregistered } } };
}

const apiScript = (body, checkout) => `
  const { scan, history } = await import(${JSON.stringify(scannerOf(checkout))});
  const started = performance.now();
  const modes = {};
  ${body}
  const cpu = process.cpuUsage();
  console.log(JSON.stringify({ wall: performance.now() - started, cpu: (cpu.user + cpu.system) / 1000, modes, extra }));`;
const scanBody = `const r = await scan({ dir: ${JSON.stringify(repo)} }); const extra = r.summary;`;
const historyBody = `const subsets = []; const r = await history({ dir: ${JSON.stringify(repo)}, since: ${JSON.stringify(since)},
    onProgress: (_d, _t, _c, mode, why, subset) => { const k = why ? mode + ':' + why : mode; modes[k] = (modes[k] ?? 0) + 1; if (subset) subsets.push([subset.rescanned.length, subset.listed, subset.rounds]); } });
  const last = r.points.at(-1);
  const extra = { points: r.points.length, skipped: r.skipped.length, subsets, head: last && { references: last.references, unregistered: last.unregistered, stale: last.stale } };`;
function viaApi(checkout, command) {
  const body = command === 'scan' ? scanBody : historyBody;
  return JSON.parse(execFileSync(process.execPath, [...nodeOptions, '--input-type=module', '-e', apiScript(body, checkout)], { encoding: 'utf8', maxBuffer: 1 << 26 }));
}

const measure = (checkout, command) => (via === 'cli' ? viaCli(checkout, command) : viaApi(checkout, command));
const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];

// ---- paired runs ---------------------------------------------------------------------------------
process.stdout.write(`via ${via}${via === 'api' && nodeOptions.length > 0 ? ` (node ${nodeOptions.join(' ')})` : ''}, ${os.availableParallelism()} cores\n`);
const rows = [];
for (let run = 1; run <= runs; run++) {
  for (const checkout of builds) {
    const loadBefore = load();
    const scanRun = measure(checkout, 'scan');
    const historyRun = measure(checkout, 'history');
    rows.push({ run, checkout, scanRun, historyRun });
    const label = builds.length > 1 ? ` [${path.basename(checkout)}]` : '';
    const modes = historyRun.modes ? `; modes ${JSON.stringify(historyRun.modes)}` : '';
    process.stdout.write(
      `run ${run}${label} (load ${loadBefore}-${load()}): scan HEAD ${(scanRun.wall / 1000).toFixed(1)} s wall / ${(scanRun.cpu / 1000).toFixed(1)} s CPU; ` +
        `history ${historyRun.extra.points} points ${(historyRun.wall / 1000).toFixed(1)} s wall / ${(historyRun.cpu / 1000).toFixed(1)} s CPU ` +
        `= ${(historyRun.wall / scanRun.wall).toFixed(2)}x wall, ${(historyRun.cpu / scanRun.cpu).toFixed(2)}x CPU${modes}\n` +
        (historyRun.extra.subsets ? `  subsets (files re-scanned / listed / scans): ${historyRun.extra.subsets.map((s) => s.join('/')).join(' ')}\n` : ''),
    );
  }
}
for (const checkout of builds) {
  const mine = rows.filter((r) => r.checkout === checkout);
  const sum = (pick) => mine.reduce((total, r) => total + pick(r), 0);
  const label = builds.length > 1 ? ` [${path.basename(checkout)}]` : '';
  process.stdout.write(
    `sum${label}: history ${(sum((r) => r.historyRun.cpu) / 1000).toFixed(1)} s CPU / scan ${(sum((r) => r.scanRun.cpu) / 1000).toFixed(1)} s CPU = ${(sum((r) => r.historyRun.cpu) / sum((r) => r.scanRun.cpu)).toFixed(2)}x; ` +
      `wall ${(sum((r) => r.historyRun.wall) / sum((r) => r.scanRun.wall)).toFixed(2)}x\n`,
  );
}
const head = rows[0].historyRun.extra.head;
const summary = rows[0].scanRun.extra;
process.stdout.write(`HEAD point agrees with scan(): ${head.references === summary.references && head.unregistered === summary.unregistered ? 'yes' : 'NO'} (${head.references} references, ${head.unregistered} unregistered)\n`);

// ---- the incremental points against every commit scanned from scratch ---------------------------
if (args.includes('--check')) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'unleash-history-'));
  const points = (incremental) => {
    const file = path.join(scratch, `${incremental ? 'incremental' : 'scratch'}.json`);
    const script = `import fs from 'node:fs';
      const { history } = await import(${JSON.stringify(scannerOf(builds[0]))});
      const r = await history({ dir: ${JSON.stringify(repo)}, since: ${JSON.stringify(since)}, incremental: ${incremental} });
      fs.writeFileSync(${JSON.stringify(file)}, JSON.stringify(r.points));`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  };
  const fast = points(true);
  const slow = points(false);
  const same = fast.filter((p, i) => JSON.stringify(p) === JSON.stringify(slow[i])).length;
  fs.rmSync(scratch, { recursive: true, force: true });
  process.stdout.write(`incremental points equal history({ incremental: false }): same ${same} of ${slow.length}${fast.length === slow.length ? '' : ` (incremental gave ${fast.length})`}\n`);
  if (same !== slow.length || fast.length !== slow.length) process.exitCode = 1;
}
