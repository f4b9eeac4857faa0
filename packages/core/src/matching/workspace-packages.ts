import path from 'node:path';
import picomatch from 'picomatch';
import { yaml } from '../registry/source-document.js';
import type { SourceHost } from './source-host.js';

/** A package of the monorepo: its folder (real path) and what its package.json says. */
export interface WorkspacePackage {
  name: string;
  dir: string;
  manifest: PackageManifest;
}

/** The package.json fields module resolution reads. */
export interface PackageManifest {
  name?: unknown;
  main?: unknown;
  module?: unknown;
  types?: unknown;
  typings?: unknown;
  source?: unknown;
  exports?: unknown;
  workspaces?: unknown;
}

/** Folders a workspace glob never enters (as npm, yarn and pnpm skip them). */
const NEVER_LISTED = new Set(['node_modules', '.git']);
/** `**` in a workspace glob descends at most this deep: a glob is a layout, not a search. */
const MAX_GLOB_DEPTH = 6;

/**
 * The packages of the monorepo a project lives in, by name. Two ways to find one, as package
 * managers link them: a `node_modules/<name>` link (npm, yarn, pnpm after install) whose real
 * path lies outside any `node_modules`, and, where nothing is installed (a fresh clone, a git
 * export), the workspace globs of the monorepo root: `workspaces` in its package.json (array or
 * `{ packages }`), or pnpm-workspace.yaml's `packages`.
 */
export class WorkspacePackages {
  private readonly manifests = new Map<string, PackageManifest | null>();
  /** `dir\0name` -> package linked into `dir/node_modules` (null: none). */
  private readonly linked = new Map<string, WorkspacePackage | null>();
  private byName: Map<string, WorkspacePackage> | undefined;

  constructor(
    private readonly root: string,
    private readonly host: SourceHost,
    private readonly realpath: (file: string) => string,
  ) {}

  /** The workspace package `name` as seen from a file in `fromDir`, or undefined when it is not one. */
  find(name: string, fromDir: string): WorkspacePackage | undefined {
    return this.linkedFrom(name, fromDir) ?? this.globbed().get(name);
  }

  /**
   * Where `file`, a path through `node_modules/<name>/` that does not exist, would be if the
   * workspace package `name` were linked there (what an install would do), or undefined.
   */
  linkedPath(file: string): string | undefined {
    const segs = file.split(path.sep);
    const at = segs.lastIndexOf('node_modules');
    if (at < 0 || at + 1 >= segs.length) return undefined;
    const scoped = segs[at + 1].startsWith('@');
    const name = scoped ? `${segs[at + 1]}/${segs[at + 2] ?? ''}` : segs[at + 1];
    const rest = segs.slice(at + (scoped ? 3 : 2));
    const pkg = this.globbed().get(name);
    return pkg && path.join(pkg.dir, ...rest);
  }

  /** The package.json of `dir` (null: none, or not an object). Cached. */
  manifest(dir: string): PackageManifest | null {
    let known = this.manifests.get(dir);
    if (known === undefined) {
      known = parseManifest(this.host.readFile(path.join(dir, 'package.json')));
      this.manifests.set(dir, known);
    }
    return known;
  }

  /** package.json files or workspace lists may have changed. */
  clear(): void {
    this.manifests.clear();
    this.linked.clear();
    this.byName = undefined;
  }

  private linkedFrom(name: string, fromDir: string): WorkspacePackage | undefined {
    const visited: string[] = [];
    let dir = fromDir;
    let found: WorkspacePackage | null | undefined;
    for (;;) {
      const key = `${dir}\0${name}`;
      found = this.linked.get(key);
      if (found !== undefined) break;
      visited.push(key);
      if (path.basename(dir) !== 'node_modules') {
        const link = path.join(dir, 'node_modules', name);
        if (this.host.fileExists(path.join(link, 'package.json'))) {
          // An installed package (its real path in a node_modules) holds no keys we can read.
          const real = this.realpath(link);
          const manifest = real.split(path.sep).includes('node_modules') ? null : this.manifest(real);
          found = manifest ? { name, dir: real, manifest } : null;
          break;
        }
      }
      const parent = path.dirname(dir);
      if (parent === dir) {
        found = null;
        break;
      }
      dir = parent;
    }
    for (const key of visited) this.linked.set(key, found);
    return found ?? undefined;
  }

