/**
 * Which unchanged files a commit rewires: their import specifiers now reach other files, because
 * a file appeared or because a tsconfig, package.json or the workspace packages changed how
 * specifiers resolve. Such a file's reads may change although its text did not.
 */
import path from 'node:path';
import { FlagProject, type FlagdebtConfig } from '@flagdebt/core';
import type { CommitSnapshot } from './commit-snapshot.js';
import type { DependencyMap } from './dependency-map.js';
import type { TreeEntry } from './git.js';
import { importSpecifiers, isSourcePath, repoRelative, specifierStem, stemsOf } from './import-graph.js';
import { packageName, relativeResolutionKey } from './package-json.js';

export type Resolve = (specifier: string, fromRel: string) => string | null;

/** Resolution at one commit, and what a file's relative specifiers resolve by (as a comparable string). */
export interface CommitResolver {
  resolve: Resolve;
  relativeOptionsOf(fromRel: string): string;
}

const NO_STEMS: readonly string[] = [];

/** Import specifiers per file, and files by the stems their specifiers end in. */
export class SpecifierIndex {
  private readonly specifiers = new Map<string, string[]>();
  private readonly byStem = new Map<string, Set<string>>();
  private readonly stemsByFile = new Map<string, readonly string[]>();
  /**
   * Whether the index describes the tree of the last commit. Built once, then kept up to date
   * commit by commit (it depends on no config, so a full scan does not invalidate it).
   */
  valid = false;

  constructor(private readonly text: (blob: string) => string | undefined) {}

  build(tree: ReadonlyMap<string, TreeEntry>): void {
    for (const [rel, entry] of tree) if (isSourcePath(rel)) this.set(rel, entry.blob);
    this.valid = true;
  }

  /** Lists `rel` under the stems of its specifiers (`blob` undefined: it was deleted). */
  set(rel: string, blob: string | undefined, before?: string): void {
    // The replaced version's specifiers are not asked again (another path with the same blob
    // would have them worked out anew).
    if (before !== undefined && before !== blob) this.specifiers.delete(before);
    const stems = blob === undefined ? NO_STEMS : distinctStems(this.specifiersOf(blob));
    // Most edits keep a file's imports: only the stems that came or went move.
    const old = this.stemsByFile.get(rel) ?? NO_STEMS;
    if (old.length === stems.length && old.every((stem, i) => stem === stems[i])) return;
    const now = lookup(stems);
    const was = lookup(old);
    for (const stem of old) if (!now(stem)) this.byStem.get(stem)?.delete(rel);
    for (const stem of stems) {
      if (was(stem)) continue;
      let files = this.byStem.get(stem);
      if (!files) this.byStem.set(stem, (files = new Set()));
      files.add(rel);
    }
    if (stems.length > 0) this.stemsByFile.set(rel, stems);
    else this.stemsByFile.delete(rel);
  }

  specifiersOf(blob: string): string[] {
    let specifiers = this.specifiers.get(blob);
    if (!specifiers) this.specifiers.set(blob, (specifiers = importSpecifiers(this.text(blob) ?? '')));
    return specifiers;
  }

  /** Files with a specifier ending in `stem` (see `specifierStem`). */
  importing(stem: string): ReadonlySet<string> {
    return this.byStem.get(stem) ?? new Set();
  }
}

/** A generated barrel can import a thousand modules: past a few stems, membership is a Set's. */
const FEW = 16;

function distinctStems(specifiers: readonly string[]): readonly string[] {
  if (specifiers.length > FEW) return [...new Set(specifiers.map(specifierStem))];
  const stems: string[] = [];
  for (const specifier of specifiers) {
    const stem = specifierStem(specifier);
    if (!stems.includes(stem)) stems.push(stem);
  }
  return stems;
}

function lookup(stems: readonly string[]): (stem: string) => boolean {
  if (stems.length <= FEW) return (stem) => stems.includes(stem);
  const set = new Set(stems);
  return (stem) => set.has(stem);
}

/**
 * Resolution at one commit with core's resolver, repository-relative, memoised per folder;
 * `resolutions`: core's entries already known for that commit's tree (`ResolutionMemo`).
 */
/** Numbers each resolver, so that options one could not read never equal another's. */
let resolvers = 0;

