import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import type { FlagValue } from '@flagdebt/core';
import { removeFlags, type RemovalResult } from '../../src/index.js';
import { syntaxErrors } from '../../src/safety/parse-check.js';

/**
 * jscodeshift-style cases: `<case>/input.tsx` (or an `input/` tree) is removed with the flag kept
 * ON and OFF and compared with `output.on.tsx` / `output.off.tsx` (or the `output.on/` tree).
 * Every case runs twice; the second run must change nothing, and every result must parse.
 * Shared `flagdebt.config.json` and `flags.yaml` sit in the fixtures root; a case may override them.
 */
interface CaseSpec {
  flag: string;
  on: FlagValue;
  off: FlagValue;
}

const SHARED = ['flagdebt.config.json', 'flags.yaml'];

export function runFixtureCases(root: string): void {
  for (const name of fs.readdirSync(root).sort()) {
    const dir = path.join(root, name);
    if (!fs.statSync(dir).isDirectory()) continue;
    const spec: CaseSpec = { flag: 'new-checkout', on: true, off: false, ...readJson(path.join(dir, 'case.json')) };
    for (const mode of ['on', 'off'] as const) {
      it(`${name} (kept ${mode.toUpperCase()})`, async () => {
        const project = setUp(root, dir);
        const flags = [{ key: spec.flag, value: spec[mode] }];
        const first = await removeFlags({ dir: project, flags, allowDirty: true, now: '2026-11-21' });
        expect(treeOf(project)).toEqual(expectedTree(dir, mode));
        for (const c of first.changed) expect(syntaxErrors(c.path, c.relative, c.after)).toEqual([]);
        // A case with a tsconfig must still compile after the removal (tsc --noEmit on the output).
        if (fs.existsSync(path.join(project, 'tsconfig.json'))) expect(typeErrors(project)).toEqual([]);
        const second = await removeFlags({ dir: project, flags, allowDirty: true, now: '2026-11-21' });
        expect(summary(second)).toEqual({ changed: [], deleted: [], registry: null });
      });
    }
  }
}

/**
 * TypeScript's own lib files (lib.es2022.d.ts and the files it references), parsed once per test
 * worker: every case checks its output with them, and parsing them again was a tenth of the suite.
 * They never change; a project's own files are always read afresh.
 */
const libFiles = new Map<string, ts.SourceFile>();
const LIB_DIR = path.dirname(ts.getDefaultLibFilePath({}));

/** `tsc --noEmit -p` on a project, through the API (the same diagnostics, without a process). */
export function typeErrors(project: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(project, 'tsconfig.json'), { noEmit: true }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) return ['tsconfig.json does not parse'];
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (path.dirname(fileName) !== LIB_DIR) return getSourceFile(fileName, languageVersion, onError, shouldCreate);
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    let sf = libFiles.get(key);
    if (!sf) {
      sf = getSourceFile(fileName, languageVersion, onError, shouldCreate);
      if (sf) libFiles.set(key, sf);
    }
    return sf;
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? path.relative(project, d.file.fileName) : ''}: TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

export function setUp(root: string, caseDir: string): string {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-codemod-'));
  for (const f of SHARED) {
    const own = path.join(caseDir, f);
    fs.copyFileSync(fs.existsSync(own) ? own : path.join(root, f), path.join(project, f));
  }
  const tree = path.join(caseDir, 'input');
  if (fs.existsSync(tree)) fs.cpSync(tree, project, { recursive: true });
  else fs.copyFileSync(path.join(caseDir, 'input.tsx'), path.join(project, 'input.tsx'));
  return project;
}

function expectedTree(caseDir: string, mode: 'on' | 'off'): Record<string, string> {
  const tree = path.join(caseDir, `output.${mode}`);
  if (fs.existsSync(tree)) return readTree(tree);
  return { 'input.tsx': fs.readFileSync(path.join(caseDir, `output.${mode}.tsx`), 'utf8') };
}

/** The project's code files after the run (config and registry are checked elsewhere). */
function treeOf(project: string): Record<string, string> {
  const all = readTree(project);
  for (const f of SHARED) delete all[f];
  return all;
}

function readTree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, readTree(path.join(dir, entry.name), rel));
    else out[rel] = fs.readFileSync(path.join(dir, entry.name), 'utf8');
  }
  return out;
}

function readJson(file: string): Partial<CaseSpec> {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CaseSpec>) : {};
}

function summary(r: RemovalResult) {
  return { changed: r.changed.map((c) => c.relative), deleted: r.deleted.map((d) => d.relative), registry: r.registry?.relative ?? null };
}
