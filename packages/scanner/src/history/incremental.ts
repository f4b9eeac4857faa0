/**
 * Incremental history: after one full scan, a commit is scanned as a subset: the files that
 * changed since the previous point (edited, added, deleted), everything whose reads may resolve
 * through them (their importers), and the files those import (so the subset learns the same
 * wrappers and key sources as a full scan); every other file keeps the records of the last point.
 *
 * Registry keys that came or went re-scan the files that spell them; the unregistered count is
 * recomputed from the keys every file reads. Declarations that a read elsewhere may have added
 * or taken away are checked after the subset scan (`apply`); when the subset cannot tell, and
 * whenever something could change what every file means (the config, a tsconfig, a .gitignore,
 * a package.json's module fields), the commit is scanned in full instead.
 */
import path from 'node:path';
import { CandidateFilter, FlagProject, type FlagdebtConfig, type Registry } from '@flagdebt/core';
import picomatch from 'picomatch';
import type { ScanResult } from '../types.js';
import type { BlobStore } from './blob-store.js';
import type { CommitSnapshot } from './commit-snapshot.js';
import type { TreeChange, TreeEntry } from './git.js';
import { ImportGraph, importSpecifiers, isSourcePath, repoRelative, resolveImports, specifierStem, stemsOf } from './import-graph.js';
import { FileRecords } from './file-records.js';
import { packageJsonMatters } from './package-json.js';

const STEERING = /(^|\/)(\.gitignore|pnpm-workspace\.yaml|[jt]sconfig[^/]*\.json|flagdebt\.config\.(json|ya?ml))$/;
const PACKAGE_JSON = /(^|\/)package\.json$/;
/** Past this share of the scanned files, a full scan is as cheap as the bookkeeping. */
const MAX_SUBSET_SHARE = 0.5;
/** ...but a small project never needs the full scan for size alone. */
const MIN_SUBSET_LIMIT = 200;

export interface DeltaPlan {
  /** Repository-relative files whose records are replaced (deleted ones included: they are dropped). */
  recompute: Set<string>;
  /** Repository-relative files the subset scan lists (recompute + what they import). */
  listed: Set<string>;
}

/** Why a commit was scanned in full (for the bench and debugging). */
export type FullReason = 'first' | 'config' | 'steering' | 'scanned-non-source' | 'too-many' | 'declarations' | 'no-baseline';

interface Baseline {
  config: FlagdebtConfig;
  registry: Registry;
  /** Source files under the scanned folder. */
  sources: number;
  records: FileRecords;
}

export class IncrementalState {
  private baseline: Baseline | undefined;
  private graph = new ImportGraph();
  private readonly specifiers = new Map<string, string[]>();
  /** Files by the stems of their specifiers: who may import a file that appears. */
  private readonly byStem = new Map<string, Set<string>>();
  /**
   * Whether the graph describes the tree of the last point under its config. It is brought up to
   * date by every plan that gets past the checks for steering files, so a busy repository whose
   * commits are scanned in full does not rebuild it for every point.
   */
  private graphValid = false;
  /** Why the last `plan` or `apply` gave up, if it did. */
  lastFullReason: FullReason = 'first';

  constructor(
    private readonly repoRoot: string,
    private readonly dir: string,
    private readonly blobs: BlobStore,
  ) {}

  /** After a full scan: its records become the baseline and the import graph is rebuilt. */
  rebaseline(snapshot: CommitSnapshot, tree: ReadonlyMap<string, TreeEntry>, config: FlagdebtConfig, registry: Registry, result: ScanResult): void {
    // The merge adds up per-file records; if the summary were ever counted otherwise, stay full.
    if (result.summary.references !== result.references.length || result.summary.unregistered !== result.unregistered.length) {
      this.baseline = undefined;
      return;
    }
    if (!this.graphValid) {
      this.graph = new ImportGraph();
      this.byStem.clear();
      const resolve = this.resolver(snapshot, config);
      for (const [rel, entry] of tree) {
        if (isSourcePath(rel)) this.setImports(rel, entry.blob, resolve);
      }
      this.graphValid = true;
    }
    this.baseline = { config, registry, sources: this.sourcesIn(tree), records: FileRecords.from(result, (file) => this.fromScanRoot(file)) };
  }

  forget(): void {
    this.baseline = undefined;
    this.graphValid = false;
  }

  /** Blobs the import graph needs (every source file of the tree), none while it is up to date. */
  graphBlobs(tree: ReadonlyMap<string, TreeEntry>): string[] {
    if (this.graphValid) return [];
    return [...tree].filter(([rel]) => isSourcePath(rel)).map(([, entry]) => entry.blob);
  }

