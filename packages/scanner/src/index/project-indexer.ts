/**
 * Builds the reference index of a project: pre-filter the texts, grow the candidate set while
 * wrapper discovery finds new names (a fixed point), parse only the candidates, then the files
 * their keys come from.
 */
import type { CandidateForms, Diagnostic, FlagRead, KeyDeclaration, WrapperInfo } from '@flagdebt/core';
import type ts from '@flagdebt/core/typescript';
import { searchCandidates } from '@flagdebt/core';
import { ReferenceIndex } from './reference-index.js';

/** The part of core's FlagProject the indexer drives. */
export interface MatchingProject {
  candidateWords(): readonly string[];
  /** The candidate words split for the pre-filter (core's `FlagProject.candidateForms`). */
  candidateForms?(): CandidateForms;
  sourceFile(file: string, text?: string): ts.SourceFile;
  readsIn(file: string, text?: string): FlagRead[];
  declarationsIn(file: string, text?: string): KeyDeclaration[];
  discoverWrappers(files: Iterable<string>): WrapperInfo[];
  /** Every wrapper is known (the candidate set is closed): stop following other callees. */
  sealWrappers?(): void;
  /** Re-parse skimmed files whose skipped functions name a candidate word found since; returns them. */
  reskim?(): string[];
  /** Defer lookups into modules that spell no candidate word until `settle` (core's `FlagProject.deferLookups`). */
  deferLookups?(): void;
  settle?(): boolean;
  /** Why a parsed file yields no reads although it may hold some (e.g. nesting too deep). */
  problems?(file: string, text?: string): Diagnostic[];
}

export interface IndexProblem {
  file: string;
  message: string;
  line?: number;
  /** Default `error`. */
  severity?: 'error' | 'warning';
}

export interface IndexOptions {
  project: MatchingProject;
  /** Absolute path -> text of every scannable file, in report order. */
  texts: Map<string, string>;
  /** Registered keys: a file that spells one may declare it. */
  keys: Iterable<string>;
  /** Files the project loaded on its own (key sources behind imports); see `scannedSourceHost`. */
  loaded: Set<string>;
  /** Candidates whose reads are collected (default: all); the others only declare. */
  readsOf?: (file: string) => boolean;
  /** Each candidate counts twice (parse, then reads); `total` grows when wrappers add candidates. */
  progress?(done: number, total: number): void;
}

export interface IndexOutcome {
  index: ReferenceIndex;
  problems: IndexProblem[];
  candidates: number;
}

export function indexProject(options: IndexOptions): IndexOutcome {
  const { project, texts } = options;
  const problems: IndexProblem[] = [];
  const broken = new Set<string>();
  let done = 0;
  let total = 0;
  const tick = () => options.progress?.(++done, total);
  const candidates = selectCandidates(options, problems, (found) => (total += 2 * found), (file) => {
    tick();
    const problem = parseProblem(project, file, texts.get(file));
    if (problem) {
      problems.push(problem);
      broken.add(file);
      return false;
    }
    return true;
  });

  project.sealWrappers?.();

  // Reads first, over every candidate: whether an enum or object is "used as a key source"
  // (and so holds declarations) depends on the reads resolved through it.
  const reads = new Map<string, FlagRead[]>();
  // Files dropped as unparsable have no reads phase: count them as done.
  total = done + candidates.length;
  for (const file of candidates) {
    if (options.readsOf?.(file) !== false) reads.set(file, guarded(file, problems, () => project.readsIn(file, texts.get(file))) ?? []);
    tick();
  }

  const index = new ReferenceIndex();
  const declare = (file: string) => {
    index.add(file, reads.get(file) ?? [], guarded(file, problems, () => project.declarationsIn(file, texts.get(file))) ?? []);
  };
  for (const file of candidates) declare(file);
  // Key sources (barrels, enums, `as const` objects) reached through imports hold declarations.
  for (let pending = lazyFiles(options, index, broken); pending.length > 0; pending = lazyFiles(options, index, broken)) {
    for (const file of pending) {
      const problem = parseProblem(project, file, texts.get(file));
      if (problem) {
        problems.push(problem);
        broken.add(file);
      } else declare(file);
    }
  }
  return { index, problems, candidates: candidates.length };
}

/**
 * Candidate files in report order (core's `searchCandidates`): each round tests the texts not yet
 * chosen, announces how many matched, then `accept` parses each (dropping the ones that do not parse).
 */
function selectCandidates(
  options: IndexOptions,
  problems: IndexProblem[],
  announce: (found: number) => void,
  accept: (file: string) => boolean,
): string[] {
  const { project, texts } = options;
  let failed = false;
  project.deferLookups?.();
  return searchCandidates({
    project: {
      candidateWords: () => project.candidateWords(),
      candidateForms: project.candidateForms?.bind(project),
      discoverWrappers: (files) => {
        if (failed) return [];
        try {
          return project.discoverWrappers(files);
        } catch (error) {
          failed = true;
          problems.push({ file: '', message: `wrapper discovery failed: ${error instanceof Error ? error.message : String(error)}` });
          return [];
        }
      },
      reskim: () => project.reskim?.() ?? [],
      settle: () => !failed && (project.settle?.() ?? false),
    },
    files: texts.keys(),
    text: (file) => texts.get(file),
    keys: options.keys,
    accept,
    announce,
  });
}

function lazyFiles(options: IndexOptions, index: ReferenceIndex, broken: Set<string>): string[] {
  const pending: string[] = [];
  for (const file of options.loaded) {
    if (options.texts.has(file) && !index.has(file) && !broken.has(file)) pending.push(file);
  }
  return pending;
}

/** A matcher failure on one odd file must not cost the whole report. */
function guarded<T>(file: string, problems: IndexProblem[], run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    problems.push({ file, message: `could not analyse: ${error instanceof Error ? error.message : String(error)}` });
    return undefined;
  }
}

interface ParseDiagnostic {
  start?: number;
  messageText: string | { messageText: string };
}

/** The first syntax error of a file, if any: such a file is reported and skipped, never guessed at. */
function parseProblem(project: MatchingProject, file: string, text: string | undefined): IndexProblem | undefined {
  let source: ts.SourceFile;
  try {
    source = project.sourceFile(file, text);
  } catch (error) {
    return { file, message: `could not parse: ${error instanceof Error ? error.message : String(error)}` };
  }
  // The parser records syntax errors on the source file; there is no public accessor without a Program.
  const diagnostics = (source as unknown as { parseDiagnostics?: ParseDiagnostic[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (first === undefined) {
    const warning = project.problems?.(file, text)[0];
    return warning === undefined ? undefined : { file, message: warning.message, severity: 'warning' };
  }
  const message = typeof first.messageText === 'string' ? first.messageText : first.messageText.messageText;
  const line = first.start === undefined ? undefined : source.getLineAndCharacterOfPosition(first.start).line + 1;
  return { file, message: `could not parse: ${message}`, line };
}
