#!/usr/bin/env node
/**
 * After `tsc -b`: joins the ES modules tsc emitted into bundles, which is what the packages'
 * `exports` name (docs/decisions.md, "Bundles"). Node 20 loads each ES module through its
 * asynchronous loader, and has no compile cache for them:
 *
 * - @flagdebt/core: one ES module per entry point (dist/bundle/index.js, importers.js,
 *   resolve.js, and the chunks they share), for the CLI, the scanner and the codemod.
 * - @flagdebt/scanner: one ES module (dist/bundle/index.js), for the CLI.
 * - @flagdebt/eslint-plugin: the plugin and the core it uses as one CommonJS file
 *   (dist/bundle/plugin.cjs), which a small ES module (dist/bundle/index.js) runs through
 *   core's code cache (code-cache.cts): a lint of a small project spends much of the plugin's
 *   time compiling the plugin's code, which the cache saves from the second run on. Beside it,
 *   dist/bundle/yaml.cjs: the `yaml` package as one file, which that core loads on first use.
 *
 * - @flagdebt/codemod: dist/bundle/gate-snapshot.cjs, the script of the type-check gate's V8
 *   start-up snapshot (safety/gate-snapshot-entry.ts with the gate and core's resolver) as one
 *   CommonJS file, which is what `node --build-snapshot` takes: it cannot load other files. Core's
 *   TypeScript is the one the snapshot reads as a function (`snapshotTypeScript`).
 *
 * The bundles sit one folder below dist/, as tsc's modules in dist/<folder>/ do, so paths made
 * from `import.meta.url` stay right. Package dependencies stay imports; core's CommonJS shims
 * stay separate files (the plugin reaches typescript.cjs as `@flagdebt/core/typescript`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORE_DIST = path.join(REPO, 'packages/core/dist');

/**
 * Bare specifiers (packages, node:) stay imports, but for `inline` ones; core's CommonJS shims
 * stay imports by absolute path (written relative to the bundle by `output.paths`); the plugin
 * reaches typescript.cjs as core's `./typescript` export (`typescriptAsRequired`).
 */
function externals(inline) {
  return {
    name: 'flagdebt-externals',
    resolveId(source, importer) {
      if (inline.includes(source)) return null;
      if (source.startsWith('node:') || (!source.startsWith('.') && !path.isAbsolute(source))) return { id: source, external: true };
      if (!source.endsWith('.cjs') || !importer) return null;
      const file = path.resolve(path.dirname(importer), source);
      if (inline.includes('@flagdebt/core')) return null;
      return { id: file, external: true };
    },
  };
}

/**
 * In the plugin's bundle, core's yaml loader (registry/yaml-module.js) is replaced, through the
 * bundler's `load` hook, by one that loads yaml.cjs (the `yaml` package as one file, beside
 * plugin.cjs) through the code cache: loading the package's 40-odd files one by one cost a first
 * lint ~25 ms. Runs that find config and registry in the model cache still never load it. Fails
 * the build when core no longer has that module.
 */
function yamlFromBundle() {
  const loader = path.join(CORE_DIST, 'registry', 'yaml-module.js');
  let replaced = false;
  return {
    name: 'flagdebt-yaml-from-bundle',
    load(id) {
      if (id !== loader) return null;
      replaced = true;
      return 'export function loadYamlModule() {\n  return require("@flagdebt/core/code-cache").requireWithCodeCache(require("node:path").join(__dirname, "yaml.cjs"));\n}\n';
    },
    buildEnd() {
      if (!replaced) throw new Error(`scripts/bundle.mjs: core's yaml loader ${loader} was not bundled; the plugin would load the yaml package file by file`);
    },
  };
}

/**
 * Core imports `typescript.cjs` as an ES default import. In the plugin's CommonJS bundle that
 * becomes `require('@flagdebt/core/typescript')` handed over as it is (a module of its own that
 * re-exports it as its default): the bundler's interop for an external default import copies
 * every property of the module onto a new object as a getter, ~8 ms at every load for typescript.
 */
function typescriptAsRequired() {
  const id = '\0flagdebt-typescript';
  return {
    name: 'flagdebt-typescript-as-required',
    resolveId(source, importer) {
      // Core from tsc's modules, not from its own bundle, so that its modules can be told apart.
      if (source === '@flagdebt/core') return path.join(CORE_DIST, 'index.js');
      if (!importer || !source.endsWith('typescript.cjs')) return null;
      return path.resolve(path.dirname(importer), source) === path.join(CORE_DIST, 'typescript.cjs') ? id : null;
    },
    load(loaded) {
      return loaded === id ? 'const ts = require("@flagdebt/core/typescript");\nexport default ts;\n' : null;
    },
  };
}