export function resolverAt(repoRoot: string, snapshot: CommitSnapshot, config: FlagdebtConfig, resolutions?: Map<string, string | null>): CommitResolver {
  const project = new FlagProject({ root: config.root, accessors: config.accessors, host: snapshot.host, resolutions });
  const cache = new Map<string, string | null>();
  const spelled = new WeakMap<object, string>();
  const optionIds = new WeakMap<object, number>();
  const scopes = new Map<string, string>();
  const unknown = ++resolvers;
  /**
   * What a bare specifier's resolution from a folder depends on besides the specifier: the
   * tsconfig options TypeScript resolves with (`baseUrl` and `paths` are absolute there), the
   * `node_modules` folders up the tree (packages, workspace links, `@types`) and the nearest
   * package.json (a package importing itself by name). Folders that agree on all three resolve a
   * bare specifier the same, so it is resolved once for them, not once per folder (a tsconfig
   * change asks every bare specifier of the files that can hold a read: thousands, mostly the
   * same few hundred from different folders). Undefined: by folder, as core does.
   */
  const fileScopes = new Map<string, string | undefined>();
  const bareScope = (fromRel: string): string | undefined => {
    // A file asks for each of its bare specifiers: its scope is worked out once.
    if (fileScopes.has(fromRel)) return fileScopes.get(fromRel);
    const scope = bareScopeOf(fromRel);
    fileScopes.set(fromRel, scope);
    return scope;
  };
  const bareScopeOf = (fromRel: string): string | undefined => {
    // Options by file (a solution-style tsconfig hands a file to the project that includes it).
    let options: object;
    try {
      options = project.resolutionOptions(path.join(repoRoot, fromRel));
    } catch {
      return undefined;
    }
    let id = optionIds.get(options);
    if (id === undefined) optionIds.set(options, (id = ++resolvers));
    const dir = path.posix.dirname(fromRel);
    let scope = scopes.get(dir);
    if (scope === undefined) {
      const modules: string[] = [];
      let manifest: string | undefined;
      for (let at = dir; ; at = path.posix.dirname(at)) {
        const abs = at === '.' ? repoRoot : path.join(repoRoot, at);
        // No answer counts as a folder: then no two folders share a scope.
        if (snapshot.host.directoryExists?.(path.join(abs, 'node_modules')) !== false) modules.push(at);
        if (manifest === undefined && snapshot.host.fileExists(path.join(abs, 'package.json'))) manifest = at;
        if (at === '.' || at === '/') break;
      }
      scope = `${manifest ?? ''}\u0000${modules.join('\u0000')}`;
      scopes.set(dir, scope);
    }
    return `${id}\u0000${scope}`;
  };
  return {
    resolve: (specifier, fromRel) => {
      // Relative specifiers depend on the folder; bare ones on what `bareScope` lists (`#`
      // imports on the nearest package.json's `imports`: by folder too, to be plain).
      const bare = !specifier.startsWith('.') && !specifier.startsWith('#') && !path.isAbsolute(specifier);
      const scope = bare ? bareScope(fromRel) : undefined;
      const key = scope === undefined ? `${path.posix.dirname(fromRel)}\u0000${specifier}` : `\u0001${scope}\u0000${specifier}`;
      let target = cache.get(key);
      if (target === undefined) {
        const resolved = project.resolveModule(specifier, path.join(repoRoot, fromRel));
        target = resolved === null ? null : repoRelative(repoRoot, resolved);
        cache.set(key, target);
      }
      return target;
    },
    relativeOptionsOf: (fromRel) => {
      // By file, not folder: a solution-style tsconfig hands a file to the project that includes it.
      let options: Record<string, unknown>;
      try {
        options = project.resolutionOptions(path.join(repoRoot, fromRel));
      } catch {
        // Unreadable here: unlike anything the other commit gives, so every specifier is asked.
        return `\u0000unknown ${unknown}`;
      }
      let key = spelled.get(options);
      if (key === undefined) spelled.set(options, (key = relativeResolutionKey(options)));
      return key;
    },
  };
}

/**
 * Unchanged files (not in `seeds`) with a specifier that now reaches one of the `added` files;
 * `aliases`: package names and exact `paths` keys that may name an added file.
 */
