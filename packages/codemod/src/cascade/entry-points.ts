import fs from 'node:fs';
import path from 'node:path';

/**
 * A package's public entry points (package.json main/module/types/exports/bin, and index files)
 * are API: what they export is used by code this run cannot see, so nothing there is deleted.
 */
export class EntryPoints {
  private readonly cache = new Map<string, Set<string>>();

  constructor(private readonly root: string) {}

  isEntry(file: string): boolean {
    const pkgDir = this.packageDir(path.dirname(file));
    const base = path.basename(file).replace(/\.[^.]+$/, '');
    if (base === 'index' && (path.dirname(file) === pkgDir || path.dirname(file) === path.join(pkgDir, 'src'))) return true;
    const entries = this.entriesOf(pkgDir);
    const stem = stripExtension(path.relative(pkgDir, file).split(path.sep).join('/'));
    return entries.has(stem);
  }

  private packageDir(dir: string): string {
    for (let d = dir; ; d = path.dirname(d)) {
      if (fs.existsSync(path.join(d, 'package.json'))) return d;
      if (d === this.root || path.dirname(d) === d) return this.root;
    }
  }

  private entriesOf(pkgDir: string): Set<string> {
    let set = this.cache.get(pkgDir);
    if (set) return set;
    set = new Set();
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as Record<string, unknown>;
      const strings: string[] = [];
      collectStrings([pkg.main, pkg.module, pkg.types, pkg.typings, pkg.exports, pkg.bin, pkg.source], strings);
      for (const s of strings) {
        const stem = stripExtension(s.replace(/^\.\//, ''));
        set.add(stem);
        // Built output usually mirrors the source tree: dist/index.js comes from src/index.ts.
        set.add(stem.replace(/^(dist|lib|build|out|esm|cjs)\//, 'src/'));
      }
    } catch {
      // No readable package.json: only index files count as entries.
    }
    this.cache.set(pkgDir, set);
    return set;
  }
}

function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectStrings(v, out);
}

function stripExtension(p: string): string {
  return p.replace(/\.d\.[mc]?ts$/, '').replace(/\.[mc]?[jt]sx?$/, '');
}
