import path from 'node:path';
import type { SourceHost } from './source-host.js';
import type { WorkspacePackage } from './workspace-packages.js';

/** Where a package's build writes (`outDir`, `declarationDir`) and what it compiles from (`rootDir`). */
export interface BuildLayout {
  outDirs: string[];
  rootDir?: string;
}

/**
 * Conditions that name sources come first (`source`, `development`: plane maps "." to
 * `{ development: ./src/index.ts, default: ./dist/index.js }`); every other condition follows in
 * the package's own order, since its target is mapped back to sources anyway.
 */
const PREFERRED_CONDITIONS = ['source', 'development'];
/** Folders builds conventionally write to, and the format folders inside them. */
const OUTPUT_DIRS = new Set(['dist', 'build', 'lib', 'out']);
const FORMAT_DIRS = new Set(['esm', 'cjs', 'es', 'mjs', 'module', 'types', 'dts', 'src']);
const TS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];
const JS_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs'];

/**
 * Maps an import of a workspace package (`@acme/shared`, `@acme/shared/flags`) to the source file
 * that defines it. Packages in a monorepo often point `main`, `types` and `exports` at a `dist/`
 * that is not built in a fresh checkout, so every target is traced back to its source: through
 * the package's tsconfig `outDir`/`rootDir`, then the conventional `dist/ -> src/`, and `.js`
 * names to their `.ts` files.
 */
export class PackageSources {
  constructor(
    private readonly host: SourceHost,
    /** The build layout of the package in a folder (from its tsconfig), if it has one. */
    private readonly layoutOf: (dir: string) => BuildLayout | undefined,
  ) {}

  /** `subpath`: `.` or `./flags`. Null when nothing there is a readable source file. */
  resolve(pkg: WorkspacePackage, subpath: string): string | null {
    const exportsField = pkg.manifest.exports;
    let targets: string[] | null | undefined;
    if (exportsField !== undefined && exportsField !== null) targets = exportTargets(exportsField, subpath);
    if (targets === null) return null; // the package hides this subpath
    targets ??= subpath === '.' ? legacyEntries(pkg) : [subpath];
    // A JavaScript file is only a fallback: a package without `exports` often serves a subpath
    // with a root-level shim (`enterprise.js`: `module.exports = require('./dist/enterprise')`)
    // while the source sits in src/ (`src/enterprise/index.ts`).
    let built: string | null = null;
    for (const target of targets) {
      const file = this.sourceOf(pkg.dir, path.resolve(pkg.dir, target));
      if (file && !isJavaScript(file)) return file;
      built ??= file;
    }
    // No entry resolved to a source: sources conventionally live in src/.
    const rest = subpath === '.' ? 'index' : subpath.slice(2);
    const conventional = this.probe(path.join(pkg.dir, 'src', rest)) ?? (subpath === '.' ? null : this.probe(path.join(pkg.dir, rest)));
    return conventional !== null && !isJavaScript(conventional) ? conventional : (built ?? conventional);
  }

  /** The source file behind `target` (a file of the package, built or not). */
  private sourceOf(pkgDir: string, target: string): string | null {
    for (const candidate of this.sourceCandidates(pkgDir, target)) {
      const file = this.probe(candidate);
      if (file) return file;
    }
    // A built JavaScript file, when no source is there: its keys are the sources' keys.
    return JS_EXTENSIONS.includes(path.extname(target)) && this.host.fileExists(target) ? target : null;
  }

  /** Where the source of `target` may be: mapped out of the build's output folders first. */
  private sourceCandidates(pkgDir: string, target: string): string[] {
    const out: string[] = [];
    const layout = this.layoutOf(pkgDir);
    for (const outDir of layout?.outDirs ?? []) {
      const rel = inside(outDir, target);
      if (rel === undefined) continue;
      const rootDirs = layout?.rootDir ? [layout.rootDir] : [path.join(pkgDir, 'src'), pkgDir];
      for (const rootDir of rootDirs) out.push(path.join(rootDir, rel));
    }
    const rel = inside(pkgDir, target);
    if (rel !== undefined) {
      const segs = rel.split(path.sep);
      if (segs.length > 1 && OUTPUT_DIRS.has(segs[0])) {
        // dist/esm/flags.js -> src/flags.ts; dist/flags.js -> src/flags.ts, then flags.ts.
        const format = segs.length > 2 && FORMAT_DIRS.has(segs[1]);
        const inner = format ? segs.slice(2) : segs.slice(1);
        out.push(path.join(pkgDir, 'src', ...inner), path.join(pkgDir, ...inner));
        if (format) out.push(path.join(pkgDir, 'src', ...segs.slice(1)));
      }
    }
    out.push(target);
    return out;
  }

