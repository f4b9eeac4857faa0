#!/usr/bin/env node
/**
 * Replays real human flag removals (/work/shared/realworld/removals/commits.tsv, Unleash) with
 * `flagdebt remove` and compares with what the human did, on non-test source files:
 *   recall   share of the human's removed lines (trimmed, blank/bracket-only ignored, multiset)
 *            that flagdebt removed too;
 *   extra    share of flagdebt's removed lines that the human kept;
 *   test recall, test extra   the same two over test files (the human's test deletions),
 *            reported apart: the non-test numbers above do not include them;
 *   breakage TypeScript diagnostics on the changed files and their importers present after the
 *            removal and not before (by file, code and message), checked here independently of
 *            the codemod's own gate.
 * Exported trees live under /tmp and are never committed.
 *
 *   npm run build && node bench/replay-removals.mjs [--cli path/to/bin.js] [--only flag] [--registry yaml|code] [--show-missed] [-- extra remove args]
 *
 * --registry yaml (default): a generated flags.yaml lists the one flag. --registry code: the
 * registry is Unleash's own code (the IFlagKey union and the frontend's UiFlags), with a metadata
 * YAML that only gives the flag's state and value.
 * --commits FILE --git-dir DIR --accessors '[...]' replay another repository's commits (same TSV
 * columns) with that project's accessors instead of Unleash's; --registry code is Unleash's only.
 * --accessors-extra '[{"property":"flag"}]' appends accessors to the replay's config (an engineer
 * who configures their route tables, say); the default config is the one every result so far used.
 * --stable-runs runs each commit in the same folder in every replay (`run-<parent>`), so that a
 * second replay starts from what the first left in flagdebt's cache (the gate's start-up snapshot).
 * --show-missed lists, per commit, the human's removed non-test lines that flagdebt kept (by file),
 * flagdebt's removed lines that the human kept, and the new diagnostics, to see what is left to do.
 *
 * Without the project's node_modules, unresolved modules give the same diagnostics before and
 * after, so they cancel out; breakage is then a lower bound of what a full install would show.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const dashdash = args.indexOf('--');
const extra = dashdash === -1 ? [] : args.slice(dashdash + 1);
const own = dashdash === -1 ? args : args.slice(0, dashdash);
const option = (name, fallback) => {
  const i = own.indexOf(`--${name}`);
  return i === -1 ? fallback : own[i + 1];
};
const cli = path.resolve(option('cli', path.join(here, '../packages/cli/dist/bin.js')));
const only = option('only', null);
const showMissed = own.includes('--show-missed');
// The same run folder for a commit in every replay (not one per replay process): a second replay then
// finds what the first left in flagdebt's cache for that project (the gate's start-up snapshot).
const stableRuns = own.includes('--stable-runs');
const accessorsExtra = JSON.parse(option('accessors-extra', '[]'));
// Another repository's commits (--commits, --git-dir) need that project's accessors instead of Unleash's.
const accessorsOwn = option('accessors', null);
const tsv = option('commits', '/work/shared/realworld/removals/commits.tsv');
const gitDir = option('git-dir', '/work/.mirror/Unleash+unleash/repo');
const work = option('work', '/tmp/flagdebt-replay');
const registryMode = option('registry', 'yaml');
if (registryMode !== 'yaml' && registryMode !== 'code') throw new Error('--registry is yaml or code');
const ts = createRequire(import.meta.url)('typescript');

const SOURCE = /\.(ts|tsx|js|jsx|mts|cts)$/;
const TEST = /(^|\/)(__tests__|__mocks__|test|tests|e2e|cypress|testing)\/|\.(test|spec|e2e)\.[cm]?[jt]sx?$|\.snap$/;
const BRACKETS = /^[\s{}()[\];,]*$/;

function git(...a) {
  return execFileSync('git', [`--git-dir=${gitDir}`, ...a], { encoding: 'utf8', maxBuffer: 1 << 30 });
}

/** Exports a commit with ls-tree + cat-file --batch, skipping blobs the snapshot lacks. */
function exportCommit(sha, out) {
  if (fs.existsSync(path.join(out, '.exported'))) return;
  fs.rmSync(out, { recursive: true, force: true });
  const entries = git('ls-tree', '-r', '-z', sha)
    .split('\0')
    .filter(Boolean)
    .map((l) => /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(l))
    .filter((m) => m && m[2] === 'blob' && m[1] !== '120000' && m[1] !== '160000');
  const res = spawnSync('git', [`--git-dir=${gitDir}`, 'cat-file', '--batch'], { input: entries.map((m) => m[3]).join('\n') + '\n', maxBuffer: 2 ** 31 });
  const buf = res.stdout;
  let at = 0;
  for (const m of entries) {
    const nl = buf.indexOf(10, at);
    const header = buf.subarray(at, nl).toString();
    at = nl + 1;
    if (header.endsWith(' missing')) continue;
    const size = Number(header.split(' ')[2]);
    const file = path.join(out, m[4]);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, buf.subarray(at, at + size));
    at += size + 1;
  }
  fs.writeFileSync(path.join(out, '.exported'), sha);
}

