/**
 * README.md's rules table and each rule doc's header are generated from rule metadata by
 * eslint-doc-generator (config: .eslint-doc-generatorrc.js). `--check` fails when they are out
 * of date; fix with `npm run docs -w @flagdebt/eslint-plugin` after building the plugin.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GENERATOR = path.resolve(PACKAGE, '../../node_modules/eslint-doc-generator/dist/bin/eslint-doc-generator.js');

it('README.md and the rule docs match the rule metadata (eslint-doc-generator --check)', () => {
  const run = spawnSync(process.execPath, [GENERATOR, '--check'], { cwd: PACKAGE, encoding: 'utf8' });
  expect(run.stdout + run.stderr).toBe('');
  expect(run.status).toBe(0);
});
