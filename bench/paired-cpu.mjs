#!/usr/bin/env node
/**
 * Paired, interleaved timing of shell commands (ABAB...): median wall and CPU (user + sys, from
 * GNU time) per label. On a shared machine CPU is the steadier number.
 *
 *   node bench/paired-cpu.mjs ROUNDS 'label=command' 'label=command' ...
 *   node bench/paired-cpu.mjs 8 'base=node ../base/packages/cli/dist/bin.js scan /tmp/x --format json' 'new=node packages/cli/dist/bin.js scan /tmp/x --format json'
 */
import { execSync } from 'node:child_process';

const [rounds, ...specs] = process.argv.slice(2);
if (!(Number(rounds) > 0) || specs.length === 0 || specs.some((s) => !s.includes('='))) {
  process.stderr.write("usage: node bench/paired-cpu.mjs ROUNDS 'label=command' ...\n");
  process.exit(2);
}
const results = new Map();
for (let r = 0; r < Number(rounds); r++) {
  for (const spec of specs) {
    const i = spec.indexOf('=');
    const label = spec.slice(0, i);
    const command = spec.slice(i + 1).replace(/'/g, "'\\''");
    const out = execSync(`/usr/bin/time -f '%e %U %S' bash -c '${command} >/dev/null' 2>&1 | tail -1`, { encoding: 'utf8' });
    const [wall, user, sys] = out.trim().split(' ').map(Number);
    results.set(label, [...(results.get(label) ?? []), { wall, cpu: user + sys }]);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [label, runs] of results) {
  const cpu = runs.map((x) => x.cpu);
  console.log(`${label.padEnd(12)} wall ${median(runs.map((x) => x.wall)).toFixed(2)} s  cpu ${median(cpu).toFixed(2)} s  (cpu: ${cpu.map((c) => c.toFixed(2)).join(' ')})`);
}
