import path from 'node:path';

/**
 * The word every import specifier of a module spells (`./lib/legacy`, `../legacy.js`): the file's
 * stem, or its folder's name for an index (`./lib`). A cheap text filter before resolving imports.
 */
export function specifierStem(file: string): string {
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  return base === 'index' ? path.basename(path.dirname(file)) : base;
}
