/**
 * The read shapes of issue 15 (typed key objects, options objects, arrays of keys, class method,
 * async and guarded wrappers, result reads, CommonJS requires) are taught once, in core. This
 * checks that the three tools built on it agree on core's fixture projects: every evaluation the
 * scanner reports is one the ESLint plugin reports (`ready-to-remove`: all their flags are
 * complete) and one the codemod counts (or refuses, for a key in an array of keys), and every
 * dynamic read is one `static-key` reports.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import flagdebt from '@flagdebt/eslint-plugin';
import { FlagProject, loadConfig, walkFiles } from '@flagdebt/core';
import { removeFlags } from '@flagdebt/codemod';
import { scan } from '@flagdebt/scanner';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';

const FIXTURES = path.join(REPO, 'packages/core/test/fixtures/matching');
const NOW = '2026-11-21';
const PROJECTS = ['typed-key-objects', 'options-keys', 'method-wrappers', 'server-wrappers', 'result-reads', 'sdk-getters', 'namespace-wrappers'];

async function lint(dir: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx,js}'], languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
      { files: ['**/*.{ts,tsx,js}'], plugins: { flagdebt }, rules: { 'flagdebt/ready-to-remove': 'error', 'flagdebt/static-key': 'error' } },
      { settings: { flagdebt: { now: NOW } } },
    ],
  });
  const out: string[] = [];
  for (const result of await eslint.lintFiles(['src'])) {
    const file = path.relative(dir, result.filePath).split(path.sep).join('/');
    for (const m of result.messages) {
      if (m.fatal) out.push(`${file}: fatal ${m.message}`);
      else if (m.ruleId === 'flagdebt/ready-to-remove') out.push(`${file}:${m.line}:${m.column} ${/Flag "([^"]+)"/.exec(m.message)?.[1]}`);
      else if (m.ruleId === 'flagdebt/static-key') out.push(`${file}:${m.line} dynamic`);
    }
  }
  return out.sort();
}

describe.each(PROJECTS)('scanner, ESLint plugin and codemod agree on %s', (name) => {
  const dir = path.join(FIXTURES, name);

  it('reports the same reads', async () => {
    const result = await scan({ dir, now: NOW });
    const scanned = result.references
      .filter((r) => r.kind !== 'declaration')
      .map((r) => (r.kind === 'dynamic' ? `${r.file}:${r.line} dynamic` : `${r.file}:${r.line}:${r.column} ${r.flag}`))
      .sort();
    expect(scanned.length).toBeGreaterThan(2);
    expect(await lint(dir)).toEqual(scanned);

    // Core alone, every file parsed and searched for wrappers first: the scanner's pre-filter and
    // skimming must not lose a read of the new shapes.
    const config = loadConfig(path.join(dir, 'flagdebt.config.json'));
    const project = new FlagProject({ root: dir, accessors: config.accessors });
    const files = walkFiles(path.join(dir, 'src'), { keep: (name: string) => /\.(?:tsx?|js)$/.test(name) });
    project.discoverWrappers(files);
    const direct = files
      .flatMap((f) => project.readsIn(f))
      .map((r) => {
        const file = path.relative(dir, r.file).split(path.sep).join('/');
        return r.kind === 'dynamic' ? `${file}:${r.line} dynamic` : `${file}:${r.line}:${r.column} ${r.key}`;
      })
      .sort();
    expect(direct).toEqual(scanned);

    const evaluations = new Map<string, number>();
    for (const r of result.references) if (r.kind === 'evaluation') evaluations.set(r.flag!, (evaluations.get(r.flag!) ?? 0) + 1);
    for (const [key, count] of evaluations) {
      // Which reads the codemod counts, not whether the result type-checks (the gate has its own tests).
      const removal = await removeFlags({ dir, flags: [{ key }], dryRun: true, now: NOW, verify: false });
      // Reads the codemod finds but leaves in place, each with a warning: one key of several, or a
      // read that is not a plain value (an object, a callback's subscription).
      const refused = removal.warnings.filter((w) => w.code === 'remove/shared-read' || w.code === 'remove/not-a-value').length;
      expect({ key, reads: removal.flags[0].evaluations + refused }).toEqual({ key, reads: count });
    }
  });
});
