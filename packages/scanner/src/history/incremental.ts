/**
 * Incremental history: a commit that only edits ordinary source files is scanned as a subset
 * (the edited files and everything whose reads may resolve through them); every other file keeps
 * the reference counts of the last commit. Anything that could change what other files mean
 * (config, registry keys, tsconfig, .gitignore, added or deleted files, a read that may mark a
 * container elsewhere as a key source) makes the commit a full scan instead.
 */
import path from 'node:path';
import { CandidateFilter, FlagProject, type FlagdebtConfig, type Registry } from '@flagdebt/core';
import picomatch from 'picomatch';
import type { ScanResult } from '../types.js';
import type { BlobStore } from './blob-store.js';
import type { CommitSnapshot } from './commit-snapshot.js';
import type { TreeChange, TreeEntry } from './git.js';
import { ImportGraph, importSpecifiers, isSourcePath, repoRelative, resolveImports } from './import-graph.js';
import { keySourceShape, type KeySourceShape } from './key-sources.js';

const STEERING = /(^|\/)(\.gitignore|package\.json|[jt]sconfig[^/]*\.json|flagdebt\.config\.(json|ya?ml))$/;
/** Past this share of the scanned files, a full scan is as cheap as the bookkeeping. */
const MAX_SUBSET_SHARE = 0.3;
/** ...but a small project never needs the full scan for size alone. */
const MIN_SUBSET_LIMIT = 200;

export interface DeltaPlan {
  /** Repository-relative files whose counts are recomputed. */
  recompute: Set<string>;
  /** Repository-relative files the subset scan lists (recompute + wrapper providers). */
  listed: Set<string>;
}

interface Baseline {
  registry: Registry;
  /** Source files under the scanned folder (the file set is fixed between full scans). */
  sources: number;
  references: Map<string, number>;
  unregistered: Map<string, number>;
}

export class IncrementalState {
  private baseline: Baseline | undefined;
  private graph = new ImportGraph();
  private readonly specifiers = new Map<string, string[]>();
  private readonly shapes = new Map<string, KeySourceShape>();
  private filter: { registry: Registry; filter: CandidateFilter } | undefined;

  constructor(
    private readonly repoRoot: string,
    private readonly dir: string,
    private readonly blobs: BlobStore,
  ) {}

  /** After a full scan: its counts become the baseline and the import graph is rebuilt. */
  rebaseline(snapshot: CommitSnapshot, tree: ReadonlyMap<string, TreeEntry>, config: FlagdebtConfig, registry: Registry, result: ScanResult): void {
    // The merge below adds up per-file records; if the summary were ever counted otherwise, stay full.
    if (result.summary.references !== result.references.length || result.summary.unregistered !== result.unregistered.length) {
      this.baseline = undefined;
      return;
    }
    const references = new Map<string, number>();
    const unregistered = new Map<string, number>();
    for (const ref of result.references) bump(references, this.fromScanRoot(ref.file));
    for (const entry of result.unregistered) bump(unregistered, this.fromScanRoot(entry.file));
    this.graph = new ImportGraph();
    const resolve = this.resolver(snapshot, config);
    for (const [rel, entry] of tree) {
      if (isSourcePath(rel)) this.graph.setImports(rel, resolveImports(rel, this.specifiersOf(entry.blob), resolve));
    }
    const prefix = repoRelative(this.repoRoot, this.dir) ?? '';
    const sources = [...tree.keys()].filter((rel) => isInside(prefix, rel) && isSourcePath(rel)).length;
    this.baseline = { registry, sources, references, unregistered };
  }

  forget(): void {
    this.baseline = undefined;
  }

  /** Blobs the import graph needs (every source file of the tree). */
  graphBlobs(tree: ReadonlyMap<string, TreeEntry>): string[] {
    return [...tree].filter(([rel]) => isSourcePath(rel)).map(([, entry]) => entry.blob);
  }

