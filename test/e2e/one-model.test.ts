/**
 * The promise behind the three tools: the scanner, the ESLint plugin and the codemod give one
 * answer to "where does this code read a flag?". Each tool runs its own way over the same
 * fixture projects: the scanner's `scan` (pre-filter, skimming, sealed wrappers), the plugin's
 * per-file analysis inside a real ESLint run (warm-up, per-file pre-filter, typescript-eslint's
 * trees), and the codemod's `findFlagReads` (its own matcher over the project's texts, searched
 * from what can spell the flags it is given). The scanner and the plugin must report the same
 * reads, evaluations and dynamic keys alike; the codemod, asked for every registered flag, the
 * same evaluations of them.
 */
import path from 'node:path';
import { ESLint, type Linter, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { loadProjectModel } from '@flagdebt/core';
import { discoverFiles, diskScanHost } from '@flagdebt/core/files';
import { findFlagReads } from '@flagdebt/codemod';
import { scan } from '@flagdebt/scanner';
// The plugin's shared per-file analysis (what every flagdebt rule judges), from its build.
import { analysisOf } from '../../packages/eslint-plugin/dist/file-analysis.js';
import { REPO, SHOP } from '../helpers.js';

const PROJECTS = [
  SHOP,
  ...['references/storefront', 'references/wrappers', 'references/look-alikes', 'reconciliation/categories', 'reconciliation/staleness'].map((p) =>
    path.join(REPO, 'packages/scanner/test/fixtures', p),
  ),
];

interface Read {
  kind: string;
  flag: string | null;
  file: string;
  line: number;
  column: number;
}

const id = (r: Read) => `${r.file}:${r.line}:${r.column} ${r.kind} ${r.flag ?? '(dynamic)'}`;

async function scannerReads(dir: string, only?: Set<string>): Promise<string[]> {
  const result = await scan({ dir, now: '2026-11-21' });
  return result.references
    .filter((r) => (only ? r.kind === 'evaluation' && only.has(r.flag!) : r.kind !== 'declaration'))
    .map((r) => id(r))
    .sort();
}

function registeredKeys(dir: string): Set<string> {
  return new Set(loadProjectModel(dir).registry.flags.keys());
}

async function codemodReads(dir: string): Promise<string[]> {
  const { config } = loadProjectModel(dir);
  const keys = registeredKeys(dir);
  const reads = await findFlagReads(config, [...keys]);
  return reads
    .filter((r) => r.kind === 'evaluation' && keys.has(r.key!))
    .map((r) => id({ kind: r.kind, flag: r.key, file: rel(dir, r.file), line: r.line, column: r.column }))
    .sort();
}

async function pluginReads(dir: string): Promise<string[]> {
  const { config } = loadProjectModel(dir);
  // ESLint does not read .gitignore files: lint exactly the files the other two tools scan.
  const { files } = await discoverFiles(dir, config, diskScanHost);
  const seen: string[] = [];
  const probe: Rule.RuleModule = {
    create(context) {
      for (const r of analysisOf(context as never).reads) {
        seen.push(id({ kind: r.kind, flag: r.key, file: rel(dir, r.file), line: r.line, column: r.column }));
      }
      return {};
    },
  };
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
        languageOptions: { parser: tseslint.parser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { probe: { rules: { reads: probe } } },
        rules: { 'probe/reads': 'error' },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
    ] as Linter.Config[],
  });
  const results = await eslint.lintFiles(files.filter((f) => /\.[cm]?[jt]sx?$/.test(f)));
  const fatal = results.flatMap((r) => r.messages.filter((m) => m.fatal).map((m) => `${rel(dir, r.filePath)}: ${m.message}`));
  // Files that do not parse are reported by each tool in its own way, and hold no reads.
  expect(fatal.every((m) => /damaged|broken/.test(m)), fatal.join('\n')).toBe(true);
  return seen.sort();
}

function rel(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join('/');
}

describe('scanner, ESLint plugin and codemod report the same reads', () => {
  for (const dir of PROJECTS) {
    it(path.relative(REPO, dir), async () => {
      const scanner = await scannerReads(dir);
      expect(scanner.length).toBeGreaterThan(0);
      expect(await pluginReads(dir)).toEqual(scanner);
      const registered = await scannerReads(dir, registeredKeys(dir));
      expect(registered.length).toBeGreaterThan(0);
      expect(await codemodReads(dir)).toEqual(registered);
    });
  }
});
