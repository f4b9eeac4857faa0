/**
 * What a commit's tree changes mean for the scan, before anything is re-scanned: which source
 * files were edited, added or deleted, whether a steering file changed how imports resolve, and
 * whether only a full scan is safe. Steering files (tsconfig and the bases tsconfigs extend,
 * package.json, pnpm-workspace.yaml, .gitignore) count only when they change what the scanner sees (package-json.ts); a changed
 * flagdebt config or a scanned file that is not source means a full scan.
 */
import path from 'node:path';
import type { FlagdebtConfig, Registry } from '@flagdebt/core';
import picomatch from 'picomatch';
import type { TreeChange, TreeEntry } from './git.js';
import { isSourcePath, repoRelative } from './import-graph.js';
import { gitignoreFlips, packageJsonMatters, pnpmWorkspaceMatters, tsconfigMatters } from './package-json.js';
import { TSCONFIG, isTsconfigBase } from './tsconfig-bases.js';

const STEERING = /(^|\/)flagdebt\.config\.(json|ya?ml)$/;
const GITIGNORE = /(^|\/)\.gitignore$/;
const PACKAGE_JSON = /(^|\/)package\.json$/;
const PNPM_WORKSPACE = /(^|\/)pnpm-workspace\.yaml$/;

export interface TreeDelta {
  /** Source files whose text changed, or whose ignore verdict flipped (re-scanned as if edited). */
  edited: string[];
  added: string[];
  deleted: string[];
  /**
   * How imports may now resolve otherwise: a package.json changed (all specifiers), only
   * tsconfigs (bare specifiers, and relative ones under changed options), or pnpm-workspace.yaml
   * (package names only).
   */
  resolution?: 'all' | 'options' | 'bare';
}

/** Where the changes are read: the repository, the scanned folder in it, the commit's blobs. */
export interface DeltaContext {
  repoRoot: string;
  /** The scanned folder, repository-relative ('' for the root). */
  prefix: string;
  text(blob: string): string | undefined;
}

/** The delta of `changes` (repository-relative) for a scan with `config`, or why only a full scan is safe. */
export function treeDelta(
  ctx: DeltaContext,
  tree: ReadonlyMap<string, TreeEntry>,
  changes: readonly TreeChange[],
  config: FlagdebtConfig,
  registry: Registry,
): TreeDelta | { full: 'steering' | 'scanned-non-source' } {
  const scanned = scannedMatcher(ctx.repoRoot, config);
  // A registry in code is a source file too: its edits are scanned like any other.
  const registryFile = registry.source === 'code' ? undefined : repoRelative(ctx.repoRoot, registry.file);
  const delta: TreeDelta = { edited: [], added: [], deleted: [] };
  const text = (entry: TreeEntry | undefined) => (entry ? (ctx.text(entry.blob) ?? '') : undefined);
  for (const change of changes) {
    const rel = change.path;
    if (rel === registryFile) continue; // its keys are compared by the caller
    if (STEERING.test(rel)) return { full: 'steering' };
    if (PACKAGE_JSON.test(rel)) {
      // Dependency bumps are most of a busy repository's commits; only module fields steer resolution.
      if (packageJsonMatters(text(change.before), text(change.after))) delta.resolution = 'all';
    } else if (PNPM_WORKSPACE.test(rel)) {
      if (pnpmWorkspaceMatters(text(change.before), text(change.after))) delta.resolution ??= 'bare';
    } else if (TSCONFIG.test(rel) || isTsconfigBase(rel, tree, ctx.text)) {
      if (tsconfigMatters(path.join(ctx.repoRoot, rel), text(change.before), text(change.after)) && delta.resolution !== 'all') delta.resolution = 'options';
    } else if (GITIGNORE.test(rel)) {
      // Only files the config selects can be scanned (a lock file's verdict does not matter), and
      // a .gitignore rules only the paths below its own folder; one that becomes ignored or stops
      // being ignored is re-scanned, as if edited.
      const folder = path.posix.dirname(rel);
      const below = [...tree.keys()].filter((file) => (folder === '.' || file.startsWith(`${folder}/`)) && isInside(ctx.prefix, file));
      for (const flipped of gitignoreFlips(ctx.repoRoot, rel, text(change.before), text(change.after), below)) {
        if (!scanned(flipped)) continue;
        if (!isSourcePath(flipped)) return { full: 'scanned-non-source' };
        if (tree.has(flipped)) delta.edited.push(flipped);
      }
    } else if (isSourcePath(rel)) {
      (!change.before ? delta.added : !change.after ? delta.deleted : delta.edited).push(rel);
    } else if (scanned(rel)) {
      return { full: 'scanned-non-source' };
    }
  }
  return delta;
}

/** Registry keys that came or went between two registries. */
export function changedKeys(a: Registry, b: Registry): string[] {
  return [...[...a.flags.keys()].filter((key) => !b.flags.has(key)), ...[...b.flags.keys()].filter((key) => !a.flags.has(key))];
}

export function isInside(prefix: string, rel: string): boolean {
  return prefix === '' || rel.startsWith(`${prefix}/`);
}

/** Whether a repository path is one the scan lists (include/exclude of the config). */
function scannedMatcher(repoRoot: string, config: FlagdebtConfig): (rel: string) => boolean {
  // Compiled once per config (every point of a run shares it), not once per point.
  const known = matchers.get(config);
  if (known?.repoRoot === repoRoot) return known.scanned;
  const include = picomatch(config.include, { dot: true });
  const exclude = picomatch(config.exclude, { dot: true });
  const scanned = (rel: string) => {
    const fromConfig = repoRelative(config.root, path.join(repoRoot, rel));
    return fromConfig !== null && include(fromConfig) && !exclude(fromConfig);
  };
  matchers.set(config, { repoRoot, scanned });
  return scanned;
}

const matchers = new WeakMap<FlagdebtConfig, { repoRoot: string; scanned: (rel: string) => boolean }>();
