/**
 * Every bug the fuzzer finds is kept as a case folder under test/fuzz/regressions/<name>/:
 *   case.json   { description, status, kind, keyStyle, target, flag, value, found }
 *   program.ts(x)  the minimized program (it imports the generated support files)
 * The quick run replays them all. `status: "fixed"` cases must pass (a fixed bug stays fixed);
 * `status: "open"` cases are bugs reported to the package owner and not fixed yet: they are
 * replayed and listed, and become enforced when their status is flipped to "fixed".
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TARGET } from './generator.mjs';
import { flagKey } from './printer.mjs';
import { programPath, programText } from './project.mjs';

export const REGRESSIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'regressions');

export function loadRegressions(dir = REGRESSIONS_DIR) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const folder = join(dir, e.name);
      const meta = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8'));
      const tsx = existsSync(join(folder, 'program.tsx'));
      const source = readFileSync(join(folder, tsx ? 'program.tsx' : 'program.ts'), 'utf8');
      return { name: e.name, ...meta, world: { keyStyle: meta.keyStyle, target: meta.target ?? 'boolean' }, program: { source, tsx, seed: `regression:${e.name}` } };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Writes a minimized failure as a new case; returns its folder. */
export function saveRegression(failure, { name, description, found }, dir = REGRESSIONS_DIR) {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  const meta = { description, status: 'open', kind: failure.kind, keyStyle: failure.world.keyStyle, target: failure.world.target ?? 'boolean', flag: flagKey(failure.world, TARGET), value: failure.value, found, detail: failure.detail };
  writeFileSync(join(folder, 'case.json'), `${JSON.stringify(meta, null, 2)}\n`);
  const file = programPath(0, failure.program).endsWith('.tsx') ? 'program.tsx' : 'program.ts';
  writeFileSync(join(folder, file), programText(failure.program, failure.world));
  return folder;
}