function lineBag(lines) {
  const bag = new Map();
  for (const raw of lines) {
    const l = raw.trim();
    if (l === '' || BRACKETS.test(l)) continue;
    bag.set(l, (bag.get(l) ?? 0) + 1);
  }
  return bag;
}
const size = (bag) => [...bag.values()].reduce((a, b) => a + b, 0);
function overlap(a, b) {
  let n = 0;
  for (const [l, k] of a) n += Math.min(k, b.get(l) ?? 0);
  return n;
}

function removedLines(diffText) {
  return diffText.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---')).map((l) => l.slice(1));
}

/**
 * Source files whose content differs between two trees (work is a hard-linked copy: new inode =
 * rewritten): non-test files, or with `tests` the test files only.
 */
function changedFiles(before, after, tests = false) {
  const out = [];
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(before, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== '.git') walk(r);
      } else if (SOURCE.test(e.name) && TEST.test(r) === tests) {
        const a = fs.statSync(path.join(before, r));
        let b;
        try {
          b = fs.statSync(path.join(after, r));
        } catch {
          out.push({ rel: r, deleted: true });
          continue;
        }
        if (a.ino !== b.ino && !fs.readFileSync(path.join(before, r)).equals(fs.readFileSync(path.join(after, r)))) out.push({ rel: r, deleted: false });
      }
    }
  };
  walk('');
  return out;
}

function allSources(root) {
  const out = [];
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== '.git' && e.name !== 'dist' && e.name !== 'build') walk(r);
      } else if (/\.(ts|tsx|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(r);
    }
  };
  walk('');
  return out;
}

function nearestTsconfig(root, rel) {
  for (let d = path.dirname(path.join(root, rel)); d.startsWith(root); d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'tsconfig.json'))) return path.join(d, 'tsconfig.json');
    if (d === root) break;
  }
  return null;
}

/** Files (relative) importing any of `targets` (relative), resolved with the tree's tsconfig options. */
function importersOf(root, targets, sources) {
  const wanted = new Set(targets.map((t) => path.join(root, t).replace(/\.(d\.)?[mc]?[jt]sx?$/, '')));
  const stems = new Set(targets.map((t) => path.basename(t).replace(/\.[^.]+$/, '')).map((s) => (s === 'index' ? null : s)));
  const anyIndex = stems.has(null);
  const out = new Set();
  const options = new Map();
  for (const rel of sources) {
    const file = path.join(root, rel);
    const text = fs.readFileSync(file, 'utf8');
    if (!anyIndex && ![...stems].some((s) => s && text.includes(s))) continue;
    const cfg = nearestTsconfig(root, rel);
    if (!options.has(cfg)) options.set(cfg, cfg ? ts.parseJsonConfigFileContent(ts.readConfigFile(cfg, ts.sys.readFile).config ?? {}, ts.sys, path.dirname(cfg)).options : {});
    for (const imp of ts.preProcessFile(text, true, true).importedFiles) {
      const r = ts.resolveModuleName(imp.fileName, file, options.get(cfg), ts.sys).resolvedModule;
      if (r && wanted.has(r.resolvedFileName.replace(/\.(d\.)?[mc]?[jt]sx?$/, ''))) out.add(rel);
    }
  }
  return [...out];
}

