#!/usr/bin/env node
/**
 * Compares flagdebt's module resolution with oxc-resolver on a real tree (docs/decisions.md,
 * "Module resolution in monorepos"). oxc-resolver is not a dependency: pass the folder it is
 * installed in (`npm i oxc-resolver` in a scratch folder).
 *
 *   node bench/resolvers.mjs --tree /tmp/flagdebt-realworld/plane-prime-b7416eae98d5 --oxc /tmp/oxc-probe
 *
 * Every import specifier of every source file is resolved by both, fresh, in one process each
 * (ours first); printed: wall time, how many resolve to a project source file (not a
 * declaration file, not under node_modules), and how often both name the same file.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FlagProject, nodeSourceHost, walkFiles } from '../packages/core/dist/bundle/index.js';

const args = process.argv.slice(2);
const arg = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
const tree = path.resolve(arg('--tree') ?? '.');
const oxcDir = arg('--oxc');

const SOURCE = /\.(?:[mc]?[jt]s|[jt]sx)$/;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;
const files = walkFiles(tree, { keep: (n) => SOURCE.test(n) && !n.endsWith('.d.ts'), prune: (rel) => /(^|\/)(dist|build|\.next|coverage)$/.test(rel) });
const pairs = [];
for (const file of files) {
  const text = nodeSourceHost.readFile(file) ?? '';
  for (const m of text.matchAll(SPECIFIER)) pairs.push([file, m[2]]);
}
const isProjectSource = (f) => f !== null && !/\.d\.[cm]?ts$/.test(f) && !f.split(path.sep).includes('node_modules') && SOURCE.test(f);

function timed(label, resolve) {
  const start = performance.now();
  const out = pairs.map(([file, spec]) => resolve(file, spec));
  const ms = performance.now() - start;
  const found = out.filter(isProjectSource).length;
  console.log(`${label.padEnd(14)} ${ms.toFixed(0).padStart(6)} ms  ${found} of ${pairs.length} specifiers to project sources`);
  return out;
}

console.log(`${tree}: ${files.length} source files, ${pairs.length} import specifiers`);
const project = new FlagProject({ root: tree, accessors: [] });
const ours = timed('flagdebt', (file, spec) => project.resolveModule(spec, file));
if (oxcDir) {
  const { ResolverFactory } = createRequire(path.join(path.resolve(oxcDir), 'index.js'))('oxc-resolver');
  const resolver = new ResolverFactory({
    tsconfig: 'auto',
    conditionNames: ['source', 'development', 'types', 'import', 'module', 'default'],
    mainFields: ['source', 'types', 'module', 'main'],
    extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.d.ts'],
    extensionAlias: { '.js': ['.ts', '.tsx', '.js'], '.mjs': ['.mts', '.mjs'], '.cjs': ['.cts', '.cjs'] },
  });
  const theirs = timed('oxc-resolver', (file, spec) => {
    const r = resolver.resolveFileSync(file, spec);
    return r.path ?? null;
  });
  let same = 0;
  let onlyOurs = 0;
  let onlyTheirs = 0;
  for (let i = 0; i < pairs.length; i++) {
    const a = isProjectSource(ours[i]) ? ours[i] : null;
    const b = isProjectSource(theirs[i]) ? theirs[i] : null;
    if (a && b && a === b) same++;
    else if (a && !b) onlyOurs++;
    else if (b && !a) onlyTheirs++;
  }
  console.log(`same file ${same}, only flagdebt ${onlyOurs}, only oxc-resolver ${onlyTheirs}`);
  if (args.includes('--diff')) {
    for (let i = 0, shown = 0; i < pairs.length && shown < 15; i++) {
      const a = isProjectSource(ours[i]) ? ours[i] : null;
      const b = isProjectSource(theirs[i]) ? theirs[i] : null;
      if (a !== b) {
        shown++;
        console.log(`  ${path.relative(tree, pairs[i][0])}: ${pairs[i][1]} -> ${a && path.relative(tree, a)} | ${b && path.relative(tree, b)}`);
      }
    }
  }
}
