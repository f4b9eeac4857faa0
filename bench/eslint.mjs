#!/usr/bin/env node
/**
 * What @flagdebt/eslint-plugin adds to an ESLint run. Lints fixtures/shop and a corpus made by
 * bench/corpus.mjs (bench/.work/eslint-corpus-<files>, or --corpus DIR) twice: a baseline (typescript-eslint's parser
 * plus @eslint/js recommended) and the baseline plus `flagdebt.configs.recommended`. Each run is
 * a fresh process (the plugin's caches start cold, like a CI run); the wall time is the median
 * of N runs, and one extra run per target with TIMING=all gives ESLint's per-rule times.
 *
 *   npm run build && node bench/eslint.mjs [--runs 3] [--files 1000 | --corpus bench/.corpus] [--record]
 *
 * --record appends the numbers to bench/RESULTS.md under "## ESLint plugin".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(BENCH, '..');
const SELF = fileURLToPath(import.meta.url);

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

/** Child mode: lint `dir` once with or without the plugin, print the file and problem counts as JSON. */
async function lintOnce(dir, withPlugin) {
  const { ESLint } = await import('eslint');
  const { default: js } = await import('@eslint/js');
  const { default: tseslint } = await import('typescript-eslint');
  const config = [
    { ignores: ['**/node_modules/**', '**/dist/**', '**/generated/**'] },
    { files: ['**/*.{ts,tsx}'], ...js.configs.recommended },
    {
      files: ['**/*.{ts,tsx}'],
      languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      // TypeScript checks these; with the JS rules alone they would only be noise.
      rules: { 'no-undef': 'off', 'no-unused-vars': 'off', 'no-redeclare': 'off' },
    },
    { settings: { flagdebt: { now: '2026-11-21' } } },
  ];
  if (withPlugin) {
    const { default: flagdebt } = await import('@flagdebt/eslint-plugin');
    config.push(flagdebt.configs.recommended);
  }
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, errorOnUnmatchedPattern: false });
  const results = await eslint.lintFiles(['**/*.ts', '**/*.tsx']);
  const flagdebtProblems = results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId?.startsWith('flagdebt/')).length, 0);
  const cpu = process.cpuUsage();
  console.log(JSON.stringify({ files: results.length, flagdebtProblems, cpuMs: (cpu.user + cpu.system) / 1000 }));
}

function run(dir, withPlugin, timing) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [SELF, '--child', dir, withPlugin ? 'plugin' : 'base'], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, TIMING: timing ? 'all' : '' },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`lint of ${dir} failed:\n${child.stderr}`);
  const [summary, ...rest] = child.stdout.split('\n');
  return { ms, ...JSON.parse(summary), timing: timing ? parseTiming(rest.join('\n')) : null };
}