export function reachingAdded(
  index: SpecifierIndex,
  tree: ReadonlyMap<string, TreeEntry>,
  added: readonly string[],
  seeds: ReadonlySet<string>,
  resolve: Resolve,
  aliases: readonly string[] = [],
): string[] {
  const appeared = new Set(added);
  // Only a specifier ending in an added file's stem (or an alias's) can reach it: the file's
  // other specifiers (most of them, `react` among them) are not resolved.
  const stems = new Set([...added.flatMap(stemsOf), ...aliases.map(specifierStem)]);
  const maybe = new Set<string>();
  for (const stem of stems) for (const file of index.importing(stem)) if (!seeds.has(file)) maybe.add(file);
  const out: string[] = [];
  for (const rel of maybe) {
    const entry = tree.get(rel);
    const reaching = entry ? index.specifiersOf(entry.blob).filter((specifier) => stems.has(specifierStem(specifier))) : [];
    if (reaching.some((specifier) => appeared.has(resolve(specifier, rel) ?? ''))) out.push(rel);
  }
  return out;
}

/**
 * Of `files`, those with a specifier that resolves otherwise with `before` and `now`; with
 * `which` a set of package names, only specifiers of those packages (the workspace packages
 * changed, and they are reached by name) and `#` imports; with 'options' (only tsconfigs
 * changed), every bare specifier, and relative ones only in files whose tsconfig options differ.
 */
export function resolvingOtherwise(
  index: SpecifierIndex,
  tree: ReadonlyMap<string, TreeEntry>,
  files: Iterable<string>,
  before: CommitResolver,
  now: CommitResolver,
  which: 'all' | 'options' | ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  for (const rel of files) {
    const entry = tree.get(rel);
    const specifiers = entry ? index.specifiersOf(entry.blob) : [];
    let asked = specifiers;
    if (which === 'options') {
      // A relative specifier is resolved by TypeScript under the file's tsconfig options alone
      // (not `paths` or `baseUrl`, no workspace package), over the same files: same options,
      // same answer.
      if (before.relativeOptionsOf(rel) === now.relativeOptionsOf(rel)) asked = specifiers.filter((specifier) => !isRelative(specifier));
    } else if (which !== 'all') {
      asked = specifiers.filter(namingOneOf(which));
    }
    if (asked.some((specifier) => before.resolve(specifier, rel) !== now.resolve(specifier, rel))) out.push(rel);
  }
  return out;
}

/** After a workspace change: a specifier that names one of `packages`, or a `#` import. */
function namingOneOf(packages: ReadonlySet<string>): (specifier: string) => boolean {
  return (specifier) => specifier.startsWith('#') || packages.has(packageName(specifier));
}

/**
 * Files with a specifier that names one of `packages` (or a `#` import), among `sources` and the
 * files some file's reads went through: after a workspace change only these can resolve
 * otherwise, and there are few of them (most specifiers name installed packages or are relative).
 */
export function askingAbout(index: SpecifierIndex, tree: ReadonlyMap<string, TreeEntry>, sources: Iterable<string>, dependencies: DependencyMap, packages: ReadonlySet<string>): Set<string> {
  const named = namingOneOf(packages);
  const out = new Set<string>();
  for (const from of [sources, dependencies.dependedOn()]) {
    for (const rel of from) {
      const entry = tree.get(rel);
      if (entry && !out.has(rel) && index.specifiersOf(entry.blob).some(named)) out.add(rel);
    }
  }
  return out;
}

/**
 * Of `files`, those that a file `candidate` accepts reads through, itself included: `files` ∩
 * `dependencies.dependenciesOf(candidates)`, with `candidate` asked only of the files that
 * depend on one of `files` (not of every file of the tree, whose text it searches).
 */
export function readersThrough(dependencies: DependencyMap, files: ReadonlySet<string>, candidate: (rel: string) => boolean): string[] {
  const readers = [...dependencies.dependentsOf(files)].filter(candidate);
  return [...dependencies.dependenciesOf(readers)].filter((rel) => files.has(rel));
}

/**
 * Relative (`./x`, `../x`, `.`) or absolute, as TypeScript tells them apart: what core's resolver
 * hands TypeScript alone, and what `paths` and `baseUrl` never map (`.x` is neither: it is asked).
 */
function isRelative(specifier: string): boolean {
  return /^\.\.?(?:$|[\\/])/.test(specifier) || path.isAbsolute(specifier);
}