  /**
   * A subset plan for this commit, or null when only a full scan is safe (`lastFullReason` says
   * why). `changes` are the tree changes since the commit of the baseline (the previous point).
   */
  plan(snapshot: CommitSnapshot, tree: ReadonlyMap<string, TreeEntry>, changes: readonly TreeChange[], config: FlagdebtConfig, registry: Registry): DeltaPlan | null {
    const base = this.baseline;
    // Until the graph is brought up to date below, it describes the previous tree.
    this.graphValid = false;
    if (!base) return this.full('no-baseline');
    if (base.config !== config) return this.full('config');
    const prefix = repoRelative(this.repoRoot, this.dir) ?? '';
    const scanned = this.scannedMatcher(config);
    const registryFile = repoRelative(this.repoRoot, registry.file);
    const edited: string[] = [];
    const added: string[] = [];
    const deleted: string[] = [];
    for (const change of changes) {
      const rel = change.path;
      if (rel === registryFile) continue; // its keys are compared below
      if (STEERING.test(rel)) return this.full('steering');
      if (PACKAGE_JSON.test(rel)) {
        // Dependency bumps are most of a busy repository's commits; only module fields steer resolution.
        const text = (entry: TreeEntry | undefined) => (entry ? (this.blobs.text(entry.blob) ?? '') : undefined);
        if (packageJsonMatters(text(change.before), text(change.after))) return this.full('steering');
      } else if (isSourcePath(rel)) {
        (!change.before ? added : !change.after ? deleted : edited).push(rel);
      } else if (scanned(rel)) {
        return this.full('scanned-non-source');
      }
    }

    const resolve = this.resolver(snapshot, config);
    // Files whose specifiers may now reach another file: importers of what was deleted, and
    // files naming what appeared. Only those whose resolution really changed count as changed.
    const rewired = new Set<string>();
    const maybe = new Set<string>();
    for (const rel of deleted) for (const importer of this.graph.importers(rel)) maybe.add(importer);
    for (const rel of added) for (const stem of stemsOf(rel)) for (const file of this.byStem.get(stem) ?? []) maybe.add(file);
    const seeds = [...edited, ...added, ...deleted];
    for (const rel of seeds) maybe.delete(rel);
    const rewiredImports = new Map<string, string[]>();
    for (const rel of maybe) {
      const entry = tree.get(rel);
      if (!entry) continue;
      const now = resolveImports(rel, this.specifiersOf(entry.blob), resolve);
      if (!sameList(now, this.graph.imports(rel))) {
        rewired.add(rel);
        rewiredImports.set(rel, now);
      }
    }

    // Registry keys that came or went: files spelling them gain or lose declarations.
    const keyFiles = sameKeys(base.registry, registry) ? [] : this.spelling(tree, prefix, changedKeys(base.registry, registry));

    const changed = [...seeds, ...rewired, ...keyFiles];
    const recomputeBefore = this.graph.importersOf(changed);
    const reachedBefore = this.graph.importedBy(recomputeBefore);
    for (const rel of deleted) this.graph.remove(rel);
    for (const rel of [...edited, ...added]) this.setImports(rel, tree.get(rel)!.blob, resolve);
    for (const [rel, targets] of rewiredImports) this.graph.setImports(rel, targets);
    this.graphValid = true;
    const recompute = new Set([...recomputeBefore, ...this.graph.importersOf(changed)]);
    const reachedNow = this.graph.importedBy(recompute);

    const inside = new Set([...recompute].filter((rel) => isInside(prefix, rel)));
    const providers = new Set<string>();
    for (const rel of new Set([...reachedBefore, ...reachedNow])) {
      if (!recompute.has(rel) && isInside(prefix, rel) && isSourcePath(rel) && tree.has(rel)) providers.add(rel);
    }
    const sources = base.sources + added.filter((rel) => isInside(prefix, rel)).length - deleted.filter((rel) => isInside(prefix, rel)).length;
    base.sources = sources;
    if (inside.size + providers.size > Math.max(MIN_SUBSET_LIMIT, MAX_SUBSET_SHARE * sources)) return this.full('too-many');
    return { recompute: inside, listed: new Set([...inside, ...providers].filter((rel) => tree.has(rel))) };
  }

