import path from 'node:path';
import { FlagdebtError, FlagProject, type Diagnostic, type FlagdebtConfig, type FlagValue, type Span } from '@flagdebt/core';
import { findCandidateFiles } from '@flagdebt/scanner';
import { deleteWhatBecameUnused } from '../cascade/dead-code.js';
import { EntryPoints } from '../cascade/entry-points.js';
import { deleteKeyDeclarations } from '../cascade/key-declarations.js';
import type { TextFormat } from '../edit/text-format.js';
import { OverlappingEditsError } from '../edit/text-edits.js';
import { foldEvaluations } from '../fold/fold-engine.js';
import { syntaxErrors } from '../safety/parse-check.js';
import type { ResolvedFlag } from './flag-values.js';
import { SourceSet } from './source-set.js';
import { UnanalysedFiles } from './unanalysed-files.js';

/** What the run would do to the code, computed in memory (texts normalised to LF, no BOM). */
export interface RemovalPlan {
  sources: SourceSet;
  formats: Map<string, TextFormat>;
  evaluations: Map<string, number>;
  declarationsDeleted: number;
  deletedFiles: string[];
  project: FlagProject;
  /** Files that mention a flag but were skipped (they do not parse, or are too large or deep). */
  warnings: Diagnostic[];
  /** Keys still read in a skipped file: their registry entries must not be archived. */
  keptInRegistry: Set<string>;
}

export async function planRemoval(config: FlagdebtConfig, flags: ResolvedFlag[]): Promise<RemovalPlan> {
  const sources = new SourceSet();
  const project = new FlagProject({
    root: config.root,
    accessors: config.accessors,
    host: { readFile: (p) => sources.originalText(p), fileExists: (p) => sources.host.fileExists(p) },
  });
  const keys = flags.map((f) => f.key);
  const { files, tooLarge, words } = await candidateFiles(config, project, sources, keys);

  const evaluations = new Map<string, number>(keys.map((k) => [k, 0]));
  const changed: string[] = [];
  const values = new Map(flags.map((f) => [f.key, f.value]));
  const skipped = new UnanalysedFiles(config.root, new Map(flags.map((f) => [f.key, f.state])));
  const skip = (file: string, why: string): void => skipped.add(file, sources.originalText(file) ?? '', why, words);
  for (const file of tooLarge) skip(file, 'it is too large to analyse');
  // All reads are collected on the original texts first: folding one file (a wrapper's own
  // read) must not change what the reads in its callers resolve to.
  const planned: Array<{ file: string; text: string; spans: Array<Span & { key: string; value: FlagValue }> }> = [];
  for (const file of files) {
    const text = sources.text(file);
    if (typeof text !== 'string') continue;
    const all = project.readsIn(file, text).filter((r) => r.kind === 'evaluation' && r.key !== null && values.has(r.key));
    // One key of several read at once (`isEnabled([A, B])`): the call's value is not this flag's.
    for (const r of all) if (r.keyInArray) skipped.addShared(file, r);
    const reads = all.filter((r) => !r.keyInArray);
    // No reads may only mean the parser gave up on this file, or misread its broken syntax.
    if (reads.length === 0 && project.problems(file, text).length > 0) {
      skip(file, 'the code is nested too deeply to analyse');
      continue;
    }
    let broken: Diagnostic[];
    try {
      broken = syntaxErrors(file, path.relative(config.root, file), text);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      skip(file, 'the code is nested too deeply to analyse');
      continue;
    }
    if (broken.length > 0) {
      // Edits are only proven safe by re-parsing; a file that does not parse now cannot be checked.
      const b = broken[0];
      skip(file, `line ${b.line}: ${b.message.replace(/^the rewritten file would not parse: /, '')}`);
      continue;
    }
    if (reads.length === 0) continue;
    for (const r of reads) evaluations.set(r.key!, (evaluations.get(r.key!) ?? 0) + 1);
    planned.push({ file, text, spans: reads.map((r) => ({ ...r.span, key: r.key!, value: values.get(r.key!)! })) });
  }
  for (const { file, text, spans } of planned) {
    let folded: string;
    try {
      folded = foldEvaluations({ fileName: file, text, evaluations: spans }).text;
    } catch (error) {
      if (error instanceof OverlappingEditsError) throw new FlagdebtError(unsupportedShape(config.root, file, error));
      if (!(error instanceof RangeError)) throw error;
      skip(file, 'the code is nested too deeply to analyse');
      for (const s of spans) evaluations.set(s.key, evaluations.get(s.key)! - 1);
      continue;
    }
    if (folded !== text) {
      sources.set(file, folded);
      changed.push(file);
    }
  }

  const entries = new EntryPoints(config.root);
  const cascade = deleteWhatBecameUnused({
    sources,
    entries,
    start: changed,
    resolveModule: (spec, from) => project.resolveModule(spec, from),
  });
  // A key still read in a skipped file keeps its declarations (`KEY = 'new-checkout'`) too.
  const removedKeys = new Set(keys.filter((k) => (evaluations.get(k) ?? 0) > 0 && !skipped.blockedKeys.has(k)));
  const keyDecls = removedKeys.size > 0 ? deleteKeyDeclarations(project, sources, removedKeys) : 0;
  return {
    sources,
    formats: sources.formats,
    evaluations,
    declarationsDeleted: cascade.declarationsDeleted + keyDecls,
    deletedFiles: cascade.deletedFiles,
    project,
    warnings: skipped.warnings,
    keptInRegistry: skipped.blockedKeys,
  };
}

