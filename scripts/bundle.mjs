#!/usr/bin/env node
/**
 * After `tsc -b`: joins the ES modules tsc emitted for @flagdebt/core and
 * @flagdebt/eslint-plugin into one module per entry point (dist/bundle/), which is what their
 * package.json `exports` name. Node 20 loads each ES module through its asynchronous loader;
 * the ~75 modules of core and the plugin cost ESLint ~45 ms to load, the bundles ~18 ms
 * (docs/decisions.md). The modules keep their layout depth (dist/bundle/x.js sits where
 * dist/config/x.js did), so `import.meta.url`-relative paths stay right; the CommonJS shims
 * (typescript.cjs, cache-folder.cjs) stay separate files, and every package dependency stays
 * an import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Bare specifiers (packages, node:) are left as imports, and so are the CommonJS shims: those
 * by absolute path, written relative to the bundle (`output.paths`).
 */
const externals = {
  name: 'flagdebt-externals',
  resolveId(source, importer) {
    if (source.startsWith('node:') || (!source.startsWith('.') && !path.isAbsolute(source))) return { id: source, external: true };
    if (source.endsWith('.cjs') && importer) return { id: path.resolve(path.dirname(importer), source), external: true };
    return null;
  },
};

const PACKAGES = [
  { dir: 'packages/core', input: { index: 'dist/index.js', importers: 'dist/importers/index.js' } },
  { dir: 'packages/eslint-plugin', input: { index: 'dist/index.js' } },
];

for (const pkg of PACKAGES) {
  const dir = path.join(REPO, pkg.dir);
  const out = path.join(dir, 'dist/bundle');
  fs.rmSync(out, { recursive: true, force: true });
  const input = Object.fromEntries(Object.entries(pkg.input).map(([name, file]) => [name, path.join(dir, file)]));
  await build({
    input,
    platform: 'node',
    plugins: [externals],
    logLevel: 'warn',
    output: {
      dir: out,
      format: 'esm',
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
      // Every bundle sits in `out`, so a shim's import is its path from there.
      paths: (id) => (path.isAbsolute(id) ? `./${path.relative(out, id).split(path.sep).join('/')}` : id),
    },
  });
}
