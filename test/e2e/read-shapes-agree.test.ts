/**
 * The plugin sees the read shapes of issue 15 (JSX gates, flag containers, keys in data) where
 * the scanner does: every flag of these fixtures is complete, so `ready-to-remove` reports each
 * evaluation, and `static-key` each dynamic read, at the same line and column as the scan.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { scan } from '@flagdebt/scanner';
import { describe, expect, it } from 'vitest';
import plugin from '@flagdebt/eslint-plugin';

const NOW = '2026-11-21';
const SCANNER_FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/scanner/test/fixtures/references');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

function lintProject(root: string): string[] {
  const linter = new Linter({ cwd: root });
  const config: Linter.Config[] = [
    { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    { plugins: { flagdebt: plugin }, rules: { 'flagdebt/ready-to-remove': 'error', 'flagdebt/static-key': 'error' } },
    { settings: { flagdebt: { now: NOW } } },
  ];
  const found: string[] = [];
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    for (const m of linter.verify(fs.readFileSync(file, 'utf8'), config, { filename: file })) {
      if (m.ruleId === 'flagdebt/ready-to-remove') found.push(`${rel}:${m.line}:${m.column} evaluation`);
      else if (m.ruleId === 'flagdebt/static-key') found.push(`${rel}:${m.line} dynamic`);
      else throw new Error(`${rel}:${m.line}: ${m.message}`);
    }
  }
  return found.sort();
}

describe.each(['jsx-gates', 'flag-containers', 'data-keys'])('the plugin and the scanner agree on %s', (name) => {
  it('reports the same reads', async () => {
    const root = path.join(SCANNER_FIXTURES, name);
    const result = await scan({ dir: root, now: NOW });
    const scanned = result.references
      .filter((r) => r.kind !== 'declaration')
      .map((r) => (r.kind === 'evaluation' ? `${r.file}:${r.line}:${r.column} evaluation` : `${r.file}:${r.line} dynamic`))
      .sort();
    expect(scanned.length).toBeGreaterThan(2);
    expect(lintProject(root)).toEqual(scanned);
  });
});
