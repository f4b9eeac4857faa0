#!/usr/bin/env node
/**
 * Where one `removeFlags` run's CPU goes, per thread (Linux): the main thread, V8's helper threads
 * (background compiling and GC, for every isolate) and the type-check gate's worker thread, read
 * from /proc/self/task/<tid>/stat when the run is done. On bench/remove.mjs's corpus:
 *
 *   npm run build && node bench/remove-threads.mjs [--build /work/wt/base9] [--no-verify]
 *
 * Node options (`node --no-concurrent-recompilation bench/remove-threads.mjs`) apply to the run.
 * One line of JSON: removeFlags' wall, the process's CPU, and CPU ms per thread.
 */
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const build = path.resolve(option('build', path.join(here, '..')));
const dir = path.join(os.tmpdir(), 'flagdebt-bench-remove-10000-100-42');
if (!fs.existsSync(path.join(dir, 'flags.yaml'))) throw new Error(`no corpus at ${dir}: run node bench/remove.mjs first`);
const { removeFlags } = await import(pathToFileURL(path.join(build, 'packages/codemod/dist/index.js')).href);
const started = performance.now();
await removeFlags({ dir, flags: [{ key: option('key', 'address-beta-22'), value: true }], dryRun: true, allowDirty: true, now: '2026-11-21', verify: !args.includes('--no-verify') });
const ms = Math.round(performance.now() - started);

// Threads in creation order: the main thread first, then Node's and V8's helpers; a gate worker is the last one started.
const tick = 10;
const threads = fs
  .readdirSync('/proc/self/task')
  .map(Number)
  .sort((a, b) => a - b)
  .map((tid) => {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { tid, name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), cpuMs: (Number(fields[11]) + Number(fields[12])) * tick };
  });
const cpu = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ build, verify: !args.includes('--no-verify'), removeFlagsMs: ms, processCpuMs: Math.round((cpu.user + cpu.system) / 1000), threads })}\n`);
process.exit(0);
