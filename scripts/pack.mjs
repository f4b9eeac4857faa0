#!/usr/bin/env node
/**
 * `npm run pack` (after `npm run build`): the installable tarballs, in dist/ at the repository root.
 *
 * - dist/flagdebt-<version>.tgz: the CLI, with @flagdebt/core, scanner and codemod inside it.
 * - dist/flagdebt-eslint-plugin-<version>.tgz: the plugin, with @flagdebt/core inside it.
 *
 * The internal packages are not on npm, so each tarball carries the ones it needs in vendor/
 * (vendor/@flagdebt/<name>/: package.json and its published files), and the imports of them, in
 * the JavaScript and the type declarations, are rewritten to relative paths into vendor/.
 * (bundleDependencies would keep the imports, but npm then leaves empty folders for the
 * package's own nested dependencies: with eslint beside it, `ignore` 7 nests under flagdebt and
 * arrived empty.) Their npm dependencies (typescript, ts-morph, yaml, ...) become dependencies of
 * the tarball's package, with the exact pins the workspace uses, so `npm i` installs them beside
 * it and the vendored packages find them up the tree. Each package is staged in a temporary
 * folder with a package.json made for publishing (no workspace links, no scripts), and packed
 * there with `npm pack`.
 *
 * Prints the tarballs' paths, one a line. `--out DIR` packs somewhere else.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(REPO, 'dist');

/** Workspace packages by npm name. */
const workspace = new Map(
  ['core', 'scanner', 'codemod', 'eslint-plugin', 'cli'].map((dir) => {
    const root = path.join(REPO, 'packages', dir);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    return [manifest.name, { root, manifest }];
  }),
);

/** The internal packages `name` needs, directly or through each other. */
function internalClosure(name, seen = new Set()) {
  for (const dep of Object.keys(workspace.get(name).manifest.dependencies ?? {})) {
    if (workspace.has(dep) && !seen.has(dep)) {
      seen.add(dep);
      internalClosure(dep, seen);
    }
  }
  return seen;
}

/** Copies what `npm pack` would publish of a workspace package: package.json and its `files`. */
function copyPackageFiles(from, manifest, to) {
  fs.mkdirSync(to, { recursive: true });
  fs.copyFileSync(path.join(from, 'package.json'), path.join(to, 'package.json'));
  for (const entry of manifest.files ?? []) {
    const source = path.join(from, entry);
    if (!fs.existsSync(source)) continue;
    // Build bookkeeping is no use to an installed package.
    fs.cpSync(source, path.join(to, entry), { recursive: true, filter: (file) => !file.endsWith('.tsbuildinfo') });
  }
}

function stage(name, extraFiles) {
  const { root, manifest } = workspace.get(name);
  if (!fs.existsSync(path.join(root, 'dist'))) throw new Error(`scripts/pack.mjs: ${name} is not built: run \`npm run build\` first`);
  const bundled = [...internalClosure(name)].sort();
  const dependencies = {};
  const addDependency = (dep, version, from) => {
    if (workspace.has(dep)) return;
    if (dependencies[dep] !== undefined && dependencies[dep] !== version) {
      throw new Error(`scripts/pack.mjs: ${from} needs ${dep}@${version}, another package needs ${dep}@${dependencies[dep]}: align the pins`);
    }
    dependencies[dep] = version;
  };
  for (const pkg of [name, ...bundled]) {
    for (const [dep, version] of Object.entries(workspace.get(pkg).manifest.dependencies ?? {})) addDependency(dep, version, pkg);
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-pack-'));
  const staged = path.join(dir, 'package');
  copyPackageFiles(root, manifest, staged);
  for (const dep of bundled) copyPackageFiles(workspace.get(dep).root, workspace.get(dep).manifest, path.join(staged, 'vendor', dep));
  for (const [file, source] of Object.entries(extraFiles)) fs.copyFileSync(source, path.join(staged, file));
  rewriteImports(staged, bundled);

  const published = { ...manifest, dependencies: sortKeys(dependencies) };
  published.files = [...new Set([...(manifest.files ?? []), ...(bundled.length > 0 ? ['vendor'] : []), ...Object.keys(extraFiles)])];
  delete published.scripts;
  delete published.devDependencies;
  fs.writeFileSync(path.join(staged, 'package.json'), `${JSON.stringify(published, null, 2)}\n`);
  return { dir, staged };
}

const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)(['"])(@flagdebt\/[a-z-]+)(\/[a-z-]+)?\2/g;

/**
 * Points every import of a vendored package, in every staged .js/.cjs/.d.ts/.d.cts file, at the
 * file its `exports` names (`default` for code, `types` for declarations), by relative path.
 */
function rewriteImports(staged, bundled) {
  const vendored = new Set(bundled);
  let rewritten = 0;
  for (const file of fs.readdirSync(staged, { recursive: true, encoding: 'utf8' })) {
    const declaration = /\.d\.c?ts$/.test(file);
    if (!declaration && !/\.c?js$/.test(file)) continue;
    if (file.split(path.sep).includes('node_modules')) continue;
    const absolute = path.join(staged, file);
    const code = fs.readFileSync(absolute, 'utf8');
    const next = code.replace(SPECIFIER, (whole, prefix, quote, name, subpath = '') => {
      if (!vendored.has(name)) return whole;
      const { manifest } = workspace.get(name);
      const entry = manifest.exports?.[`.${subpath}`];
      // Declarations import a declaration by its module's name (`x.d.ts` as `x.js`).
      const target = (typeof entry === 'string' ? entry : entry?.[declaration ? 'types' : 'default'])?.replace(/\.d\.(c?)ts$/, '.$1js');
      if (!target) throw new Error(`scripts/pack.mjs: ${file} imports ${name}${subpath}, which ${name} does not export`);
      let relative = path.relative(path.dirname(absolute), path.join(staged, 'vendor', name, target)).split(path.sep).join('/');
      if (!relative.startsWith('.')) relative = `./${relative}`;
      rewritten++;
      return `${prefix}${quote}${relative}${quote}`;
    });
    if (next !== code) fs.writeFileSync(absolute, next);
  }
  if (bundled.length > 0 && rewritten === 0) throw new Error('scripts/pack.mjs: found no imports of the vendored packages to rewrite');
}

function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}

function pack(name, extraFiles) {
  const { dir, staged } = stage(name, extraFiles);
  try {
    const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', OUT], {
      cwd: staged,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [{ filename }] = JSON.parse(out);
    return path.join(OUT, filename);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

fs.mkdirSync(OUT, { recursive: true });
const license = path.join(REPO, 'LICENSE');
const tarballs = [
  pack('flagdebt', { 'README.md': path.join(REPO, 'README.md'), LICENSE: license }),
  pack('@flagdebt/eslint-plugin', { LICENSE: license }),
];
for (const tarball of tarballs) process.stdout.write(`${tarball}\n`);
