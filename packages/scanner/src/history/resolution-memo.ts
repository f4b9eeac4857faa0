/**
 * Resolved imports kept from one sampled commit to the next. Resolution is a large share of a
 * subset scan's own work once parses are reused, and between two weekly commits almost none of
 * it changes: it reads only which files exist and the steering files (package.json, tsconfig,
 * jsconfig, pnpm-workspace.yaml), never a source file's text.
 *
 * So after each commit's changes, an entry (`folder\0specifier` -> file or null) is forgotten
 * when the change can alter it: everything when a steering file changed what resolution reads
 * (package-json.ts decides that, as for the subset plan) or the config changed. For a file that
 * appeared or vanished: every specifier ending in a name the file answers to (`stemsOf`: relative
 * specifiers, `baseUrl` and wildcard `paths`), every entry that resolved to it, every package
 * specifier that resolved to a file (a workspace package or an alias: its entry may now be
 * another), every specifier naming a package whose folder holds the file, and every exact
 * `paths` key of a tsconfig or jsconfig in the tree. What is left, and kept, are mostly the
 * installed packages (`react`), which a commit's tree never holds and which cost the most to
 * look for (every node_modules folder up the tree).
 */
import path from 'node:path';
import type { FlagdebtConfig } from '@flagdebt/core';
import ts from '@flagdebt/core/typescript';
import type { TreeChange, TreeEntry } from './git.js';
import { specifierStem, stemsOf } from './import-graph.js';
import { manifestName, packageJsonMatters, packageName, pnpmWorkspaceMatters, tsconfigMatters } from './package-json.js';
import { TSCONFIG, isTsconfigBase } from './tsconfig-bases.js';

const PACKAGE_JSON = /(^|\/)package\.json$/;
const PNPM_WORKSPACE = /(^|\/)pnpm-workspace\.yaml$/;

export class ResolutionMemo {
  /** The entries valid for the tree of the last commit advanced to; core's resolver fills it. */
  current = new Map<string, string | null>();
  /** The entries valid at the commit before, kept when `advance` forgot them all (resolution changed). */
  previous: Map<string, string | null> | undefined;
  private config: FlagdebtConfig | undefined;
  /** A package.json's name or a tsconfig's exact `paths` keys, by blob. */
  private readonly blobFacts = new Map<string, unknown>();
  /** The tree of the last commit advanced to. */
  private tree: ReadonlyMap<string, TreeEntry> | undefined;
  /** The tsconfig and jsconfig files of `tsconfigsOf.tree`, brought forward by `advance`. */
  private tsconfigsOf: { tree: ReadonlyMap<string, TreeEntry>; files: Map<string, TreeEntry> } | undefined;

  constructor(private readonly repoRoot: string) {}

  /**
   * Moves to the next commit; `changes` are the tree changes since the last one (null: the tree
   * was listed afresh, nothing is known of it).
   */
  advance(tree: ReadonlyMap<string, TreeEntry>, changes: readonly TreeChange[] | null, text: (blob: string) => string | undefined): void {
    this.previous = undefined;
    const known = this.tsconfigsOf;
    this.tsconfigsOf = undefined;
    if (changes !== null && known && known.tree === this.tree) {
      // The tree's tsconfig files, from the last tree's and the changes (not every path again).
      const files = new Map(known.files);
      for (const change of changes) {
        if (!isTsconfig(change.path)) continue;
        if (change.after) files.set(change.path, change.after);
        else files.delete(change.path);
      }
      this.tsconfigsOf = { tree, files };
    }
    this.tree = tree;
    if (changes === null || changes.some((change) => this.steers(change, text))) {
      this.previous = this.current;
      this.current = new Map();
      return;
    }
    const appeared = changes.filter((change) => !change.before || !change.after).map((change) => change.path);
    if (appeared.length === 0 || this.current.size === 0) return;
    const stems = new Set(appeared.flatMap(answersTo));
    const files = new Set(appeared.map((rel) => path.join(this.repoRoot, rel)));
    const names = new Set(this.aliasesOf(tree, appeared, text));
    for (const [key, file] of this.current) {
      const specifier = key.slice(key.indexOf('\u0000') + 1);
      const bare = !specifier.startsWith('.') && !path.isAbsolute(specifier);
      const drop =
        stems.has(specifierStem(specifier)) ||
        (file !== null && (bare || files.has(file))) ||
        (bare && (names.has(specifier) || names.has(packageName(specifier))));
      if (drop) this.current.delete(key);
    }
  }