/** A shape the folder got wrong (two rewrites of the same code): refused as a user-facing error. */
function unsupportedShape(root: string, file: string, error: OverlappingEditsError): Diagnostic {
  const before = error.text.slice(0, error.at);
  const line = before.split('\n').length;
  return {
    severity: 'error',
    code: 'remove/unsupported-shape',
    file: path.relative(root, file).split(path.sep).join('/'),
    line,
    column: error.at - before.lastIndexOf('\n'),
    message: 'the codemod cannot fold this shape of code (two rewrites of the same code overlap); nothing was written',
    fix: 'fold this read by hand or report it',
  };
}

/** Like the scanner, huge files (bundles) are not analysed. */
const MAX_TEXT_LENGTH = 2 * 1024 * 1024;

/**
 * Files that may read the flags, from a text pre-filter: the key itself, identifiers bound to it
 * (`NewCheckout = 'new-checkout'`, `NEW_CHECKOUT: 'new-checkout'`) and wrappers that read it,
 * repeated while new names turn up (a wrapper of a wrapper is only known once the first is).
 * Only these files are parsed.
 */
async function candidateFiles(
  config: FlagdebtConfig,
  project: FlagProject,
  sources: SourceSet,
  keys: string[],
): Promise<{ files: string[]; tooLarge: string[]; words: Set<string> }> {
  // Discovers the project (include/exclude/.gitignore) and loads every text into `sources`.
  await findCandidateFiles(config.root, config, keys, sources.host);
  // Like the scanner, leave binary and huge files alone.
  const large = (f: string): boolean => (sources.originalText(f) ?? '').length > MAX_TEXT_LENGTH;
  const all = sources.files().filter((f) => !large(f) && !(sources.originalText(f) ?? '').includes('\0'));
  const wanted = new Set(keys);
  const words = new Set<string>(keys);
  let files: string[] = [];
  for (let round = 0; round < 8; round++) {
    const size = words.size;
    files = all.filter((f) => mentionsAny(sources.text(f), words));
    for (const f of files) for (const alias of aliasesIn(sources.text(f) as string, keys)) words.add(alias);
    project.discoverWrappers(files);
    for (const w of project.wrappers()) if (w.key !== null && wanted.has(w.key)) words.add(w.name);
    if (words.size === size) break;
  }
  const tooLarge = sources.files().filter((f) => large(f) && mentionsAny(sources.originalText(f), words));
  return { files, tooLarge, words };
}

function mentionsAny(text: string | null | undefined, words: Set<string>): boolean {
  if (typeof text !== 'string') return false;
  for (const w of words) {
    let at = text.indexOf(w);
    while (at !== -1) {
      const identifier = /^[A-Za-z_$][\w$]*$/.test(w);
      if (!identifier || (!/[\w$]/.test(text[at - 1] ?? '') && !/[\w$]/.test(text[at + w.length] ?? ''))) return true;
      at = text.indexOf(w, at + 1);
    }
  }
  return false;
}

/** Names bound to a key literal: enum members, consts, object properties. */
function aliasesIn(text: string, keys: string[]): string[] {
  const out: string[] = [];
  for (const key of keys) {
    if (!text.includes(key)) continue;
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`([A-Za-z_$][\\w$]*)['"]?\\s*[:=]\\s*(['"\`])${escaped}\\2`, 'g');
    for (const m of text.matchAll(re)) out.push(m[1]);
  }
  return out;
}
