import fs from 'node:fs';
import path from 'node:path';

/**
 * A package's public entry points (package.json main/module/types/exports/bin, and index files)
 * are API: what they export is used by code this run cannot see, so nothing there is deleted.
 */
export class EntryPoints {
  private readonly cache = new Map<string, Set<string>>();
  private readonly frameworks = new Map<string, Set<string>>();

  constructor(private readonly root: string) {}

  isEntry(file: string): boolean {
    const pkgDir = this.packageDir(path.dirname(file));
    const base = path.basename(file).replace(/\.[^.]+$/, '');
    if (base === 'index' && (path.dirname(file) === pkgDir || path.dirname(file) === path.join(pkgDir, 'src'))) return true;
    const entries = this.entriesOf(pkgDir);
    const stem = stripExtension(path.relative(pkgDir, file).split(path.sep).join('/'));
    return entries.has(stem);
  }

  /**
   * A module a framework loads by its path, for its default export: a Next.js page or route
   * (`pages/**`, `app/**\/page.tsx`), a Remix / React Router route, a Gatsby page, an Expo
   * Router screen, a TanStack file route. Nothing imports them, and one that some code also
   * imported is still loaded after that import goes.
   */
  isConventionEntry(file: string): boolean {
    const pkgDir = this.packageDir(path.dirname(file));
    const frameworks = this.frameworksOf(pkgDir);
    if (frameworks.size === 0) return false;
    const rel = path.relative(pkgDir, file).split(path.sep).join('/').replace(/^src\//, '');
    const base = path.basename(rel).replace(/\.[^.]+$/, '');
    if (frameworks.has('next') && (rel.startsWith('pages/') || (rel.startsWith('app/') && NEXT_APP_FILES.has(base)) || base === 'middleware' || base === 'instrumentation')) return true;
    if (frameworks.has('remix') && (rel.startsWith('app/routes/') || /^app\/(root|entry\.\w+)$/.test(rel.replace(/\.[^.]+$/, '')))) return true;
    if (frameworks.has('gatsby') && (rel.startsWith('pages/') || rel.startsWith('templates/'))) return true;
    if (frameworks.has('expo-router') && rel.startsWith('app/')) return true;
    return frameworks.has('tanstack-router') && rel.startsWith('routes/');
  }

  private frameworksOf(pkgDir: string): Set<string> {
    let set = this.frameworks.get(pkgDir);
    if (set) return set;
    set = new Set();
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
      const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies });
      for (const dep of deps) {
        const framework = FRAMEWORK_PACKAGES[dep] ?? (dep.startsWith('@remix-run/') ? 'remix' : undefined);
        if (framework) set.add(framework);
      }
    } catch {
      // No readable package.json: no framework known.
    }
    this.frameworks.set(pkgDir, set);
    return set;
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

/** Packages whose framework loads modules by their path. */
const FRAMEWORK_PACKAGES: Record<string, string> = {
  next: 'next',
  gatsby: 'gatsby',
  'expo-router': 'expo-router',
  '@react-router/dev': 'remix',
  '@tanstack/react-router': 'tanstack-router',
  '@tanstack/router-plugin': 'tanstack-router',
};

/** Files of a Next.js `app/` folder that the framework loads. */
const NEXT_APP_FILES = new Set(['page', 'layout', 'route', 'template', 'loading', 'error', 'global-error', 'not-found', 'default', 'opengraph-image', 'twitter-image', 'icon', 'apple-icon', 'sitemap', 'robots', 'manifest']);

function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectStrings(v, out);
}

function stripExtension(p: string): string {
  return p.replace(/\.d\.[mc]?ts$/, '').replace(/\.[mc]?[jt]sx?$/, '');
}
