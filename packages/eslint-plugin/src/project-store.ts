/**
 * Config, registry and matcher, loaded through core and kept for the life of the ESLint
 * process. An editor lints the same files again and again, so each config is loaded once and
 * re-read only when the config file or the registry's files change on disk (mtime).
 */
import path from 'node:path';
import { DiskHost, mtimeOf } from './disk-host.js';
import { discoverCandidateWords } from './wrapper-discovery.js';
import {
  FlagProject,
  configInDir,
  isFlagdebtError,
  loadConfig,
  loadConfigRegistry,
  type Diagnostic,
  type FlagdebtConfig,
  type Registry,
} from '@flagdebt/core';

/** What the rules need about the project a file belongs to. */
export interface ProjectState {
  /** Null when the config could not be loaded: no rule can judge reads then. */
  config: FlagdebtConfig | null;
  /** Null when the registry could not be loaded: key checks are skipped, key shape is still checked. */
  registry: Registry | null;
  matcher: FlagProject | null;
  /** The pre-filter: a file containing none of these words reads no flag. Grows as wrappers are found. */
  candidateWords: Set<string>;
  /** The config or registry error, reported once per file by `flagdebt/registered`. */
  problem: Diagnostic | null;
}

interface CachedProject {
  state: ProjectState;
  /** What the matcher read from disk, to notice other files changing in an editor session. */
  host: DiskHost | null;
  configMtime: number;
  /**
   * The files the registry was read from and their mtimes (-1: did not exist): flags.yaml, or
   * for a registry in code its modules and the metadata YAML. Any change reloads the registry.
   */
  registryInputs: Array<{ file: string; mtime: number }>;
}

/** A user error from core keeps its own message; anything else still must not crash ESLint. */
function toDiagnostic(error: unknown, file: string): Diagnostic {
  if (isFlagdebtError(error) && error.diagnostics.length > 0) return error.diagnostics[0];
  const message = error instanceof Error ? error.message : String(error);
  return { severity: 'error', code: 'eslint/load', file, line: 0, column: 0, message: `could not load ${file}: ${message}` };
}

/** A project no rule can judge: only the setup problem is reported. */
function unusable(problem: Diagnostic): ProjectState {
  return { config: null, registry: null, matcher: null, candidateWords: new Set(), problem };
}

/** A cached entry for a config that could not be loaded; it is retried when its mtime changes. */
function unusableProject(problem: Diagnostic, configMtime: number): CachedProject {
  return { state: unusable(problem), host: null, configMtime, registryInputs: [] };
}

export class ProjectStore {
  private readonly projects = new Map<string, CachedProject>();
  /**
   * Directory -> config found by walking up, for every folder a walk passed. Only hits are
   * cached, so where none was found a config created later is found at once.
   */
  private readonly configByDir = new Map<string, string>();
  /** When `forgetChangedFiles` may stat the matcher's files again. */
  private nextRecheck = 0;
  /** Config and registry mtimes, each stat'ed at most every `recheckMs`. */
  private readonly stats = new Map<string, { at: number; mtime: number }>();