/** Diagnostics of `after` that `before` does not have (as a multiset of keys). */
function newDiagnostics(before, after) {
  const counts = new Map();
  for (const d of before) counts.set(d.key, (counts.get(d.key) ?? 0) + 1);
  const out = [];
  for (const d of after) {
    const n = counts.get(d.key) ?? 0;
    if (n > 0) counts.set(d.key, n - 1);
    else out.push(d);
  }
  return out;
}

/**
 * Diagnostics of `files` (relative) in `root`, one program per nearest tsconfig: `file: TSxxxx: message`.
 * `whole`: each program holds every file of its tsconfig (as the codemod's gate checks), not only
 * `files` and what they import; slower, used to confirm what the quick check flags.
 */
function diagnostics(root, files, whole = false) {
  const groups = new Map();
  for (const rel of files) {
    if (!fs.existsSync(path.join(root, rel)) || !/\.(ts|tsx|mts|cts)$/.test(rel)) continue;
    const cfg = nearestTsconfig(root, rel);
    if (!groups.has(cfg)) groups.set(cfg, []);
    groups.get(cfg).push(path.join(root, rel));
  }
  const out = [];
  for (const [cfg, roots] of groups) {
    const parsed = cfg ? ts.parseJsonConfigFileContent(ts.readConfigFile(cfg, ts.sys.readFile).config ?? {}, ts.sys, path.dirname(cfg)) : { options: {} };
    const rootNames = whole && parsed.fileNames?.length ? [...new Set([...parsed.fileNames, ...roots])] : roots;
    const program = ts.createProgram({ rootNames, options: { ...parsed.options, noEmit: true, skipLibCheck: true, incremental: false, composite: false } });
    for (const f of roots) {
      const sf = program.getSourceFile(f);
      if (!sf) continue;
      for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
        const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
        // Messages may name absolute paths (TS1192 "Module '"/tmp/.../x"' has no default export"):
        // the tree's own folder is left out, so that the same diagnostic before and after compares equal.
        const message = ts.flattenDiagnosticMessageText(d.messageText, '\n').split(root + path.sep).join('');
        out.push({ key: `${path.relative(root, f)}: TS${d.code}: ${message}`, line });
      }
    }
  }
  return out;
}

function registryYaml(flag, value) {
  return `flags:\n  ${flag}:\n    type: release\n    owner: replay\n    created: 2024-01-01\n    expires: 2025-01-01\n    state: complete\n    value: ${value}\n    since: 2025-01-01\n    default: ${!value}\n`;
}

/** The metadata of a code registry: only what the code cannot say (the flag is done, and its value). */
function metadataYaml(flag, value) {
  return `flags:\n  ${flag}:\n    type: release\n    owner: replay\n    created: 2024-01-01\n    expires: 2025-01-01\n    state: complete\n    value: ${value}\n`;
}

const CODE_REGISTRY = { code: ['src/lib/types/experimental.ts#IFlagKey', 'frontend/src/interfaces/uiConfig.ts#UiFlags'], metadata: 'flags.yaml' };

const CONFIG = {
  registry: registryMode === 'code' ? CODE_REGISTRY : 'flags.yaml',
  include: ['**/*.{ts,tsx}'],
  exclude: ['**/node_modules/**', '**/dist/**', '**/build/**'],
  accessors: [
    ...(accessorsOwn === null
      ? [
          { call: 'useUiFlag', keyArg: 0 },
          { call: 'flagResolver.isEnabled', keyArg: 0 },
          { call: 'flagResolver.getVariant', keyArg: 0 },
          { member: 'uiConfig.flags' },
        ]
      : JSON.parse(accessorsOwn)),
    ...accessorsExtra,
  ],
};

