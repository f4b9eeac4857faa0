#!/usr/bin/env node
/**
 * `history()` over a 100-commit history of the generated 10,000-file corpus (bench/corpus.mjs).
 * Each commit changes ~20 files the way feature work does: new flag reads, removed reads, edits
 * that touch no flag; every tenth commit also changes the registry. Every commit is a point
 * (`every: 1`). Target: under 20 s for the history run (building the repository is not counted).
 *
 *   node bench/history.mjs [--files 10000] [--commits 100] [--changes 20] [--keep] [--reuse] [--cli DIR]
 *
 * Needs packages/scanner built (npx tsc -b packages/scanner). `--keep` leaves the repository in
 * bench/.work/history and `--reuse` runs on it again without rebuilding it; `--cli DIR` runs
 * another built checkout's scanner (e.g. main's), so two builds can be paired on one repository.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateCorpus } from './corpus.mjs';
import { createRng } from '../test/fuzz/prng.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const FILES = option('files', 10_000);
const COMMITS = option('commits', 100);
const CHANGES = option('changes', 20);
const work = path.join(here, '.work', 'history');

const cliIndex = args.indexOf('--cli');
const checkout = cliIndex === -1 ? path.join(here, '..') : path.resolve(args[cliIndex + 1]);
const { history } = await import(path.join(checkout, 'packages/scanner/dist/history/history.js'));
const { scan } = await import(path.join(checkout, 'packages/scanner/dist/index.js'));
const reuse = args.includes('--reuse') && fs.existsSync(path.join(work, '.git'));


function git(argv, date) {
  return execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...argv], {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
  });
}

// ---- build the repository -------------------------------------------------------------------
const buildStarted = performance.now();
let changedFiles = 0;
if (!reuse) {
  fs.rmSync(work, { recursive: true, force: true });
  const corpus = generateCorpus(work, { files: FILES, linesPerFile: 100, seed: 42 });
  fs.rmSync(path.join(work, 'node_modules'), { recursive: true, force: true });
  git(['init', '-q', '-b', 'main']);
  const day = (n) => new Date(Date.UTC(2026, 5, 1, 12) + n * 86_400_000).toISOString();
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'generated corpus'], day(0));

  const rand = createRng(7).next;
  const sources = [];
  for (const pkg of fs.readdirSync(path.join(work, 'packages'))) {
    const src = path.join(work, 'packages', pkg, 'src');
    for (const entry of fs.readdirSync(src, { recursive: true })) {
      if (/^f\d+\/.*\.tsx?$/.test(entry.split(path.sep).join('/'))) sources.push(path.join(src, entry));
    }
  }
  const appended = new Map();
  const registryFile = path.join(work, 'flags.yaml');
  for (let c = 1; c < COMMITS; c++) {
    const touched = new Set();
    while (touched.size < CHANGES) touched.add(sources[Math.floor(rand() * sources.length)]);
    for (const file of touched) {
      let text = fs.readFileSync(file, 'utf8');
      const roll = rand();
      if (appended.has(file) && roll < 0.3) {
        text = text.replace(appended.get(file), '');
        appended.delete(file);
      } else if (roll < 0.75) {
        const key = rand() < 0.1 ? `unregistered-${c}` : corpus.keys[Math.floor(rand() * corpus.keys.length)];
        const block = `\nexport function gate${c}(): boolean {\n  return flags.isEnabled('${key}', false);\n}\n`;
        text += block;
        appended.set(file, block);
      } else {
        text = text.replace(/\n/, `\n// reviewed in change ${c}\n`);
      }
      fs.writeFileSync(file, text);
    }
    if (c % 10 === 0) {
      // A rollout finishes: the first still-active release flag becomes complete.
      const registry = fs.readFileSync(registryFile, 'utf8');
      fs.writeFileSync(registryFile, registry.replace(/state: active\n/, `state: complete\n    value: true\n    since: ${day(c).slice(0, 10)}\n`));
      touched.add(registryFile);
    }
    changedFiles += touched.size;
    git(['add', ...[...touched].map((f) => path.relative(work, f))]);
    git(['commit', '-q', '-m', `change ${c}`], day(c));
  }
} else {
  changedFiles = (COMMITS - 1) * CHANGES;
}
const buildMs = performance.now() - buildStarted;

// ---- run history ------------------------------------------------------------------------------
const started = performance.now();
const cpuStarted = process.cpuUsage();
let firstMs = 0;
const modes = { full: 0, subset: 0, skipped: 0 };
const result = await history({
  dir: work,
  every: 1,
  onProgress: (done, _total, _commit, mode) => {
    modes[mode] += 1;
    if (done === 1) firstMs = performance.now() - started;
    if (process.env.BENCH_VERBOSE) process.stderr.write(`  ${done} ${mode} ${(performance.now() - started).toFixed(0)} ms\n`);
  },
});
const totalMs = performance.now() - started;
const cpu = process.cpuUsage(cpuStarted);
const cpuMs = (cpu.user + cpu.system) / 1000;

// The last point must be what a scan of the (clean) checkout says on the same day.
const head = result.points.at(-1);
const check = await scan({ dir: work, now: head.date.slice(0, 10) });
const agrees = check.summary.references === head.references && check.summary.stale === head.stale && check.summary.unregistered === head.unregistered && check.summary.flags === head.flags;

const perCommit = (totalMs - firstMs) / Math.max(1, result.points.length - 1);
process.stdout.write(
  [
    `history: ${result.points.length} points over ${COMMITS} commits, ${FILES} files, ~${Math.round(changedFiles / (COMMITS - 1))} files changed per commit`,
    `  scanner: ${checkout}`,
    `  build repository: ${reuse ? 'reused' : `${(buildMs / 1000).toFixed(1)} s`} (not counted)`,
    `  history total:    ${(totalMs / 1000).toFixed(1)} s (target < 20 s)`,
    `  history CPU time: ${(cpuMs / 1000).toFixed(1)} s user+sys in this process (git children not counted); load average ${os.loadavg()[0].toFixed(1)}`,
    `  first commit:     ${(firstMs / 1000).toFixed(2)} s (full scan)`,
    `  each next commit: ${perCommit.toFixed(0)} ms on average`,
    `  commits scanned in full: ${modes.full}, as a subset: ${modes.subset}, skipped: ${modes.skipped}`,
    `  HEAD point agrees with scan(): ${agrees ? 'yes' : 'NO'}`,
    `  maxRSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
    '',
  ].join('\n'),
);
if (!args.includes('--keep')) fs.rmSync(work, { recursive: true, force: true });
if (!agrees) process.exitCode = 1;
