import path from 'node:path';
import { FlagProject, type Diagnostic, type FlagdebtConfig, type FlagValue, type Span } from '@flagdebt/core';
import { findCandidateFiles } from '@flagdebt/scanner';
import { deleteWhatBecameUnused } from '../cascade/dead-code.js';
import { EntryPoints } from '../cascade/entry-points.js';
import { deleteKeyDeclarations } from '../cascade/key-declarations.js';
import type { TextFormat } from '../edit/text-format.js';
import { foldEvaluations } from '../fold/fold-engine.js';
import { syntaxErrors } from '../safety/parse-check.js';
import type { ResolvedFlag } from './flag-values.js';
import { SourceSet } from './source-set.js';

/** What the run would do to the code, computed in memory (texts normalised to LF, no BOM). */
export interface RemovalPlan {
  sources: SourceSet;
  formats: Map<string, TextFormat>;
  evaluations: Map<string, number>;
  declarationsDeleted: number;
  deletedFiles: string[];
  project: FlagProject;
  /** Files skipped because they do not parse to begin with. */
  warnings: Diagnostic[];
}

export async function planRemoval(config: FlagdebtConfig, flags: ResolvedFlag[]): Promise<RemovalPlan> {
  const sources = new SourceSet();
  const project = new FlagProject({
    root: config.root,
    accessors: config.accessors,
    host: { readFile: (p) => sources.originalText(p), fileExists: (p) => sources.host.fileExists(p) },
  });
  const keys = flags.map((f) => f.key);
  const files = await candidateFiles(config, project, sources, keys);

  const evaluations = new Map<string, number>(keys.map((k) => [k, 0]));
  const changed: string[] = [];
  const warnings: Diagnostic[] = [];
  const values = new Map(flags.map((f) => [f.key, f.value]));
  // All reads are collected on the original texts first: folding one file (a wrapper's own
  // read) must not change what the reads in its callers resolve to.
  const planned: Array<{ file: string; text: string; spans: Array<Span & { key: string; value: FlagValue }> }> = [];
  const skip = (file: string, what: string, diagnostic?: Diagnostic): void => {
    warnings.push({
      severity: 'warning',
      code: 'remove/skipped-file',
      file: path.relative(config.root, file),
      line: diagnostic?.line ?? 0,
      column: diagnostic?.column ?? 0,
      message: `skipped: ${what}`,
      fix: 'remove the flag from this file by hand, or fix the file and run flagdebt remove again',
    });
  };
  for (const file of files) {
    const text = sources.text(file);
    if (typeof text !== 'string') continue;
    const reads = project.readsIn(file, text).filter((r) => r.kind === 'evaluation' && r.key !== null && values.has(r.key));
    if (reads.length === 0) continue;
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
      skip(file, `the file does not parse (${broken[0].message.replace(/^the rewritten file would not parse: /, '')})`, broken[0]);
      continue;
    }
    for (const r of reads) evaluations.set(r.key!, (evaluations.get(r.key!) ?? 0) + 1);
    planned.push({ file, text, spans: reads.map((r) => ({ ...r.span, key: r.key!, value: values.get(r.key!)! })) });
  }
  for (const { file, text, spans } of planned) {
    let folded: string;
    try {
      folded = foldEvaluations({ fileName: file, text, evaluations: spans }).text;
    } catch (error) {
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
  const removedKeys = new Set(keys.filter((k) => (evaluations.get(k) ?? 0) > 0));
  const keyDecls = removedKeys.size > 0 ? deleteKeyDeclarations(project, sources, removedKeys) : 0;
  return {
    sources,
    formats: sources.formats,
    evaluations,
    declarationsDeleted: cascade.declarationsDeleted + keyDecls,
    deletedFiles: cascade.deletedFiles,
    project,
    warnings,
  };
}

/**
 * Files that may read the flags, from a text pre-filter: the key itself, identifiers bound to it
 * (`NewCheckout = 'new-checkout'`, `NEW_CHECKOUT: 'new-checkout'`) and wrappers that read it,
 * repeated while new names turn up (a wrapper of a wrapper is only known once the first is).
 * Only these files are parsed.
 */
async function candidateFiles(config: FlagdebtConfig, project: FlagProject, sources: SourceSet, keys: string[]): Promise<string[]> {
  // Discovers the project (include/exclude/.gitignore) and loads every text into `sources`.
  await findCandidateFiles(config.root, config, keys, sources.host);
  // Like the scanner, leave binary and huge files alone.
  const all = sources.files().filter((f) => {
    const text = sources.originalText(f) ?? '';
    return text.length <= 2 * 1024 * 1024 && !text.includes('\0');
  });
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
  return files;
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