  /** The entries for a scan with `config`: none carry over from another config (root, tsconfig). */
  for(config: FlagdebtConfig): Map<string, string | null> {
    if (this.config !== config) {
      this.config = config;
      this.current = new Map();
      this.previous = undefined;
    }
    return this.current;
  }

  /**
   * Names beyond its own that a file added at `rel` may be imported by: the packages whose
   * folders hold it and the exact `paths` keys (`@acme/flags` -> src/flags/index.ts).
   */
  aliasesOf(tree: ReadonlyMap<string, TreeEntry>, added: readonly string[], text: (blob: string) => string | undefined): string[] {
    if (added.length === 0) return [];
    return [...new Set([...added.flatMap((rel) => this.packagesHolding(tree, rel, text)), ...this.exactAliases(tree, text)])];
  }

  /** The names of every package.json in the tree, and of the versions `changes` replaced or deleted. */
  packageNames(tree: ReadonlyMap<string, TreeEntry>, changes: readonly TreeChange[], text: (blob: string) => string | undefined): Set<string> {
    const manifests = [...tree].filter(([rel]) => PACKAGE_JSON.test(rel)).map(([, entry]) => entry.blob);
    for (const change of changes) if (change.before && PACKAGE_JSON.test(change.path)) manifests.push(change.before.blob);
    const names = new Set<string>();
    for (const blob of manifests) {
      const name = this.parsed(blob, text, manifestName);
      if (name) names.add(name);
    }
    return names;
  }

  /** Names of the packages whose folders hold `rel` (their package.json files in the tree). */
  private packagesHolding(tree: ReadonlyMap<string, TreeEntry>, rel: string, text: (blob: string) => string | undefined): string[] {
    const names: string[] = [];
    for (let dir = path.posix.dirname(rel); ; dir = path.posix.dirname(dir)) {
      const manifest = tree.get(dir === '.' ? 'package.json' : `${dir}/package.json`);
      if (manifest) {
        const name = this.parsed(manifest.blob, text, manifestName);
        if (name) names.push(name);
      }
      if (dir === '.') return names;
    }
  }

  /** The `paths` keys without a wildcard in the tree's tsconfig and jsconfig files. */
  private exactAliases(tree: ReadonlyMap<string, TreeEntry>, text: (blob: string) => string | undefined): string[] {
    if (this.tsconfigsOf?.tree !== tree) this.tsconfigsOf = { tree, files: new Map([...tree].filter(([rel]) => isTsconfig(rel))) };
    const keys: string[] = [];
    for (const entry of this.tsconfigsOf.files.values()) keys.push(...(this.parsed(entry.blob, text, pathsKeys) ?? []));
    return keys;
  }

  /** What `read` makes of a blob's text, once per blob. */
  private parsed<T>(blob: string, text: (blob: string) => string | undefined, read: (text: string) => T): T {
    let known = this.blobFacts.get(blob) as T | undefined;
    if (known === undefined) this.blobFacts.set(blob, (known = read(text(blob) ?? '')));
    return known;
  }

  private steers(change: TreeChange, text: (blob: string) => string | undefined): boolean {
    const rel = change.path;
    const read = (entry: TreeEntry | undefined) => (entry ? (text(entry.blob) ?? '') : undefined);
    if (PACKAGE_JSON.test(rel)) return packageJsonMatters(read(change.before), read(change.after));
    if (PNPM_WORKSPACE.test(rel)) return pnpmWorkspaceMatters(read(change.before), read(change.after));
    if (TSCONFIG.test(rel) || (this.tree !== undefined && isTsconfigBase(rel, this.tree, text))) return tsconfigMatters(path.join(this.repoRoot, rel), read(change.before), read(change.after));
    return false;
  }
}

/** A tsconfig or jsconfig outside node_modules. */
function isTsconfig(rel: string): boolean {
  return TSCONFIG.test(rel) && !rel.split('/').includes('node_modules');
}

/** The stems of specifiers that may reach `rel`, a declaration file's (`x.d.ts` answers to `./x`) included. */
function answersTo(rel: string): string[] {
  const stems = stemsOf(rel);
  const declaration = /^(.*)\.d\.[cm]?ts$/.exec(path.posix.basename(rel));
  if (declaration) stems.push(declaration[1]);
  return stems;
}

function pathsKeys(text: string): string[] {
  const { config } = ts.parseConfigFileTextToJson('tsconfig.json', text);
  const paths = (config as { compilerOptions?: { paths?: unknown } } | undefined)?.compilerOptions?.paths;
  return paths && typeof paths === 'object' ? Object.keys(paths).filter((key) => !key.includes('*')) : [];
}
