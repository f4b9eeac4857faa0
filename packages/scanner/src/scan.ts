/**
 * `scan`: discover files, read them, index flag references, reconcile with the registry.
 * Everything a user can get wrong inside the project (a broken file, an unreadable one) ends up
 * in `problems`; only an unusable config or registry throws (a FlagdebtError).
 */
import path from 'node:path';
import { FlagdebtError, FlagProject, loadConfigRegistry, loadProjectModel, parseIsoDate, todayIso } from '@flagdebt/core';
import type { Diagnostic, FlagdebtConfig, IsoDate, Registry, TreeCache } from '@flagdebt/core';
import { compareStrings, discoverFiles, diskScanHost, loadSources, relativePath, type ScanHost } from '@flagdebt/core/files';
import { indexProject } from './index/project-indexer.js';
import { scannedSourceHost } from './index/scanned-source-host.js';
import { reconcile } from './reconcile/reconcile.js';
import { suppressFindings } from './findings/findings.js';
import { ignoreComments } from './findings/ignore-comments.js';
import { linesOf } from './findings/source-lines.js';
import type { ProblemRecord, ScanResult } from './types.js';

export interface ScanOptions {
  /** The folder to scan. */
  dir: string;
  /** "Today" for staleness (YYYY-MM-DD); default: the current UTC date. */
  now?: IsoDate;
  /** Loaded config; default: found by walking up from `dir`. */
  config?: FlagdebtConfig;
  /** Loaded registry; default: the config's `registry` file. */
  registry?: Registry;
  host?: ScanHost;
  /**
   * When `dir` lies inside the config's folder: `project` (default) indexes the whole project
   * (wrappers, key sources and reads anywhere count) and reports what lies in `dir`; `folder`
   * indexes only `dir`.
   */
  context?: 'project' | 'folder';
  /** Progress in files; `total` grows once, when the files to parse are known. */
  onProgress?(done: number, total: number): void;
  /**
   * Called once the files are indexed, with the project that read them and the files this scan
   * listed (absolute): `history` takes each file's dependencies and the wrappers from it to
   * decide what the next commit must re-scan.
   */
  onIndexed?(project: IndexedProject, files: readonly string[]): void;
  /** Key sources marked by reads of files this scan does not list (core's `FlagProjectOptions.keySources`). */
  keySources?: Iterable<string>;
  /** Parses kept from earlier scans of mostly the same texts (core's `FlagProjectOptions.trees`). */
  trees?: TreeCache;
  /** Resolved imports kept from earlier scans of the same files (core's `FlagProjectOptions.resolutions`). */
  resolutions?: Map<string, string | null>;
  /**
   * The files whose reads are collected (default: all). Others report their declarations alone:
   * `history` lists files in a subset scan only for the wrappers and key sources they hold, and
   * keeps their reads from the point before.
   */
  readsOf?: (file: string) => boolean;
  /**
   * The wrappers an earlier scan found in the files `covers` accepts, by name (core's
   * `sealWrappers(names, covers)`, set before wrapper discovery): discovery then never follows a
   * call or JSX tag of another name into those files. `history` passes the files whose wrappers
   * cannot have changed since its last point.
   */
  wrappers?: { names: Iterable<string>; covers(file: string): boolean };
  /**
   * Whether unregistered reads get a "did you mean" key (default true). `history` turns it off:
   * its points are counts, and the edit distances to every registered key cost ~0.15 s of
   * CPU on Unleash (a few percent of a scan).
   */
  suggestions?: boolean;
}

