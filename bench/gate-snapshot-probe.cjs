/**
 * Probe (issue 16, speed): how much of the type-check gate's cost a V8 start-up snapshot would
 * save. TypeScript's API cannot store parsed or bound files (no AST serialisation), but Node can
 * snapshot a whole heap: this script, run with --build-snapshot, loads flagdebt's TypeScript and
 * parses and binds the lib files of bench/remove.mjs's tsconfig (a Program of one empty module);
 * the process started from the snapshot checks one file, as the gate's worker does after
 * preparing. Compare with a plain process (`plain` below: TypeScript loaded, libs parsed and bound,
 * the file checked):
 *
 *   node --snapshot-blob /tmp/gate.blob --build-snapshot bench/gate-snapshot-probe.cjs
 *   /usr/bin/time -f '%e s wall, %U+%S s CPU' node --snapshot-blob /tmp/gate.blob <file.tsx>
 *   /usr/bin/time -f '%e s wall, %U+%S s CPU' node bench/gate-snapshot-probe.cjs plain <file.tsx>
 *
 * Not used by flagdebt: a snapshot is only for a process's main thread (not a Worker), must be
 * one script, needs the exact Node build that wrote it, and is experimental in Node 20.
 */
/* global require, process, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- a snapshot's entry is one CommonJS script */
const fs = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');

const entry = path.join(__dirname, '..', 'node_modules', 'typescript', 'lib', 'typescript.js');

/** TypeScript, loaded from its one file (a snapshot's script cannot require files). */
function loadTypeScript() {
  const module = { exports: {} };
  new Function('module', 'exports', 'require', '__filename', '__dirname', fs.readFileSync(entry, 'utf8'))(module, module.exports, require, entry, path.dirname(entry));
  return module.exports;
}

/** A compiler host whose lib files come from `libs` (parsed once, kept). */
function hostOf(ts, options, libs) {
  const host = ts.createCompilerHost(options);
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const read = host.getSourceFile;
  host.getSourceFile = (file, version) => {
    const key = `${file}\0${JSON.stringify(version)}`;
    if (!libs.has(key)) libs.set(key, read.call(host, file, version));
    return libs.get(key);
  };
  return host;
}

function prepare(ts) {
  const options = { strict: true, jsx: ts.JsxEmit.ReactJSX, noEmit: true, skipLibCheck: true };
  const libs = new Map();
  const probe = path.join(require('node:os').tmpdir(), 'flagdebt-gate-probe.ts');
  fs.writeFileSync(probe, 'export {};\n');
  const program = ts.createProgram({ rootNames: [probe], options, host: hostOf(ts, options, libs) });
  program.getTypeChecker();
  return { ts, options, libs, program };
}

function check({ ts, options, libs, program }, file) {
  const started = process.cpuUsage();
  const p = ts.createProgram({ rootNames: [file], options, host: hostOf(ts, options, libs), oldProgram: program });
  const diagnostics = p.getSemanticDiagnostics(p.getSourceFile(file));
  const cpu = process.cpuUsage(started);
  process.stdout.write(`${diagnostics.length} diagnostics; the check took ${Math.round((cpu.user + cpu.system) / 1000)} ms of CPU\n`);
}

if (v8.startupSnapshot?.isBuildingSnapshot()) {
  const prepared = prepare(loadTypeScript());
  v8.startupSnapshot.setDeserializeMainFunction(() => check(prepared, path.resolve(process.argv[process.argv.length - 1])));
} else if (process.argv[2] === 'plain') {
  check(prepare(loadTypeScript()), path.resolve(process.argv[3]));
}
