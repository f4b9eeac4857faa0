import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
// Types only: the gate's worker thread loads this module, and loading ts-morph there would cost more than the check.
import type { ts } from 'ts-morph';
import { compilerOptions, createProgram, DEEP_EXTRA, newResolution, type FallbackResolver, type ProgramState } from './gate-program.js';

export type { FallbackResolver } from './gate-program.js';
import { PhaseClock, traceGate } from './gate-trace.js';
import { SameWorld } from './gate-world.js';

export { traceGate } from './gate-trace.js';

export type TypeScript = typeof ts;

/** A file the removal rewrites (`after` set) or deletes (`after` null); texts as written. */
export interface GateChange {
  path: string;
  after: string | null;
}

export interface TypeDiagnostic {
  /** Absolute path. */
  file: string;
  /** 1-based line in the text the diagnostic was computed on. */
  line: number;
  /** 1-based column, and the offset in that text. */
  column: number;
  start?: number;
  code: number;
  message: string;
}

export interface GateVerdict {
  /** The tsconfig files whose options were used. */
  tsconfigs: string[];
  /** Files type-checked: the rewritten files and their importers. */
  checked: number;
  before: TypeDiagnostic[];
  after: TypeDiagnostic[];
  /**
   * Diagnostics after the removal that were not there before (file, code and message, lines
   * ignored; or the same file, code and offset with its quoted types printed otherwise).
   */
  added: TypeDiagnostic[];
}

/**
 * The TypeScript installed for the project (resolved from its root) so the verdict matches its
 * build; else the one installed beside `self` (flagdebt's own); null when neither is.
 */
export function installedTypeScript(root: string, self: string): TypeScript | null {
  for (const entry of typeScriptEntries(root, self)) {
    try {
      return createRequire(entry)(entry) as TypeScript;
    } catch {
      // does not load: the next one
    }
  }
  return null;
}

/** The file installedTypeScript loads first (null: none installed). */
export function typeScriptEntry(root: string, self: string): string | null {
  return typeScriptEntries(root, self)[0] ?? null;
}

function typeScriptEntries(root: string, self: string): string[] {
  const out: string[] = [];
  for (const from of [path.join(root, 'package.json'), self]) {
    try {
      out.push(createRequire(from).resolve('typescript'));
    } catch {
      // not installed there
    }
  }
  return out;
}

/** The nearest tsconfig.json from a file's folder up to the project root. */
export function nearestTsconfig(root: string, file: string): string | null {
  for (let d = path.dirname(file); ; d = path.dirname(d)) {
    const candidate = path.join(d, 'tsconfig.json');
    if (fs.existsSync(candidate)) return candidate;
    if (d === root || path.dirname(d) === d || !d.startsWith(root)) return null;
  }
}

const CHECKED = /\.(tsx?|mts|cts)$/;

interface Group extends ProgramState {
  before?: { roots: Set<string>; program: ts.Program };
  /** Before-diagnostics per file (the disk does not change while the gate runs). */
  beforeDiagnostics: Map<string, TypeDiagnostic[]>;
  last?: ts.Program;
  /** Before-diagnostics computed ahead of the check (see warmBefore), with the Program they were computed on. */
  early?: { program: ts.Program; diagnostics: Map<string, TypeDiagnostic[]> };
}

/**
 * The gate: type-checks files (rewritten files and their importers) before and after the
 * removal, one Program per nearest tsconfig whose roots are only those files (the checker pulls
 * in what they import, nothing else), diagnostics only for those files, and every "after"
 * Program built on the one before it so unchanged files are reused. This is what keeps the cost
 * at seconds on a project of thousands of files. One gate serves several checks of the same run.
 */
export class TypeGate {
  private groups = new Map<string, Group>();
  /** A check made ahead of its request (see speculate), with the state it left. */
  private speculation: { key: string; verdict: GateVerdict | null; groups: Map<string, Group>; ahead: number } | null = null;
  /** Whether a speculation was started since the last check (it may have been cancelled). */
  private speculated = false;
  /** While speculating: true once the guess is known to be wrong (TypeScript's cancellation token asks). */
  private cancelled: (() => boolean) | null = null;
  /** What the last check did with a speculation (tests and FLAGDEBT_DEBUG_GATE look). */
  lastSpeculation: 'used' | 'discarded' | 'none' = 'none';
  /** How many files' "before" side the last check took from work done ahead (warmBefore; tests and FLAGDEBT_DEBUG_GATE look). */
  lastAhead = 0;

