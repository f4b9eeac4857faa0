/**
 * Import specifiers found in a file's text, for finding the files that a file appearing in a
 * commit may be imported by (history re-resolves only those). The pattern is deliberately
 * generous: a stray match only widens the set that is re-resolved.
 */
import path from 'node:path';

/** `from 'x'`, `import 'x'`, `import('x')`, `require('x')`: over-matching is harmless, missing is not. */
const SPECIFIER = /\bfrom\s*['"]([^'"\n]+)['"]|\bimport\s*\(?\s*['"]([^'"\n]+)['"]|\brequire\s*\(\s*['"]([^'"\n]+)['"]/g;
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/;

export function isSourcePath(rel: string): boolean {
  return SOURCE_FILE.test(rel) && !inNodeModules(rel);
}

/** Whether a repository path has a `node_modules` segment (hot: every path of every tree, so no split). */
export function inNodeModules(rel: string): boolean {
  return rel.startsWith('node_modules/') || rel.includes('/node_modules/') || rel === 'node_modules' || rel.endsWith('/node_modules');
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

/** `//`, a `.` or `..` segment, a trailing slash: left to `path.relative`. */
const UNNORMALISED = /\/(?:\.\.?)?(?:\/|$)/;

/** Forward-slash relative path, or null outside `root`. */
export function repoRelative(root: string, file: string): string | null {
  // Hot (every file of every point): a normalised path below the root is its own tail.
  if (path.sep === '/' && file.length > root.length + 1 && file.charCodeAt(root.length) === 47 && file.startsWith(root) && !UNNORMALISED.test(file)) {
    return file.slice(root.length + 1);
  }
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return path.sep === '/' ? rel : rel.split(path.sep).join('/');
}