  private globbed(): Map<string, WorkspacePackage> {
    if (this.byName) return this.byName;
    const byName = new Map<string, WorkspacePackage>();
    const ambiguous = new Set<string>();
    const monorepo = this.monorepoRoot();
    if (monorepo) {
      for (const dir of this.expand(monorepo.dir, monorepo.globs)) {
        const manifest = this.manifest(dir);
        if (!manifest || typeof manifest.name !== 'string' || manifest.name === '') continue;
        // Two folders with one name (a fixture copy, an example): which one is meant is a guess.
        if (byName.has(manifest.name)) ambiguous.add(manifest.name);
        else byName.set(manifest.name, { name: manifest.name, dir, manifest });
      }
    }
    for (const name of ambiguous) byName.delete(name);
    this.byName = byName;
    return byName;
  }

  /** The nearest folder at or above the root that declares workspaces, with its globs. */
  private monorepoRoot(): { dir: string; globs: string[] } | undefined {
    let dir = this.root;
    for (;;) {
      const pnpm = this.host.readFile(path.join(dir, 'pnpm-workspace.yaml'));
      if (pnpm !== undefined) return { dir, globs: pnpmPackages(pnpm) };
      const workspaces = this.manifest(dir)?.workspaces;
      const globs = Array.isArray(workspaces) ? workspaces : isRecord(workspaces) && Array.isArray(workspaces.packages) ? workspaces.packages : undefined;
      if (globs) return { dir, globs: globs.filter((g): g is string => typeof g === 'string') };
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }

  /** Folders matching the globs (`!glob` excludes), in glob order, then by name. */
  private expand(base: string, globs: string[]): string[] {
    const excluded = globs.filter((g) => g.startsWith('!')).map((g) => picomatch(normalizeGlob(g.slice(1))));
    const out = new Set<string>();
    for (const glob of globs) {
      if (glob.startsWith('!')) continue;
      const pattern = normalizeGlob(glob);
      const isMatch = picomatch(pattern);
      const segments = pattern.split('/');
      // Only the part before the first wildcard is fixed: list from there.
      const fixed: string[] = [];
      for (const s of segments) {
        if (/[*?[{]/.test(s)) break;
        fixed.push(s);
      }
      const deep = segments.includes('**');
      const maxDepth = deep ? MAX_GLOB_DEPTH : segments.length - fixed.length;
      const walk = (rel: string, depth: number): void => {
        if (rel !== '' && isMatch(rel) && !excluded.some((x) => x(rel))) out.add(path.join(base, rel));
        if (depth >= maxDepth) return;
        for (const name of this.subfolders(path.join(base, rel))) walk(rel === '' ? name : `${rel}/${name}`, depth + 1);
      };
      walk(fixed.join('/'), 0);
    }
    return [...out].map((dir) => this.realpath(dir));
  }

  private subfolders(dir: string): string[] {
    if (!this.host.listDirectories) return [];
    return this.host
      .listDirectories(dir)
      .filter((name) => !NEVER_LISTED.has(name) && !name.startsWith('.'))
      .sort();
  }
}

function normalizeGlob(glob: string): string {
  return glob.replace(/^\.\//, '').replace(/\/+$/, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseManifest(text: string | undefined): PackageManifest | null {
  if (text === undefined) return null;
  try {
    const json: unknown = JSON.parse(text);
    return isRecord(json) ? json : null;
  } catch {
    return null;
  }
}

/**
 * pnpm-workspace.yaml's `packages` list. The common block form is read line by line, which
 * spares loading the yaml package (the ESLint plugin avoids it on warm runs); anything else
 * (a flow list, anchors) goes through the yaml parser.
 */
export function pnpmPackages(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /^packages\s*:\s*(#.*)?$/.test(l));
  if (start >= 0) {
    const globs: string[] = [];
    for (const line of lines.slice(start + 1)) {
      if (/^\s*(#.*)?$/.test(line)) continue;
      // Items may sit at the key's own indentation (`- apps/*` in column 0).
      const item = /^\s*-\s+(['"]?)([^'"#]*?)\1\s*(#.*)?$/.exec(line);
      if (!item) {
        if (/^[^\s-]/.test(line)) return globs;
        return parsedPackages(text);
      }
      globs.push(item[2]);
    }
    return globs;
  }
  return /^packages\s*:/m.test(text) ? parsedPackages(text) : [];
}

function parsedPackages(text: string): string[] {
  try {
    const doc: unknown = yaml().parse(text);
    const list = isRecord(doc) ? doc.packages : undefined;
    return Array.isArray(list) ? list.filter((g): g is string => typeof g === 'string') : [];
  } catch {
    return [];
  }
}