  constructor(
    private readonly root: string,
    private readonly tsx: TypeScript,
    private readonly fallback: FallbackResolver = null,
  ) {}

  /**
   * Does ahead of time what every check under `config` needs whatever files it checks: reads
   * the options, parses and binds the lib files they imply (and any global types), through a
   * Program of one empty module. Most of a small check's cost; the gate's worker thread does it
   * while the removal is still being planned.
   */
  prepare(config: string): void {
    const clock = process.env.FLAGDEBT_DEBUG_GATE ? new PhaseClock() : null;
    const group = this.groupOf(config);
    if (group.last) return;
    const probe = path.join(path.dirname(config), '__flagdebt_gate_probe__.ts');
    const program = createProgram(this.tsx, [probe], group, new Map([[probe, 'export {};\n']]), undefined);
    clock?.lap('parse');
    program.getTypeChecker();
    clock?.lap('bind');
    if (clock) traceGate(`prepared ${config}: ${clock}`);
    // Later Programs get no structure from it (other roots), but its files are the same objects.
    group.last = program;
  }

  private groupOf(config: string): Group {
    let group = this.groups.get(config);
    if (!group) {
      const options = compilerOptions(this.tsx, config);
      group = { options, cache: new Map(), resolution: newResolution(this.tsx, options), beforeDiagnostics: new Map(), fallback: this.fallback };
      this.groups.set(config, group);
    }
    return group;
  }

  /**
   * `deep`: roots whose imports are followed further (files that name a removed key: whether
   * their objects still fit a narrowed union type is decided several modules away).
   */
  check(files: Iterable<string>, changes: GateChange[], deep: ReadonlySet<string> = new Set()): GateVerdict | null {
    const list = [...files];
    const speculation = this.speculation;
    this.speculation = null;
    this.lastSpeculation = this.speculated ? 'discarded' : 'none';
    this.speculated = false;
    if (speculation !== null && speculation.key === requestKey(this.root, list, changes, deep)) {
      this.lastSpeculation = 'used';
      this.groups = speculation.groups;
      this.lastAhead = speculation.ahead;
      return speculation.verdict;
    }
    return this.run(list, changes, deep);
  }

  /**
   * Makes the check `check(files, changes, deep)` would make next, now, on a copy of the gate's
   * state (which files' imports are followed is decided by the first check that reaches them:
   * a guess must not decide it for a different request). The next `check` with the very same
   * request takes its verdict and its state; any other request discards both and is checked as
   * if nothing had been guessed. The gate's worker does this while the main thread is still
   * looking for importers, which on most removals it finds none of. `cancelled` says, while it
   * runs, that the request turned out different: it stops at TypeScript's next cancellation
   * point, so a wrong guess costs little more than the time the main thread spent finding out.
   * Returns whether the guess was checked to the end (not stopped).
   */
  speculate(files: string[], changes: GateChange[], deep: ReadonlySet<string> = new Set(), cancelled: () => boolean = () => false): boolean {
    const saved = this.groups;
    this.groups = new Map([...saved].map(([config, group]) => [config, this.fork(group)]));
    this.speculation = null;
    this.speculated = true;
    this.cancelled = cancelled;
    try {
      const verdict = this.run(files, changes, deep);
      this.speculation = { key: requestKey(this.root, files, changes, deep), verdict, groups: this.groups, ahead: this.lastAhead };
    } catch {
      // Cancelled; or a problem the real check meets again and reports.
    } finally {
      this.groups = saved;
      this.cancelled = null;
    }
    return this.speculation !== null;
  }