/** What a scan's project tells `onIndexed`. */
export type IndexedProject = Pick<FlagProject, 'dependenciesOf' | 'keySourcesMarkedBy' | 'wrappers'>;

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const root = path.resolve(options.dir);
  const now = options.now ?? todayIso();
  if (!parseIsoDate(now)) {
    throw new FlagdebtError({
      severity: 'error',
      code: 'scan/bad-date',
      file: '--now',
      line: 0,
      column: 0,
      message: `"${now}" is not a date`,
      fix: 'use the form YYYY-MM-DD, e.g. 2026-11-21',
    });
  }
  const host = options.host ?? diskScanHost;
  const { config, registry, warnings } = projectModel(root, options);

  // A sub-folder of the project is scanned in the context of the whole project: a wrapper, a key
  // source or the only read of a flag may live outside it.
  const projectRoot = path.resolve(config.root);
  const scoped = options.context !== 'folder' && root !== projectRoot && isInside(projectRoot, root);
  const { files, rules, unmatchedIncludes, folders } = await discoverFiles(scoped ? projectRoot : root, config, host);
  const inScope = scoped ? (file: string) => isInside(root, file) : () => true;
  let readTotal = files.length;
  const loaded = loadSources(files, host, (done) => options.onProgress?.(done, readTotal));

  const touched = new Set<string>();
  const project = new FlagProject({
    root: config.root,
    accessors: config.accessors,
    host: scannedSourceHost(loaded.texts, host, touched, folders),
    // Functions that spell no accessor, wrapper or registered key are not parsed.
    skim: { keys: registry.flags.keys() },
    registered: registry.flags.keys(),
    keySources: options.keySources,
    trees: options.trees,
    resolutions: options.resolutions,
  });
  if (options.wrappers) project.sealWrappers(options.wrappers.names, (file) => options.wrappers!.covers(file));
  const indexed = indexProject({
    project,
    texts: loaded.texts,
    keys: registry.flags.keys(),
    loaded: touched,
    readsOf: options.readsOf,
    progress: (done, total) => {
      readTotal = files.length + total;
      options.onProgress?.(files.length + done, readTotal);
    },
  });

  options.onIndexed?.(project, files);

  const configFile = config.file === null ? 'flagdebt.config.json' : relativePath(root, config.file);
  const problems: ProblemRecord[] = [
    ...unmatchedIncludes.map(({ glob, hint }) => ({
      file: configFile,
      message: `include glob "${glob}" matches no file: ${hint}`,
      severity: 'warning' as const,
    })),
    ...warnings.map((w) => ({ file: relativePath(root, w.file), line: w.line || undefined, message: w.message, severity: 'warning' as const })),
    ...loaded.problems.map((p) => ({ file: relativePath(root, p.file), message: p.message, severity: p.severity })),
    ...indexed.problems.map((p) => ({ file: p.file === '' ? '' : relativePath(root, p.file), message: p.message, line: p.line, severity: p.severity ?? 'error' })),
  ]
    .filter((p) => p.file === '' || !p.file.startsWith('../'))
    .map(dropUndefined);

  const reconciled = reconcile({
    root,
    now,
    registry,
    staleness: config.staleness,
    index: indexed.index,
    isTest: (file) => rules.isTest(file),
    inScope,
    files: scoped ? files.filter(inScope).length : files.length,
    problems,
    suggest: options.suggestions,
  });
  return applyIgnoreComments(reconciled, loaded.texts);
}

/** Takes out the findings that a `// flagdebt-ignore-next-line reason` comment covers. */
function applyIgnoreComments(result: ScanResult, texts: ReadonlyMap<string, string>): ScanResult {
  const split = new Map<string, string[] | undefined>();
  const comments = ignoreComments((file) => {
    if (!split.has(file)) {
      const text = texts.get(path.join(result.root, ...file.split('/')));
      // Most files have no directive: not worth splitting into lines.
      split.set(file, text === undefined || !text.includes('flagdebt-ignore-next-line') ? undefined : linesOf(text));
    }
    return split.get(file);
  });
  const narrowed = suppressFindings(result, (finding) => comments.decide(finding));
  if (comments.problems.length === 0) return narrowed;
  const problems = [...narrowed.problems, ...comments.problems].sort((a, b) => compareStrings(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { ...narrowed, problems };
}

function projectModel(root: string, options: ScanOptions): { config: FlagdebtConfig; registry: Registry; warnings: Diagnostic[] } {
  const { config, registry } = options;
  if (config && registry) return { config, registry, warnings: [] };
  if (config) return { config, ...loadConfigRegistry(config) };
  const model = loadProjectModel(root);
  return { config: model.config, registry: registry ?? model.registry, warnings: model.warnings };
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function dropUndefined(problem: ProblemRecord): ProblemRecord {
  const out: ProblemRecord = { file: problem.file, message: problem.message };
  if (problem.line !== undefined) out.line = problem.line;
  if (problem.severity !== undefined) out.severity = problem.severity;
  return out;
}