  /**
   * `recheckMs`: how often files on disk (config, registry, files the matcher read) are checked
   * for changes. Stat'ing the config and the registry for each of 10,000 linted files cost ~1 s.
   */
  constructor(
    private readonly recheckMs = 1000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** `mtimeOf`, re-read at most every `recheckMs`. */
  private mtime(file: string): number {
    const now = this.clock();
    const known = this.stats.get(file);
    if (known && now - known.at < this.recheckMs) return known.mtime;
    const mtime = mtimeOf(file);
    this.stats.set(file, { at: now, mtime });
    return mtime;
  }

  /** The config that governs `file`: the explicit one, or the nearest flagdebt.config.* above it. */
  configFor(file: string, explicit: string | null): string | null {
    if (explicit !== null) return explicit;
    // Walks up like `findConfig`, but stops at the first folder already known and remembers the
    // answer for every folder on the way: sibling folders then cost one lookup, not a walk.
    const walked: string[] = [];
    let found: string | null = null;
    for (let dir = path.dirname(file); ; ) {
      const cached = this.configByDir.get(dir);
      if (cached !== undefined && this.mtime(cached) >= 0) {
        found = cached;
        break;
      }
      walked.push(dir);
      found = configInDir(dir);
      if (found !== null) break;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const dir of walked) {
      if (found === null) this.configByDir.delete(dir);
      else this.configByDir.set(dir, found);
    }
    return found;
  }

  stateFor(file: string, explicitConfig: string | null): ProjectState {
    const configPath = this.configFor(file, explicitConfig);
    if (configPath === null) {
      return unusable({
        severity: 'error',
        code: 'eslint/no-config',
        file,
        line: 0,
        column: 0,
        message: `no flagdebt.config.json (or .yaml) found in ${path.dirname(file)} or any parent folder`,
        fix: 'run `flagdebt init` at the project root, or set settings.flagdebt.config in eslint.config.js',
      });
    }
    const configMtime = this.mtime(configPath);
    const cached = this.projects.get(configPath);
    if (cached && cached.configMtime === configMtime) {
      this.forgetChangedFiles(cached);
      if (cached.registryInputs.every((input) => this.mtime(input.file) === input.mtime)) return cached.state;
      // Only the registry changed: the matcher (and its parsed files) stays valid.
      const reloaded = this.load(configPath, configMtime, cached);
      this.projects.set(configPath, reloaded);
      return reloaded.state;
    }
    const loaded = this.load(configPath, configMtime, null);
    this.projects.set(configPath, loaded);
    return loaded.state;
  }

  /**
   * Drops files the matcher read from disk that changed since (a key const edited in another
   * tab). Checked at most every `recheckMs`, so a CLI run over thousands of files does not stat
   * every dependency for every file.
   */
  private forgetChangedFiles(cached: CachedProject): void {
    const now = this.clock();
    if (!cached.host || !cached.state.matcher || now < this.nextRecheck) return;
    const started = performance.now();
    for (const file of cached.host.changedFiles()) cached.state.matcher.invalidate(file);
    // One stat per file the matcher read: with hundreds of them, checking every second was 0.4 s
    // of a 10,000-file run. Spacing the checks by 200 times their cost keeps them under 0.5 %
    // (`recheckMs` 0 still means every time).
    const cost = performance.now() - started;
    this.nextRecheck = this.recheckMs === 0 ? now : now + Math.max(this.recheckMs, 200 * cost);
  }

  private load(configPath: string, configMtime: number, known: CachedProject | null): CachedProject {
    if (configMtime < 0) {
      return unusableProject(
        {
          severity: 'error',
          code: 'eslint/no-config',
          file: configPath,
          line: 0,
          column: 0,
          message: `the flagdebt config ${configPath} does not exist`,
          fix: 'fix settings.flagdebt.config in eslint.config.js, or run `flagdebt init`',
        },
        configMtime,
      );
    }
    let config = known?.state.config ?? null;
    if (config === null) {
      try {
        config = loadConfig(configPath);
      } catch (error) {
        return unusableProject(toDiagnostic(error, configPath), configMtime);
      }
    }
    let matcher = known?.state.matcher ?? null;
    let host = known?.host ?? null;
    let candidateWords = known?.state.candidateWords ?? new Set<string>();
    let problem: Diagnostic | null = null;
    if (matcher === null) {
      try {
        host = new DiskHost();
        // Skimmed: functions that name no accessor or wrapper are not parsed (ESLint parses and
        // checks the whole file anyway); wrapper discovery below re-parses what it must.
        matcher = new FlagProject({ root: config.root, accessors: config.accessors, host, skim: { keys: [] } });
        candidateWords = discoverCandidateWords(matcher, config.root, config.accessors, host);
      } catch (error) {
        problem = toDiagnostic(error, configPath);
      }
    }
    // Until the registry has been read, the files the config names are what to watch.
    let inputs = [config.registry, ...config.registryCode.map((ref) => ref.file)];
    const mtimes = new Map(inputs.map((file) => [file, this.mtime(file)]));
    let registry: Registry | null = null;
    if (problem === null) {
      try {
        const loaded = loadConfigRegistry(config);
        registry = loaded.registry;
        inputs = loaded.inputs;
      } catch (error) {
        problem = toDiagnostic(error, config.registry);
      }
    }
    // Stat'ed before reading, so a change during the read is seen next time.
    const registryInputs = inputs.map((file) => ({ file, mtime: mtimes.get(file) ?? this.mtime(file) }));
    return { state: { config, registry, matcher, candidateWords, problem }, host, configMtime, registryInputs };
  }
}

/** One store per ESLint process, shared by every rule and every file. */
export const projectStore = new ProjectStore();