  /**
   * Computes the "before" diagnostics of `files` (those the removal will most likely rewrite)
   * while the removal is still being planned, when the gate has nothing else to do: the check
   * then only builds its "after" Program and takes each file's before side from here, provided
   * the "before" Program it would have checked that file on is the same world for it (see SameWorld),
   * which it verifies; otherwise it checks that file itself as if nothing had been done ahead.
   * Done on a copy of the gate's state, so which imports are followed is still decided by the
   * check (see speculate); only parsed files are shared. `cancelled`: stops at TypeScript's next
   * cancellation point (a check or a guess was asked for: it checks the rest); the files finished so far are kept.
   */
  warmBefore(files: string[], cancelled: () => boolean = () => false): void {
    const clock = process.env.FLAGDEBT_DEBUG_GATE ? new PhaseClock() : null;
    this.cancelled = cancelled;
    try {
      for (const [config, roots] of rootsByConfig(this.root, files)) {
        const group = this.groupOf(config);
        const fork = this.fork(group);
        for (const r of roots) fork.resolution.depth.set(r, 0);
        const token = this.token();
        const program = createProgram(this.tsx, roots, fork, null, group.last, token);
        clock?.lap('before program');
        const early = { program, diagnostics: new Map<string, TypeDiagnostic[]>() };
        group.early = early;
        for (const f of roots) early.diagnostics.set(f, diagnosticsOf(this.tsx, program, [f], token));
        clock?.lap('before diagnostics');
        if (clock) traceGate(`${config}: before side of ${roots.length} files ahead, ${program.getSourceFiles().length} files in program, ${clock}`);
      }
    } catch {
      // Cancelled (what is done stays); or a problem the check meets again and reports.
      if (clock) traceGate(`before side ahead stopped: ${clock}`);
    } finally {
      this.cancelled = null;
    }
  }

  /** During a speculation: TypeScript's cancellation token, and a throw between steps, once the guess is wrong. */
  private token(): ts.CancellationToken | undefined {
    const cancelled = this.cancelled;
    if (cancelled === null) return undefined;
    const tsx = this.tsx;
    return {
      isCancellationRequested: cancelled,
      throwIfCancellationRequested: () => {
        if (cancelled()) throw new tsx.OperationCanceledException();
      },
    };
  }

  /** A copy of a group's state a check can change without changing the original; parsed files are shared (same text, same tree). */
  private fork(group: Group): Group {
    // TypeScript's module resolution cache answers from the disk and the options alone (a
    // Program of a removal that deletes files uses a fresh one): shared, so work done ahead or
    // on a guess is not done again. Which of its answers a Program takes (decisions) is the copy's.
    const resolution = { ...newResolution(this.tsx, group.options), cache: group.resolution.cache };
    for (const [file, depth] of group.resolution.depth) resolution.depth.set(file, depth);
    for (const [key, decided] of group.resolution.decisions) resolution.decisions.set(key, decided);
    return {
      ...group,
      resolution,
      before: group.before && { roots: new Set(group.before.roots), program: group.before.program },
      beforeDiagnostics: new Map(group.beforeDiagnostics),
    };
  }

  private run(files: string[], changes: GateChange[], deep: ReadonlySet<string>): GateVerdict | null {
    const tsx = this.tsx;
    const clock = process.env.FLAGDEBT_DEBUG_GATE ? new PhaseClock() : null;
    const changed = new Map(changes.map((c) => [c.path, c.after]));
    const byConfig = rootsByConfig(this.root, files);
    this.lastAhead = 0;
    if (byConfig.size === 0) return null;
    const verdict: GateVerdict = { tsconfigs: [...byConfig.keys()].sort(), checked: 0, before: [], after: [], added: [] };
    for (const [config, roots] of byConfig) {
      const group = this.groupOf(config);
      for (const r of roots) group.resolution.depth.set(r, deep.has(r) ? -DEEP_EXTRA : 0);
      const afterRoots = roots.filter((f) => changed.get(f) !== null);
      const token = this.token();
      const after = createProgram(tsx, afterRoots, group, changed, group.last ?? group.before?.program, token);
      clock?.lap('after program');
      group.last = after;
      const a = diagnosticsOf(tsx, after, afterRoots, token);
      clock?.lap('after diagnostics');
      // A file without errors after the removal cannot have new ones: only files with errors
      // need the "before" side (in a project that type-checks, the check is done here).
      const erring = new Set(a.map((d) => d.file));
      const b: TypeDiagnostic[] = [];
      if (erring.size > 0) {
        token?.throwIfCancellationRequested();
        if (!group.before || roots.some((r) => !group.before!.roots.has(r))) {
          const all = new Set([...(group.before?.roots ?? []), ...roots]);
          group.before = { roots: all, program: createProgram(tsx, [...all], group, null, group.before?.program ?? after, token) };
          clock?.lap('before program');
        }
        let ahead = 0;
        let world: SameWorld | undefined;
        for (const f of roots.filter((r) => erring.has(r))) {
          let d = group.beforeDiagnostics.get(f);
          if (!d) {
            const early = group.early?.diagnostics.get(f);
            world ??= group.early && new SameWorld(tsx, group.early.program, group.before.program);
            if (early && world?.holds(f)) {
              d = early;
              ahead++;
              this.lastAhead++;
            } else {
              d = diagnosticsOf(tsx, group.before.program, [f], token);
            }
            group.beforeDiagnostics.set(f, d);
          }
          b.push(...d);
        }
        clock?.lap(`before diagnostics (${ahead} of ${erring.size} files computed ahead)`);
      }
      verdict.checked += roots.length;
      verdict.before.push(...b);
      verdict.after.push(...a);
      verdict.added.push(...added(b, a));
      if (clock) traceGate(`${config}: ${roots.length} roots (${erring.size} with errors after), ${after.getSourceFiles().length} files in program, ${clock}`);
    }
    return verdict;
  }
}

