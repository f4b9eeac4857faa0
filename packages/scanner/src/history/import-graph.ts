/**
 * Which file imports which, for deciding what a commit's changes can affect. Specifiers are found
 * with a deliberately generous pattern (a stray match only widens the set that is re-scanned) and
 * resolved by core's module resolver, the one key resolution itself uses.
 */
import path from 'node:path';

/** `from 'x'`, `import 'x'`, `import('x')`, `require('x')`: over-matching is harmless, missing is not. */
const SPECIFIER = /\bfrom\s*['"]([^'"\n]+)['"]|\bimport\s*\(?\s*['"]([^'"\n]+)['"]|\brequire\s*\(\s*['"]([^'"\n]+)['"]/g;
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/;

export function isSourcePath(rel: string): boolean {
  return SOURCE_FILE.test(rel) && !rel.split('/').includes('node_modules');
}

/**
 * The name a specifier ends in, without extension: `./a/Button.js` -> `Button`, `@/utils` -> `utils`.
 * A file that appears can only change how specifiers ending in its stem (or, for an index file,
 * its folder's name) resolve.
 */
export function specifierStem(specifier: string): string {
  const last = specifier.slice(specifier.lastIndexOf('/') + 1);
  // `.`, `..` and `./` name a folder by its place: any index file may be what they reach.
  if (last === '' || last === '.' || last === '..') return '';
  return last.replace(/\.(?:[cm]?[jt]sx?|d\.[cm]?ts)$/, '');
}

/** The stems under which specifiers may reach the file `rel` (see `specifierStem`). */
export function stemsOf(rel: string): string[] {
  const base = path.posix.basename(rel).replace(/\.(?:[cm]?[jt]sx?)$/, '');
  const stems = [base, path.posix.basename(rel)];
  if (base === 'index') stems.push(path.posix.basename(path.posix.dirname(rel)), '');
  return stems;
}

export function importSpecifiers(text: string): string[] {
  const specifiers = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) specifiers.add(match[1] ?? match[2] ?? match[3]);
  return [...specifiers];
}

export type Resolve = (specifier: string, fromRel: string) => string | null;

/** Forward and reverse import edges between repository-relative paths. */
export class ImportGraph {
  private readonly forward = new Map<string, string[]>();
  private readonly reverse = new Map<string, Set<string>>();

  /** Sets a file's outgoing edges (replacing what it had). */
  setImports(file: string, targets: readonly string[]): void {
    for (const old of this.forward.get(file) ?? []) this.reverse.get(old)?.delete(file);
    this.forward.set(file, [...targets]);
    for (const target of targets) {
      let importers = this.reverse.get(target);
      if (!importers) this.reverse.set(target, (importers = new Set()));
      importers.add(file);
    }
  }

  imports(file: string): readonly string[] {
    return this.forward.get(file) ?? [];
  }

  /** The files that import `file` directly. */
  importers(file: string): readonly string[] {
    return [...(this.reverse.get(file) ?? [])];
  }

  /** Drops a deleted file's outgoing edges; edges into it go when its importers are set again. */
  remove(file: string): void {
    this.setImports(file, []);
    this.forward.delete(file);
  }

  /** `files` and everything that imports one of them, directly or not. */
  importersOf(files: Iterable<string>): Set<string> {
    return closure(files, (file) => this.reverse.get(file) ?? []);
  }

  /** `files` and everything they import, directly or not. */
  importedBy(files: Iterable<string>): Set<string> {
    return closure(files, (file) => this.forward.get(file) ?? []);
  }
}

function closure(start: Iterable<string>, next: (file: string) => Iterable<string>): Set<string> {
  const seen = new Set<string>(start);
  const queue = [...seen];
  while (queue.length > 0) {
    for (const neighbour of next(queue.pop()!)) {
      if (!seen.has(neighbour)) {
        seen.add(neighbour);
        queue.push(neighbour);
      }
    }
  }
  return seen;
}

/** Resolved, repository-relative targets of a file's specifiers (outside the repository: dropped). */
export function resolveImports(fromRel: string, specifiers: readonly string[], resolve: Resolve): string[] {
  const targets = new Set<string>();
  for (const specifier of specifiers) {
    const target = resolve(specifier, fromRel);
    if (target !== null && target !== fromRel) targets.add(target);
  }
  return [...targets];
}

/** Forward-slash relative path, or null outside `root`. */
export function repoRelative(root: string, file: string): string | null {
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return path.sep === '/' ? rel : rel.split(path.sep).join('/');
}