  /**
   * A source file for `base` as a module name: `.d.ts` and `.js` names stand for their `.ts`
   * sources, a name without a known extension for `base.ts` ... or `base/index.ts` ...
   * Declaration files are never returned (they hold no key values to read).
   */
  private probe(base: string): string | null {
    const dts = /\.d\.([mc]?)ts$/.exec(base);
    const ext = path.extname(base);
    let stems: string[];
    if (dts) stems = [`${base.slice(0, -dts[0].length)}.${dts[1]}ts`, `${base.slice(0, -dts[0].length)}.tsx`];
    else if (TS_EXTENSIONS.includes(ext)) stems = [base];
    else if (JS_EXTENSIONS.includes(ext)) {
      const stem = base.slice(0, -ext.length);
      const ts = ext === '.mjs' ? ['.mts'] : ext === '.cjs' ? ['.cts'] : ['.ts', '.tsx'];
      stems = [...ts.map((e) => stem + e), base];
    } else {
      stems = [...TS_EXTENSIONS, ...JS_EXTENSIONS].flatMap((e) => [base + e]);
      stems.push(...[...TS_EXTENSIONS, ...JS_EXTENSIONS].map((e) => path.join(base, `index${e}`)));
    }
    for (const file of stems) if (this.host.fileExists(file)) return file;
    return null;
  }
}

function isJavaScript(file: string): boolean {
  return JS_EXTENSIONS.includes(path.extname(file));
}

/** `file` relative to `dir` when inside it, else undefined. */
function inside(dir: string, file: string): string | undefined {
  const rel = path.relative(dir, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel;
}

function legacyEntries(pkg: WorkspacePackage): string[] {
  const m = pkg.manifest;
  const fields = [m.source, m.types, m.typings, m.module, m.main].filter((f): f is string => typeof f === 'string' && f !== '');
  return [...fields, './index'];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The targets `exports` gives `subpath`, most source-like first; null when the subpath is
 * excluded (`null` target), undefined when `exports` does not mention it.
 */
export function exportTargets(exportsField: unknown, subpath: string): string[] | null | undefined {
  const map = isRecord(exportsField) && Object.keys(exportsField).some((k) => k.startsWith('.')) ? exportsField : { '.': exportsField };
  if (Object.hasOwn(map, subpath)) return flattenTargets(map[subpath]);
  // Patterns: the key with the longest part before `*` wins (as in Node).
  let best: { key: string; star: string } | undefined;
  for (const key of Object.keys(map)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.length < prefix.length + suffix.length || !subpath.startsWith(prefix) || !subpath.endsWith(suffix)) continue;
    if (!best || prefix.length > best.key.indexOf('*')) best = { key, star: subpath.slice(prefix.length, subpath.length - suffix.length) };
  }
  if (!best) return undefined;
  const targets = flattenTargets(map[best.key]);
  return targets && targets.map((t) => t.replaceAll('*', best.star));
}

function flattenTargets(value: unknown): string[] | null {
  if (value === null) return null;
  if (typeof value === 'string') return value.startsWith('./') ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => flattenTargets(v) ?? []);
  if (!isRecord(value)) return [];
  const keys = Object.keys(value);
  const ordered = [...PREFERRED_CONDITIONS.filter((c) => keys.includes(c)), ...keys.filter((k) => !PREFERRED_CONDITIONS.includes(k))];
  return [...new Set(ordered.flatMap((k) => flattenTargets(value[k]) ?? []))];
}
