/**
 * One analysis per linted file, shared by every flagdebt rule: the flag reads core finds in
 * the file (the same answer the scanner and the codemod get), plus the project they belong to.
 * Nine rules asking for the same file cost one parse.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { SourceFile } from 'typescript';
import type { Diagnostic, FlagDefinition, FlagdebtConfig, FlagRead, IsoDate, Registry } from '@flagdebt/core';
import { CandidateFilter } from '@flagdebt/core';
import { readSettings } from './settings.js';
import { projectStore } from './project-store.js';
import { resolveKeysWithTypes, type AnalyzedRead } from './type-keys.js';

export interface FileAnalysis {
  filename: string;
  config: FlagdebtConfig | null;
  registry: Registry | null;
  /** "Today" for the expiry rules (`settings.flagdebt.now` or the real date). */
  now: IsoDate;
  /** Reads in source order; dynamic reads that type information resolved are evaluations. */
  reads: AnalyzedRead[];
  /** A settings, config or registry problem; `flagdebt/registered` reports it at line 1. */
  problem: Diagnostic | null;
}

export type { AnalyzedRead };

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const analyses = new WeakMap<object, FileAnalysis>();

/** Core's pre-filter for a project's word set, rebuilt when the set grows (it only grows). */
const wordFilters = new WeakMap<Set<string>, { size: number; filter: CandidateFilter }>();

function namesCandidateWord(text: string, words: Set<string>): boolean {
  let cached = wordFilters.get(words);
  if (cached?.size !== words.size) {
    cached = { size: words.size, filter: new CandidateFilter(words) };
    wordFilters.set(words, cached);
  }
  return cached.filter.matches(text);
}

function analyze(context: AnyContext): FileAnalysis {
  const { settings, problem: settingsProblem } = readSettings(context.settings, context.cwd);
  const filename = context.filename;
  const base = { filename, now: settings.now, reads: [] as AnalyzedRead[] };
  if (settingsProblem) return { ...base, config: null, registry: null, problem: settingsProblem };

  const state = projectStore.stateFor(filename, settings.config);
  const analysis: FileAnalysis = { ...base, config: state.config, registry: state.registry, problem: state.problem };
  const matcher = state.matcher;
  if (matcher === null) return analysis;

  const text = context.sourceCode.text;
  // The cheap pre-filter: a file that names no accessor and no known wrapper reads no flag.
  if (!namesCandidateWord(text, state.candidateWords)) return analysis;
  let reads: FlagRead[];
  try {
    // Passing the text (possibly unsaved editor text) makes the matcher re-parse this file, and
    // drop what depended on it, only when the text differs from what it parsed before.
    reads = matcher.readsIn(filename, text, typeScriptTree(context.sourceCode));
    const known = state.candidateWords.size;
    for (const word of matcher.candidateWords()) state.candidateWords.add(word);
    // A wrapper first seen now (an edit since the warm-up): skimmed files that call it are parsed again.
    if (state.candidateWords.size > known) matcher.reskim();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    analysis.problem ??= { severity: 'error', code: 'eslint/match', file: filename, line: 0, column: 0, message: `flagdebt could not analyse this file: ${message}` };
    return analysis;
  }
  analysis.reads = resolveKeysWithTypes(context.sourceCode, reads);
  return analysis;
}

/**
 * The TypeScript tree typescript-eslint's parser built for this file (it keeps the map from its
 * ESTree nodes back to TypeScript's), so core need not parse the file a second time. Core uses it
 * only when it is a tree of this very text from its own copy of TypeScript; other parsers
 * (espree) have no such map.
 */
function typeScriptTree(sourceCode: AnyContext['sourceCode']): SourceFile | undefined {
  const tree = sourceCode.parserServices?.esTreeNodeToTSNodeMap?.get(sourceCode.ast as never) as { kind?: unknown } | undefined;
  return tree && typeof tree === 'object' && 'statements' in tree ? (tree as SourceFile) : undefined;
}

/** The shared analysis of the file `context` is linting. */
export function analysisOf(context: AnyContext): FileAnalysis {
  const sourceCode = context.sourceCode;
  const cached = analyses.get(sourceCode);
  if (cached && cached.filename === context.filename) return cached;
  const analysis = analyze(context);
  analyses.set(sourceCode, analysis);
  return analysis;
}

/** Reads of flags the registry knows, with their definitions. */
export function registeredReads(analysis: FileAnalysis): { read: AnalyzedRead; flag: FlagDefinition }[] {
  const flags = analysis.registry?.flags;
  if (!flags) return [];
  const result: { read: AnalyzedRead; flag: FlagDefinition }[] = [];
  for (const read of analysis.reads) {
    const flag = read.key === null ? undefined : flags.get(read.key);
    if (flag) result.push({ read, flag });
  }
  return result;
}