/** The files a check type-checks, by nearest tsconfig, in the order given (which decides the order they are reached in). */
function rootsByConfig(root: string, files: Iterable<string>): Map<string, string[]> {
  const byConfig = new Map<string, string[]>();
  for (const file of new Set(files)) {
    if (!CHECKED.test(file) || file.endsWith('.d.ts')) continue;
    const config = nearestTsconfig(root, file);
    if (config === null) continue;
    byConfig.set(config, [...(byConfig.get(config) ?? []), file]);
  }
  return byConfig;
}

/**
 * A check's request as one string, made of exactly what the check depends on: its roots per
 * tsconfig in order, the deep ones among them, the texts by file. Two requests with the same
 * key get the same verdict from the same state (a file listed twice, or one that is not
 * type-checked, does not make a request different); a speculation serves only its own key.
 */
export function requestKey(root: string, files: Iterable<string>, changes: GateChange[], deep: ReadonlySet<string>): string {
  const roots = [...rootsByConfig(root, files)].map(([config, list]) => [config, list, list.filter((f) => deep.has(f))]);
  const texts = [...new Map(changes.map((c) => [c.path, c.after]))].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return JSON.stringify([roots, texts]);
}

function diagnosticsOf(tsx: TypeScript, program: ts.Program, files: string[], token?: ts.CancellationToken): TypeDiagnostic[] {
  const out: TypeDiagnostic[] = [];
  for (const file of files) {
    token?.throwIfCancellationRequested();
    const sf = program.getSourceFile(file);
    if (!sf) continue;
    for (const d of [...program.getSyntacticDiagnostics(sf, token), ...program.getSemanticDiagnostics(sf, token)]) {
      if (d.category !== tsx.DiagnosticCategory.Error) continue;
      const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      out.push({ file: path.resolve(d.file?.fileName ?? file), line: at ? at.line + 1 : 0, column: at ? at.character + 1 : 0, start: d.start, code: d.code, message: tsx.flattenDiagnosticMessageText(d.messageText, '\n') });
    }
  }
  return out;
}

const identity = (d: TypeDiagnostic): string => `${d.file}\0${d.code}\0${d.message}`;

/**
 * The same error where it was, its types printed otherwise: TypeScript prints a union's members
 * in the order their types were created, which a change elsewhere in the program can reorder
 * (`Type '{ docSection: "metrics" | "home" | ... 87 more ... }' is not assignable`). Same file,
 * code and offset, and the same message once every quoted type is blanked.
 */
const site = (d: TypeDiagnostic): string | undefined =>
  d.start === undefined ? undefined : `${d.file}\0${d.code}\0${d.start}\0${d.message.replace(/'(?:[^'\n])*'/g, "''")}`;

/**
 * Diagnostics in `after` beyond those in `before`, compared as multisets by file, code and
 * message; then what is left, by the error's site (see `site`).
 */
export function added(before: TypeDiagnostic[], after: TypeDiagnostic[]): TypeDiagnostic[] {
  const unmatched = (have: TypeDiagnostic[], want: TypeDiagnostic[], key: (d: TypeDiagnostic) => string | undefined) => {
    const counts = new Map<string, TypeDiagnostic[]>();
    for (const d of have) {
      const k = key(d);
      if (k === undefined) continue;
      const list = counts.get(k);
      if (list) list.push(d);
      else counts.set(k, [d]);
    }
    const left: TypeDiagnostic[] = [];
    const used = new Set<TypeDiagnostic>();
    for (const d of want) {
      const k = key(d);
      const match = k === undefined ? undefined : counts.get(k)?.pop();
      if (match) used.add(match);
      else left.push(d);
    }
    return { left, rest: have.filter((d) => !used.has(d)) };
  };
  const exact = unmatched(before, after, identity);
  return unmatched(exact.rest, exact.left, site).left;
}