const rows = fs.readFileSync(tsv, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
const results = [];
for (const [, parent, commit, flag, direction] of rows) {
  if (only && flag !== only) continue;
  const base = path.join(work, parent.slice(0, 10));
  exportCommit(parent, base);
  const run = path.join(work, stableRuns ? `run-${parent.slice(0, 10)}` : `run-${process.pid}-${parent.slice(0, 10)}`);
  fs.rmSync(run, { recursive: true, force: true });
  execFileSync('cp', ['-al', base, run]);
  for (const name of ['flagdebt.config.json', 'flags.yaml']) fs.rmSync(path.join(run, name), { force: true });
  fs.writeFileSync(path.join(run, 'flagdebt.config.json'), JSON.stringify(CONFIG, null, 2));
  fs.writeFileSync(path.join(run, 'flags.yaml'), registryMode === 'code' ? metadataYaml(flag, direction === 'on') : registryYaml(flag, direction === 'on'));
  const started = Date.now();
  const res = spawnSync(process.execPath, [cli, 'remove', flag, '--dir', run, '--allow-dirty', '--now', '2026-11-21', ...extra], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (Date.now() - started) / 1000;
  const refused = res.status === 2;

  const human = git('diff', '-U0', '--no-color', parent, commit, '--', ...['*.ts', '*.tsx', '*.js', '*.jsx']);
  const humanRemoved = [];
  const humanTestRemoved = [];
  const humanByFile = [];
  let current = null;
  for (const l of human.split('\n')) {
    if (l.startsWith('diff --git')) current = / b\/(.*)$/.exec(l)[1];
    else if (current && l.startsWith('-') && !l.startsWith('---')) {
      if (TEST.test(current)) {
        humanTestRemoved.push(l.slice(1));
      } else {
        humanRemoved.push(l.slice(1));
        humanByFile.push({ file: current, line: l.slice(1) });
      }
    }
  }
  const removedFrom = (files) => {
    const out = [];
    for (const c of files) {
      const d = spawnSync('git', ['diff', '--no-index', '-U0', '--no-color', path.join(base, c.rel), c.deleted ? '/dev/null' : path.join(run, c.rel)], { encoding: 'utf8', maxBuffer: 1 << 28 });
      out.push(...removedLines(d.stdout));
    }
    return out;
  };
  const changed = changedFiles(base, run);
  const oursRemoved = [];
  const oursByFile = [];
  for (const c of changed) {
    const d = spawnSync('git', ['diff', '--no-index', '-U0', '--no-color', path.join(base, c.rel), c.deleted ? '/dev/null' : path.join(run, c.rel)], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const lines = removedLines(d.stdout);
    oursRemoved.push(...lines);
    for (const line of lines) oursByFile.push({ file: c.rel, line });
  }
  const hb = lineBag(humanRemoved);
  const ob = lineBag(oursRemoved);
  const common = overlap(hb, ob);
  const changedTests = changedFiles(base, run, true);
  const thb = lineBag(humanTestRemoved);
  const tob = lineBag(removedFrom(changedTests));
  const testCommon = overlap(thb, tob);

  let broken = [];
  if (changed.length > 0) {
    const sources = allSources(base);
    const targets = changed.map((c) => c.rel);
    const affected = [...new Set([...targets, ...importersOf(base, targets, sources)])];
    broken = newDiagnostics(diagnostics(base, affected), diagnostics(run, affected));
    // A program of only the affected files differs before and after when the removal deleted
    // files (they pulled declarations in before): confirm with whole tsconfig programs.
    if (broken.length > 0) {
      const flagged = [...new Set(broken.map((d) => d.key.slice(0, d.key.indexOf(': TS'))))];
      broken = newDiagnostics(diagnostics(base, flagged, true), diagnostics(run, flagged, true));
    }
  }
  const row = {
    flag,
    exit: res.status,
    refused,
    files: changed.length,
    recall: size(hb) ? common / size(hb) : 1,
    extra: size(ob) ? (size(ob) - common) / size(ob) : 0,
    humanLines: size(hb),
    ourLines: size(ob),
    newDiagnostics: broken.length,
    // Test files: null when the human removed no test line (nothing to recall).
    testRecall: size(thb) ? testCommon / size(thb) : null,
    testExtra: size(tob) ? (size(tob) - testCommon) / size(tob) : 0,
    humanTestLines: size(thb),
    ourTestLines: size(tob),
    seconds,
  };
  results.push(row);
  process.stdout.write(
    `${flag.padEnd(36)} exit ${String(res.status).padEnd(2)} files ${String(row.files).padStart(3)}  recall ${(row.recall * 100).toFixed(0).padStart(3)}%  extra ${(row.extra * 100).toFixed(0).padStart(3)}%  (human ${row.humanLines}, ours ${row.ourLines})  new diagnostics ${row.newDiagnostics}  ` +
      `tests: recall ${row.testRecall === null ? '  -' : `${(row.testRecall * 100).toFixed(0).padStart(3)}%`}  extra ${(row.testExtra * 100).toFixed(0).padStart(3)}%  (human ${row.humanTestLines}, ours ${row.ourTestLines})  ${seconds.toFixed(1)} s\n`,
  );
  if (process.env.REPLAY_VERBOSE) {
    for (const d of broken) process.stdout.write(`    ${d.key.replace(/\n/g, ' ')} (line ${d.line})\n`);
    if (res.status !== 0) process.stdout.write(`    ${res.stderr.split('\n').slice(0, 12).join('\n    ')}\n`);
    // The human's removed lines flagdebt kept, to see what recall misses.
    const left = new Map(ob);
    for (const l of humanRemoved) {
      const t = l.trim();
      if (t === '' || BRACKETS.test(t)) continue;
      const k = left.get(t) ?? 0;
      if (k > 0) left.set(t, k - 1);
      else process.stdout.write(`    kept: ${t}\n`);
    }
    // flagdebt's removed lines the human kept.
    const human = new Map(hb);
    for (const l of oursRemoved) {
      const t = l.trim();
      if (t === '' || BRACKETS.test(t)) continue;
      const k = human.get(t) ?? 0;
      if (k > 0) human.set(t, k - 1);
      else process.stdout.write(`    extra: ${t}\n`);
    }
  }
  if (showMissed) {
    printUnmatched('missed (human removed, flagdebt kept)', humanByFile, ob);
    printUnmatched('extra (flagdebt removed, human kept)', oursByFile, hb);
    for (const d of broken) process.stdout.write(`  new diagnostic: ${d.key.split('\n')[0]}\n`);
  }
  fs.rmSync(run, { recursive: true, force: true });
}

/** Prints the lines of `lines` ({file, line}) not matched by the multiset `other`, grouped by file. */
function printUnmatched(title, lines, other) {
  const left = new Map(other);
  const byFile = new Map();
  for (const { file, line } of lines) {
    const l = line.trim();
    if (l === '' || BRACKETS.test(l)) continue;
    const n = left.get(l) ?? 0;
    if (n > 0) {
      left.set(l, n - 1);
      continue;
    }
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file).push(l);
  }
  if (byFile.size === 0) return;
  process.stdout.write(`  ${title}:\n`);
  for (const [file, ls] of byFile) {
    process.stdout.write(`    ${file}\n`);
    for (const l of ls) process.stdout.write(`      ${l.length > 140 ? l.slice(0, 137) + '...' : l}\n`);
  }
}
const mean = (k) => results.reduce((a, r) => a + r[k], 0) / Math.max(1, results.length);
const withTests = results.filter((r) => r.testRecall !== null);
const testMean = (k) => withTests.reduce((a, r) => a + r[k], 0) / Math.max(1, withTests.length);
process.stdout.write(
  `\n${results.length} commits: mean recall ${(mean('recall') * 100).toFixed(1)}%, mean extra ${(mean('extra') * 100).toFixed(1)}%, ` +
    `${results.filter((r) => r.newDiagnostics > 0).length} with new diagnostics, ${results.filter((r) => r.refused).length} refused (exit 2)\n` +
    `test files (${withTests.length} commits where the human removed test lines): mean recall ${(testMean('testRecall') * 100).toFixed(1)}%, mean extra ${(testMean('testExtra') * 100).toFixed(1)}%\n`,
);