/**
 * In the gate snapshot's bundle, core's modules come from tsc's output (its own bundle is ES
 * modules with chunks), and core's typescript.cjs (a `require('typescript')`) becomes the
 * TypeScript the snapshot's builder names, read and run by snapshot-typescript.ts. Any other
 * file left to `require` at run time would fail the snapshot's build: the build fails here first.
 */
function snapshotTypeScript() {
  const id = '\0flagdebt-snapshot-typescript';
  const loader = path.join(REPO, 'packages/codemod/dist/safety/snapshot-typescript.js');
  return {
    name: 'flagdebt-snapshot-typescript',
    resolveId(source, importer) {
      if (source === '@flagdebt/core/resolve') return path.join(CORE_DIST, 'resolve', 'index.js');
      if (source.startsWith('@flagdebt/')) throw new Error(`scripts/bundle.mjs: the gate snapshot imports ${source}, which it cannot load at run time`);
      if (!importer || !source.endsWith('typescript.cjs')) return null;
      return path.resolve(path.dirname(importer), source) === path.join(CORE_DIST, 'typescript.cjs') ? id : null;
    },
    load(loaded) {
      return loaded === id ? `import { coreTypeScript } from ${JSON.stringify(loader)};\nexport default coreTypeScript();\n` : null;
    },
  };
}

async function bundle({ dir, input, format, inline = [], file, extraPlugins = [], exports = 'default' }) {
  const root = path.join(REPO, dir);
  const out = path.join(root, 'dist/bundle');
  await build({
    input: Object.fromEntries(Object.entries(input).map(([name, rel]) => [name, path.join(root, rel)])),
    platform: 'node',
    // Ours first: they take core's typescript.cjs and yaml loader before `externals` sees them.
    plugins: [...extraPlugins, externals(inline)],
    logLevel: 'warn',
    output: {
      ...(file ? { file: path.join(out, file) } : { dir: out, entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' }),
      format,
      // The plugin's one export is its default: `module.exports = plugin`.
      ...(format === 'cjs' ? { exports } : {}),
      // Every bundle sits in `out`, so a shim's import is its path from there.
      paths: (id) => (path.isAbsolute(id) ? `./${path.relative(out, id).split(path.sep).join('/')}` : id),
    },
  });
}

for (const dir of ['packages/core', 'packages/scanner', 'packages/eslint-plugin', 'packages/codemod']) fs.rmSync(path.join(REPO, dir, 'dist/bundle'), { recursive: true, force: true });

await bundle({ dir: 'packages/core', input: { index: 'dist/index.js', files: 'dist/files/index.js', 'prefetch-worker': 'dist/files/prefetch-worker.js', importers: 'dist/importers/index.js', resolve: 'dist/resolve/index.js' }, format: 'esm' });
// The scanner as one ES module: loading its ~50 modules one by one cost every CLI scan ~30 ms.
await bundle({ dir: 'packages/scanner', input: { index: 'dist/index.js' }, format: 'esm' });
await bundle({ dir: 'packages/eslint-plugin', input: { plugin: 'dist/index.js' }, format: 'cjs', inline: ['@flagdebt/core'], file: 'plugin.cjs', extraPlugins: [typescriptAsRequired(), yamlFromBundle()] });
await bundle({
  dir: 'packages/eslint-plugin',
  input: { yaml: path.relative(path.join(REPO, 'packages/eslint-plugin'), createRequire(path.join(REPO, 'packages/eslint-plugin/package.json')).resolve('yaml')) },
  format: 'cjs',
  inline: ['yaml'],
  file: 'yaml.cjs',
  // A CommonJS entry: `module.exports` is the package's.
  exports: 'auto',
});
await bundle({
  dir: 'packages/codemod',
  input: { 'gate-snapshot': 'dist/safety/gate-snapshot-entry.js' },
  format: 'cjs',
  inline: ['@flagdebt/core/resolve', '@flagdebt/core', 'picomatch'],
  file: 'gate-snapshot.cjs',
  extraPlugins: [snapshotTypeScript()],
  exports: 'auto',
});
fs.writeFileSync(
  path.join(REPO, 'packages/eslint-plugin/dist/bundle/index.js'),
  `// Made by scripts/bundle.mjs: runs plugin.cjs (the plugin and core) through core's code cache.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { requireWithCodeCache } = require('@flagdebt/core/code-cache');

export default requireWithCodeCache(require.resolve('./plugin.cjs'));
`,
);
