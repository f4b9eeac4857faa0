import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { removeFlags } from '../src/index.js';
import { typeErrors } from './support/fixture-cases.js';

/**
 * Fixture projects with their own vitest suite: removed ON and OFF, the result must equal the
 * expected tree, type-check, be a no-op the second time, and the project's own tests must pass.
 */
const SUITES = fileURLToPath(new URL('./fixtures-suites', import.meta.url));
const REPO = fileURLToPath(new URL('../../..', import.meta.url));
/** What the fixture's own test command needs from the repository: vitest and the Node types. */
const LINKED = ['vitest', '@types/node'];

/** Copies of a fixture side by side under one folder, which holds what their test command needs. */
function workspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-suite-'));
  for (const name of LINKED) {
    const link = path.join(root, 'node_modules', name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(REPO, 'node_modules', name), link, 'dir');
  }
  return root;
}

function readTree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, readTree(path.join(dir, entry.name), rel));
    else out[rel] = fs.readFileSync(path.join(dir, entry.name), 'utf8');
  }
  return out;
}

/**
 * The projects' own test command, `vitest run` with each project's vitest.config.mjs, in one child
 * process for all of them (a vitest start costs seconds): each project is one entry of `projects`.
 */
function projectTests(root: string, projects: string[]): { code: number | null; output: string; files: Record<string, string[]> } {
  const config = path.join(root, 'vitest.workspace.mjs');
  fs.writeFileSync(config, `export default { test: { projects: ${JSON.stringify(projects.map((p) => `./${p}/vitest.config.mjs`))}, reporters: ['json'], outputFile: 'results.json' } };\n`);
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_OPTIONS' && k !== 'TEST'));
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', config, '--root', root], { cwd: root, env: { ...env, CI: '1', NO_COLOR: '1' }, encoding: 'utf8' });
  const files: Record<string, string[]> = {};
  const results = path.join(root, 'results.json');
  if (fs.existsSync(results)) {
    const json = JSON.parse(fs.readFileSync(results, 'utf8')) as { testResults: Array<{ name: string; status: string }> };
    for (const r of json.testResults) {
      const [project, ...rest] = path.relative(root, r.name).split(path.sep);
      (files[project] ??= []).push(`${rest.join('/')}: ${r.status}`);
    }
  }
  return { code: run.status, output: `${run.stdout}${run.stderr}`, files };
}

/** The registry is archived by the run: compared apart from the code. */
const withoutRegistry = (tree: Record<string, string>) => Object.fromEntries(Object.entries(tree).filter(([f]) => f !== 'flags.yaml'));

describe('tests of the dead side, in projects with their own vitest suite', () => {
  for (const name of fs.readdirSync(SUITES).sort()) {
    const dir = path.join(SUITES, name);
    it(`${name}: the suite passes before, and ON and OFF after the removal (which type-checks and is idempotent)`, async () => {
      const root = workspace();
      fs.cpSync(path.join(dir, 'input'), path.join(root, 'before'), { recursive: true });
      for (const mode of ['on', 'off'] as const) {
        const project = path.join(root, mode);
        fs.cpSync(path.join(dir, 'input'), project, { recursive: true });
        const flags = [{ key: 'new-checkout', value: mode === 'on' }];
        await removeFlags({ dir: project, flags, allowDirty: true, now: '2026-11-21' });
        expect(withoutRegistry(readTree(project))).toEqual(withoutRegistry(readTree(path.join(dir, `output.${mode}`))));
        expect(typeErrors(project)).toEqual([]);
        const second = await removeFlags({ dir: project, flags, allowDirty: true, now: '2026-11-21' });
        expect([...second.changed, ...second.deleted].map((c) => c.relative)).toEqual([]);
      }
      const run = projectTests(root, ['before', 'on', 'off']);
      expect(run.code, run.output).toBe(0);
      // Every test file that is left ran and passed, in each copy.
      for (const mode of ['before', 'on', 'off']) {
        const expected = Object.keys(readTree(path.join(root, mode))).filter((f) => f.endsWith('.test.ts')).sort();
        expect((run.files[mode] ?? []).sort(), mode).toEqual(expected.map((f) => `${f}: passed`));
      }
      // Two removals with the gate, two type-checks that load vitest's types, one vitest start:
      // about 8 s at a load of 2, beyond the default minute on a machine loaded 15-fold.
    }, 240_000);
  }
});