  /**
   * Folds a subset scan into the baseline and returns the whole-project counts, or null when a
   * file the subset only listed may have gained or lost declarations it cannot account for.
   */
  apply(plan: DeltaPlan, config: FlagdebtConfig, registry: Registry, subset: ScanResult): { references: number; unregistered: number } | null {
    const base = this.baseline!;
    const found = FileRecords.from(subset, (file) => this.fromScanRoot(file));
    // A listed file keeps its reads (nothing it imports changed), but a read elsewhere may have
    // marked one of its containers as a key source, or stopped doing so.
    const grown = new Map<string, ReturnType<FileRecords['get']>>();
    for (const rel of plan.listed) {
      if (plan.recompute.has(rel)) continue;
      const was = base.records.declarations(rel);
      const now = found.declarations(rel);
      if (was.size === now.size && [...was].every((d) => now.has(d))) continue;
      // The subset saw every declaration the baseline had, and more: those are the new marks.
      // Fewer: a mark may come from a file the subset did not list, or may be gone; cannot tell.
      if (![...was].every((d) => now.has(d))) {
        this.baseline = undefined;
        this.lastFullReason = 'declarations';
        return null;
      }
      grown.set(rel, found.get(rel));
    }
    for (const rel of plan.recompute) base.records.set(rel, found.get(rel));
    for (const [rel, records] of grown) base.records.set(rel, records);
    this.baseline = { ...base, config, registry };
    return { references: base.records.references(), unregistered: base.records.unregistered(registry) };
  }

  private full(reason: FullReason): null {
    this.lastFullReason = reason;
    return null;
  }

  private setImports(rel: string, blob: string, resolve: (specifier: string, fromRel: string) => string | null): void {
    const specifiers = this.specifiersOf(blob);
    for (const specifier of specifiers) {
      const stem = specifierStem(specifier);
      let files = this.byStem.get(stem);
      if (!files) this.byStem.set(stem, (files = new Set()));
      files.add(rel);
    }
    this.graph.setImports(rel, resolveImports(rel, specifiers, resolve));
  }

  /** Scanned source files whose text spells one of `keys`. */
  private spelling(tree: ReadonlyMap<string, TreeEntry>, prefix: string, keys: string[]): string[] {
    const filter = new CandidateFilter([], keys);
    const files: string[] = [];
    for (const [rel, entry] of tree) {
      if (isInside(prefix, rel) && isSourcePath(rel) && filter.matches(this.blobs.text(entry.blob) ?? '')) files.push(rel);
    }
    return files;
  }

  private sourcesIn(tree: ReadonlyMap<string, TreeEntry>): number {
    const prefix = repoRelative(this.repoRoot, this.dir) ?? '';
    let n = 0;
    for (const rel of tree.keys()) if (isInside(prefix, rel) && isSourcePath(rel)) n++;
    return n;
  }

  private specifiersOf(blob: string): string[] {
    let specifiers = this.specifiers.get(blob);
    if (!specifiers) this.specifiers.set(blob, (specifiers = importSpecifiers(this.blobs.text(blob) ?? '')));
    return specifiers;
  }

  private resolver(snapshot: CommitSnapshot, config: FlagdebtConfig) {
    const project = new FlagProject({ root: config.root, accessors: config.accessors, host: snapshot.host });
    const cache = new Map<string, string | null>();
    return (specifier: string, fromRel: string): string | null => {
      // Relative specifiers depend on the folder, bare ones (aliases, packages) not even on that.
      const scope = specifier.startsWith('.') ? path.posix.dirname(fromRel) : '';
      const key = `${scope}\u0000${specifier}`;
      let target = cache.get(key);
      if (target === undefined) {
        const resolved = project.resolveModule(specifier, path.join(this.repoRoot, fromRel));
        target = resolved === null ? null : repoRelative(this.repoRoot, resolved);
        cache.set(key, target);
      }
      return target;
    };
  }

  /** Whether a repository path is one the scan lists (include/exclude of the config). */
  private scannedMatcher(config: FlagdebtConfig): (rel: string) => boolean {
    const include = picomatch(config.include, { dot: true });
    const exclude = picomatch(config.exclude, { dot: true });
    return (rel) => {
      const fromConfig = repoRelative(config.root, path.join(this.repoRoot, rel));
      return fromConfig !== null && include(fromConfig) && !exclude(fromConfig);
    };
  }

  private fromScanRoot(file: string): string {
    return repoRelative(this.repoRoot, path.join(this.dir, file))!;
  }
}

function isInside(prefix: string, rel: string): boolean {
  return prefix === '' || rel.startsWith(`${prefix}/`);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(b);
  return a.every((x) => set.has(x));
}

function sameKeys(a: Registry, b: Registry): boolean {
  if (a.flags.size !== b.flags.size) return false;
  for (const key of a.flags.keys()) if (!b.flags.has(key)) return false;
  return true;
}

function changedKeys(a: Registry, b: Registry): string[] {
  return [...[...a.flags.keys()].filter((key) => !b.flags.has(key)), ...[...b.flags.keys()].filter((key) => !a.flags.has(key))];
}
