#!/usr/bin/env node
/**
 * `flagdebt history` against one full scan of HEAD on a real repository (the dev set's Unleash):
 * 26 weekly points, measured paired (scan, history, scan, history, ... each in a fresh process).
 *
 *   git clone /work/.mirror/Unleash+unleash/repo /tmp/unleash
 *   node bench/unleash-history.mjs /tmp/unleash [--since 2026-02-23] [--runs 2] [--cli /path/to/other/checkout]
 *
 * The clone's working tree gets the dev set's flagdebt.config.json and a flags.yaml made from its
 * keys.txt (uncommitted): no commit of Unleash has either, so every point is judged with them.
 * Needs the packages built (npm run build). `--cli DIR` pairs this checkout's build with another
 * built checkout's (e.g. main's): each run is then scan A, history A, scan B, history B (ABAB), so
 * both builds see the same load.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
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
const devSet = option('dev-set', '/work/shared/realworld/scanner/unleash');

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

// ---- paired runs, each in a fresh process -----------------------------------------------------
const builds = [path.join(here, '..')];
if (option('cli')) builds.push(path.resolve(option('cli')));
const scannerOf = (checkout) => path.join(checkout, 'packages', 'scanner', 'dist', 'index.js');
const script = (body, checkout) => `
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
const measure = (body, checkout) => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script(body, checkout)], { encoding: 'utf8', maxBuffer: 1 << 26 }));
const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];

const rows = [];
for (let run = 1; run <= runs; run++) {
  for (const checkout of builds) {
    const loadBefore = load();
    const scanRun = measure(scanBody, checkout);
    const historyRun = measure(historyBody, checkout);
    rows.push({ run, scanRun, historyRun });
    const label = builds.length > 1 ? ` [${path.basename(checkout)}]` : '';
    process.stdout.write(
      `run ${run}${label} (load ${loadBefore}-${load()}): scan HEAD ${(scanRun.wall / 1000).toFixed(1)} s wall / ${(scanRun.cpu / 1000).toFixed(1)} s CPU; ` +
        `history ${historyRun.extra.points} points ${(historyRun.wall / 1000).toFixed(1)} s wall / ${(historyRun.cpu / 1000).toFixed(1)} s CPU ` +
        `= ${(historyRun.wall / scanRun.wall).toFixed(1)}x wall, ${(historyRun.cpu / scanRun.cpu).toFixed(1)}x CPU; modes ${JSON.stringify(historyRun.modes)}\n` +
        `  subsets (files re-scanned / listed / scans): ${historyRun.extra.subsets.map((s) => s.join('/')).join(' ')}\n`,
    );
  }
}
const head = rows[0].historyRun.extra.head;
const summary = rows[0].scanRun.extra;
process.stdout.write(`HEAD point agrees with scan(): ${head.references === summary.references && head.unregistered === summary.unregistered ? 'yes' : 'NO'} (${head.references} references, ${head.unregistered} unregistered)\n`);
