import fs from 'node:fs';
import path from 'node:path';

/**
 * A stand-in `prettier` package for a fixture's node_modules: it reads the project's `.prettierrc`
 * through `resolveConfig` (so options must be passed through), honours the ignore files handed to
 * `getFileInfo`, and joins a `name =` line with its continuation when the result fits `printWidth`,
 * the reflow a real Prettier does. It stamps `@formatted-by` so a test can tell whose copy ran, and
 * throws on a file containing `FORMAT_FAIL`.
 */
const FAKE_PRETTIER = String.raw`'use strict';
const fs = require('node:fs');
const path = require('node:path');

function findUp(dir, name) {
  for (;;) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

exports.resolveConfig = async function resolveConfig(file) {
  const rc = findUp(path.dirname(file), '.prettierrc');
  return rc ? JSON.parse(fs.readFileSync(rc, 'utf8')) : null;
};

exports.getFileInfo = async function getFileInfo(file, options) {
  const ignored = (options && options.ignorePath ? [].concat(options.ignorePath) : [])
    .flatMap((f) => fs.readFileSync(f, 'utf8').split('\n'))
    .some((line) => line.trim() !== '' && file.endsWith(line.trim()));
  return { ignored, inferredParser: /\.[cm]?[jt]sx?$/.test(file) ? 'typescript' : null };
};

exports.format = async function format(text, options) {
  if (text.includes('FORMAT_FAIL')) throw new SyntaxError('Unexpected token (3:7)');
  const width = options.printWidth || 80;
  const joined = text.replace(/^([ \t]*[^\n]*=)\n[ \t]+([^\n]*)$/gm, (all, head, tail) => (head.length + 1 + tail.length <= width ? head + ' ' + tail : all));
  const stamp = '// @formatted-by fake-prettier ' + (options.semi === false ? 'nosemi' : 'semi') + '\n';
  return joined.startsWith(stamp) ? joined : stamp + joined;
};
`;

/** A stand-in `@biomejs/biome` bin: formats stdin the same way, or fails on `FORMAT_FAIL`. */
const FAKE_BIOME = String.raw`#!/usr/bin/env node
'use strict';
const args = process.argv.slice(2);
const file = (args.find((a) => a.startsWith('--stdin-file-path=')) || '').slice('--stdin-file-path='.length);
let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => (text += c));
process.stdin.on('end', () => {
  if (args[0] !== 'format' || !file) {
    process.stderr.write('usage: biome format --stdin-file-path=FILE\n');
    process.exit(1);
  }
  if (text.includes('FORMAT_FAIL')) {
    process.stderr.write(file + ':3:7 parse ━━━ Expected an expression\n');
    process.exit(1);
  }
  const joined = text.replace(/^([ \t]*[^\n]*=)\n[ \t]+([^\n]*)$/gm, '$1 $2');
  const stamp = '// @formatted-by fake-biome\n';
  process.stdout.write(joined.startsWith(stamp) ? joined : stamp + joined);
});
`;

export function installFakePrettier(project: string): void {
  const dir = path.join(project, 'node_modules', 'prettier');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'prettier', version: '3.9.9-fake', main: 'index.js' }, null, 2));
  fs.writeFileSync(path.join(dir, 'index.js'), FAKE_PRETTIER);
}

export function installFakeBiome(project: string): void {
  const dir = path.join(project, 'node_modules', '@biomejs', 'biome');
  fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: '@biomejs/biome', version: '2.9.9-fake', bin: { biome: 'bin/biome' } }, null, 2));
  fs.writeFileSync(path.join(dir, 'bin', 'biome'), FAKE_BIOME, { mode: 0o755 });
}