/** ESLint's TIMING table: `Rule | Time (ms) | Relative`. */
function parseTiming(text) {
  const rows = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(\S+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)%/.exec(line);
    if (m) rows.push({ rule: m[1], ms: Number(m[2]), percent: Number(m[3]) });
  }
  return rows;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  if (process.argv[2] === '--child') return lintOnce(path.resolve(process.argv[3]), process.argv[4] === 'plugin');
  const runs = Number(option('runs', '3'));
  // ESLint with the TypeScript parser takes minutes on the scanner's 10,000-file corpus, so by
  // default this lints a smaller one from the same generator (pass --corpus bench/.corpus for it).
  let corpus = option('corpus', null);
  if (corpus === null) {
    const files = Number(option('files', '1000'));
    corpus = path.join(BENCH, '.work', `eslint-corpus-${files}`);
    if (!fs.existsSync(path.join(corpus, 'flagdebt.config.json'))) {
      const { generateCorpus } = await import('./corpus.mjs');
      console.error(`generating a ${files}-file corpus in ${path.relative(REPO, corpus)}`);
      generateCorpus(corpus, { files, linesPerFile: 100, seed: 42 });
    }
  }
  corpus = path.resolve(corpus);
  const targets = [
    { name: 'fixtures/shop', dir: path.join(REPO, 'fixtures/shop') },
    { name: path.relative(REPO, corpus), dir: corpus },
  ];
  const rows = [];
  for (const target of targets) {
    const base = [];
    const withPlugin = [];
    // Not measured: the first lint after a build fills flagdebt's caches (node_modules/.cache/
    // flagdebt), as the first lint on a machine does. FLAGDEBT_COMPILE_CACHE=0 measures without them.
    run(target.dir, false, false);
    run(target.dir, true, false);
    // Interleaved, so machine load drifts affect both sides alike, and in ABBA order (without
    // first in even pairs, with first in odd ones), so a steady drift does not favour one side.
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) {
        base.push(run(target.dir, false, false));
        withPlugin.push(run(target.dir, true, false));
      } else {
        withPlugin.push(run(target.dir, true, false));
        base.push(run(target.dir, false, false));
      }
    }
    const timed = run(target.dir, true, true);
    const flagdebtRuleMs = timed.timing.filter((r) => r.rule.startsWith('flagdebt/')).reduce((s, r) => s + r.ms, 0);
    const allRuleMs = timed.timing.reduce((s, r) => s + r.ms, 0);
    const row = {
      target: target.name,
      files: withPlugin[0].files,
      findings: withPlugin[0].flagdebtProblems,
      baseMs: median(base.map((r) => r.ms)),
      pluginMs: median(withPlugin.map((r) => r.ms)),
      baseCpuMs: median(base.map((r) => r.cpuMs)),
      pluginCpuMs: median(withPlugin.map((r) => r.cpuMs)),
      flagdebtRuleMs,
      allRuleMs,
      perRule: timed.timing.filter((r) => r.rule.startsWith('flagdebt/')),
    };
    row.overhead = ((row.pluginMs - row.baseMs) / row.baseMs) * 100;
    row.cpuOverhead = ((row.pluginCpuMs - row.baseCpuMs) / row.baseCpuMs) * 100;
    // The two runs of a pair are adjacent in time, so a load change on a shared machine moves
    // both: the median of the pairs' differences is steadier than the difference of medians.
    row.pairedOverhead = (median(withPlugin.map((r, i) => r.ms - base[i].ms)) / row.baseMs) * 100;
    row.pairedCpuOverhead = (median(withPlugin.map((r, i) => r.cpuMs - base[i].cpuMs)) / row.baseCpuMs) * 100;
    rows.push(row);
    console.log(`\n${row.target}: ${row.files} files, ${row.findings} flagdebt findings`);
    console.log(`  whole process, median of ${runs}: baseline ${row.baseMs.toFixed(0)} ms, with recommended ${row.pluginMs.toFixed(0)} ms, overhead ${row.overhead.toFixed(1)} %`);
    console.log(`  CPU time (user + system), median of ${runs}: baseline ${row.baseCpuMs.toFixed(0)} ms, with recommended ${row.pluginCpuMs.toFixed(0)} ms, overhead ${row.cpuOverhead.toFixed(1)} %`);
    console.log(`  paired (median of with - without over adjacent runs): wall ${row.pairedOverhead.toFixed(1)} %, CPU ${row.pairedCpuOverhead.toFixed(1)} %`);
    console.log(`  TIMING=all: flagdebt rules ${row.flagdebtRuleMs.toFixed(1)} ms of ${row.allRuleMs.toFixed(1)} ms in all rules`);
    for (const r of row.perRule) console.log(`    ${r.rule.padEnd(28)} ${r.ms.toFixed(1).padStart(9)} ms`);
  }
  if (process.argv.includes('--record')) record(rows, runs);
}

function record(rows, runs) {
  const file = path.join(BENCH, 'RESULTS.md');
  const lines = [
    '',
    `## ESLint plugin (bench/eslint.mjs, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, median of ${runs} fresh processes)`,
    '',
    'Baseline: typescript-eslint parser + @eslint/js recommended. With: baseline + `flagdebt.configs.recommended`. Target: < 10 % added.',
    '',
    '| target | files | findings | wall: baseline / with plugin | wall overhead (paired) | CPU: baseline / with plugin | CPU overhead (paired) | flagdebt rules (TIMING) |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.target} | ${r.files} | ${r.findings} | ${r.baseMs.toFixed(0)} / ${r.pluginMs.toFixed(0)} ms | ${r.overhead.toFixed(1)} % (${r.pairedOverhead.toFixed(1)} %) | ${r.baseCpuMs.toFixed(0)} / ${r.pluginCpuMs.toFixed(0)} ms | ${r.cpuOverhead.toFixed(1)} % (${r.pairedCpuOverhead.toFixed(1)} %) | ${r.flagdebtRuleMs.toFixed(0)} of ${r.allRuleMs.toFixed(0)} ms |`,
    ),
    '',
  ];
  fs.appendFileSync(file, lines.join('\n'));
  console.log(`\nappended to ${path.relative(REPO, file)}`);
}

await main();