  /**
   * A subset plan for this commit, or null when only a full scan is safe. `changes` are the tree
   * changes since the commit of the baseline (the previous point).
   */
  plan(snapshot: CommitSnapshot, tree: ReadonlyMap<string, TreeEntry>, changes: readonly TreeChange[], config: FlagdebtConfig, registry: Registry): DeltaPlan | null {
    const base = this.baseline;
    if (!base || !sameKeys(base.registry, registry)) return null;
    const prefix = repoRelative(this.repoRoot, this.dir) ?? '';
    const scanned = this.scannedMatcher(config);
    const registryFile = repoRelative(this.repoRoot, registry.file);
    const changed: string[] = [];
    for (const change of changes) {
      const rel = change.path;
      if (!change.before || !change.after) {
        // A file that matters to resolution or discovery came or went: full scan.
        if (isSourcePath(rel) || STEERING.test(rel) || scanned(rel)) return null;
      } else if (STEERING.test(rel)) {
        return null;
      } else if (isSourcePath(rel)) {
        changed.push(rel);
      } else if (rel !== registryFile && scanned(rel)) {
        return null;
      }
    }

    const recompute = this.graph.importersOf(changed);
    const reachedBefore = this.graph.importedBy(recompute);
    const resolve = this.resolver(snapshot, config);
    for (const rel of changed) this.graph.setImports(rel, resolveImports(rel, this.specifiersOf(tree.get(rel)!.blob), resolve));
    const reachedNow = this.graph.importedBy(recompute);

    const filter = this.candidateFilter(config, registry);
    const providers = new Set<string>();
    for (const rel of new Set([...reachedBefore, ...reachedNow])) {
      if (recompute.has(rel) || !isInside(prefix, rel) || !isSourcePath(rel)) continue;
      const blob = tree.get(rel)?.blob;
      if (!blob) continue;
      const text = this.blobs.text(blob) ?? '';
      if (!this.declarationsStable(rel, blob, text, filter)) return null;
      // Wrappers the recomputed files call (and the wrappers those call) live in what they
      // import: list all of it, so the subset scan learns the same wrapper names as a full scan.
      providers.add(rel);
    }
    const inside = [...recompute].filter((rel) => isInside(prefix, rel));
    if (inside.length + providers.size > Math.max(MIN_SUBSET_LIMIT, MAX_SUBSET_SHARE * base.sources)) return null;
    return { recompute: new Set(inside), listed: new Set([...inside, ...providers]) };
  }

  /** Folds a subset scan into the baseline and returns the whole-project counts. */
  apply(plan: DeltaPlan, registry: Registry, subset: ScanResult): { references: number; unregistered: number } {
    const base = this.baseline!;
    for (const rel of plan.recompute) {
      base.references.delete(rel);
      base.unregistered.delete(rel);
    }
    for (const ref of subset.references) {
      const rel = this.fromScanRoot(ref.file);
      if (plan.recompute.has(rel)) bump(base.references, rel);
    }
    for (const entry of subset.unregistered) {
      const rel = this.fromScanRoot(entry.file);
      if (plan.recompute.has(rel)) bump(base.unregistered, rel);
    }
    this.baseline = { ...base, registry };
    return { references: sum(base.references), unregistered: sum(base.unregistered) };
  }

  /**
   * A file outside the recomputed set keeps its declarations if none of its containers depends
   * on being marked by a read, and, when it has flag-named ones, it is a candidate by its text.
   */
  private declarationsStable(rel: string, blob: string, text: string, filter: CandidateFilter): boolean {
    let shape = this.shapes.get(blob);
    if (!shape) this.shapes.set(blob, (shape = keySourceShape(rel, text)));
    if (shape.containers === 0) return true;
    return shape.markedOnly === 0 && filter.matches(text);
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

  private candidateFilter(config: FlagdebtConfig, registry: Registry): CandidateFilter {
    if (this.filter?.registry !== registry) {
      // A fresh project knows no wrappers yet: its words are exactly the accessors' own, as core
      // defines them (the scanner adds wrapper names on top, which only makes more candidates).
      const words = new FlagProject({ root: config.root, accessors: config.accessors, host: { readFile: () => undefined, fileExists: () => false } }).candidateWords();
      this.filter = { registry, filter: new CandidateFilter(words, registry.flags.keys()) };
    }
    return this.filter.filter;
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

function sameKeys(a: Registry, b: Registry): boolean {
  if (a.flags.size !== b.flags.size) return false;
  for (const key of a.flags.keys()) if (!b.flags.has(key)) return false;
  return true;
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function sum(counts: Map<string, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}
