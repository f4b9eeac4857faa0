/**
 * Whether a change to a file that steers every scan (package.json, pnpm-workspace.yaml, a
 * tsconfig, a .gitignore) can change what the scan sees. A busy repository bumps dependencies
 * every week (pnpm keeps overrides in pnpm-workspace.yaml), adds type packages to a tsconfig and
 * tidies its .gitignore; none of that changes a read, so it must not cost a full scan.
 */
import path from 'node:path';
import { pnpmPackages } from '@flagdebt/core';
import { GitignoreRules, patternScreen } from '@flagdebt/core/files';
import ts from '@flagdebt/core/typescript';

/** The fields module resolution (TypeScript's Bundler mode, workspace packages' sources) reads from a package.json. */
const MODULE_FIELDS = ['name', 'type', 'main', 'module', 'types', 'typings', 'source', 'exports', 'imports', 'typesVersions', 'browser', 'workspaces'];

/** `before`/`after` are the file's texts, undefined when it did not exist. */
export function packageJsonMatters(before: string | undefined, after: string | undefined): boolean {
  if (before === undefined || after === undefined) return true;
  const a = byText(moduleFieldsOf, before, moduleFields);
  const b = byText(moduleFieldsOf, after, moduleFields);
  return a === null || b === null || a !== b;
}

/**
 * What a steering file's text comes to, by its text: each change is judged twice (the plan and the
 * resolution memo), and a file edited in consecutive weeks brings its last version back as the
 * next change's "before". Bounded: the texts are the keys.
 */
const moduleFieldsOf = new Map<string, string | null>();
const workspaceGlobsOf = new Map<string, string>();
const resolutionPartOf = new Map<string, string | null>();

function byText<T>(known: Map<string, T>, text: string, work: (text: string) => T): T {
  let value = known.get(text);
  if (value === undefined && !known.has(text)) {
    if (known.size >= 256) known.clear();
    known.set(text, (value = work(text)));
  }
  return value as T;
}

function moduleFields(text: string): string | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  const record = json as Record<string, unknown>;
  return JSON.stringify(MODULE_FIELDS.map((field) => record[field] ?? null));
}

/** pnpm-workspace.yaml: only its `packages` globs steer resolution (which folders are workspace packages). */
export function pnpmWorkspaceMatters(before: string | undefined, after: string | undefined): boolean {
  if (before === undefined || after === undefined) return true;
  const globs = (text: string) => JSON.stringify(pnpmPackages(text));
  return byText(workspaceGlobsOf, before, globs) !== byText(workspaceGlobsOf, after, globs);
}

/**
 * Compiler options that only the type checker or the emitter reads: module resolution (what
 * core hands TypeScript's resolver) never depends on them. Anything not listed counts.
 */
const CHECKER_ONLY = new Set([
  'types', 'lib', 'strict', 'noImplicitAny', 'noImplicitReturns', 'noImplicitThis', 'noUnusedLocals', 'noUnusedParameters',
  'noFallthroughCasesInSwitch', 'noUncheckedIndexedAccess', 'noImplicitOverride', 'noPropertyAccessFromIndexSignature',
  'exactOptionalPropertyTypes', 'strictNullChecks', 'strictFunctionTypes', 'strictBindCallApply', 'strictPropertyInitialization',
  'useUnknownInCatchVariables', 'alwaysStrict', 'skipLibCheck', 'skipDefaultLibCheck', 'forceConsistentCasingInFileNames',
  'isolatedModules', 'verbatimModuleSyntax', 'esModuleInterop', 'allowSyntheticDefaultImports', 'jsx', 'jsxImportSource',
  'sourceMap', 'inlineSourceMap', 'declarationMap', 'inlineSources', 'incremental', 'tsBuildInfoFile', 'noEmit',
  'emitDecoratorMetadata', 'experimentalDecorators', 'useDefineForClassFields', 'importHelpers', 'removeComments',
  'pretty', 'newLine', 'checkJs', 'noErrorTruncation', 'allowUnreachableCode', 'allowUnusedLabels',
]);

/** A tsconfig: everything but the checker-only compiler options (JSON with comments, as tsc reads it). */
export function tsconfigMatters(file: string, before: string | undefined, after: string | undefined): boolean {
  if (before === undefined || after === undefined) return true;
  // The file name only labels parse errors, which make the part null whatever the name.
  const a = byText(resolutionPartOf, before, (text) => resolutionPart(file, text));
  const b = byText(resolutionPartOf, after, (text) => resolutionPart(file, text));
  return a === null || b === null || a !== b;
}

/**
 * Options TypeScript reads only for non-relative specifiers: `baseUrl` and `paths` map bare
 * names; a relative one is resolved from its own folder (and `rootDirs`).
 */
const BARE_ONLY = new Set(['baseUrl', 'paths', 'pathsBasePath']);

/**
 * The compiler options a relative specifier's resolution depends on, as a comparable string:
 * all but the checker-only ones and those for bare specifiers.
 */
export function relativeResolutionKey(options: Record<string, unknown>): string {
  return JSON.stringify(Object.entries(options).filter(([name]) => !CHECKER_ONLY.has(name) && !BARE_ONLY.has(name)));
}

function resolutionPart(file: string, text: string): string | null {
  const { config, error } = ts.parseConfigFileTextToJson(file, text);
  if (error || config === null || typeof config !== 'object' || Array.isArray(config)) return null;
  const { compilerOptions, ...rest } = config as { compilerOptions?: Record<string, unknown> };
  const options = Object.entries(compilerOptions ?? {}).filter(([name]) => !CHECKER_ONLY.has(name));
  return JSON.stringify([options.sort(([x], [y]) => (x < y ? -1 : 1)), rest]);
}

/**
 * A .gitignore at `rel` under `root` changed (`undefined`: it did not exist): the `paths`
 * (repository-relative) ignored under one version and not the other. Its own rules decide that
 * alone: every other .gitignore is the same at both commits.
 */
export function gitignoreFlips(root: string, rel: string, before: string | undefined, after: string | undefined, paths: Iterable<string>): string[] {
  const file = path.join(root, rel);
  const old = new GitignoreRules([{ file, text: before ?? '' }]);
  const now = new GitignoreRules([{ file, text: after ?? '' }]);
  const changed = changedRules(before ?? '', after ?? '');
  const reached = changed === undefined ? undefined : new GitignoreRules([{ file, text: changed }]);
  const spells = changed === undefined ? undefined : literalTest(changed);
  const flips: string[] = [];
  for (const p of paths) {
    // A path no changed line can match is not even tested (a string search, not the rules).
    if (spells && !spells(p)) continue;
    const abs = path.join(root, p);
    // Most edits add or drop a line or two: only the paths those lines match can flip.
    if (reached && !reached.ignores(abs)) continue;
    if (old.ignores(abs) !== now.ignores(abs)) flips.push(p);
  }
  return flips;
}

/**
 * A test a path passes whenever one of the (positive) `rules` can match it or a folder above it:
 * core's screen of a .gitignore's literal runs (`patternScreen`, which `GitignoreRules` runs
 * before the rules themselves), here on the repository-relative path, which holds the path
 * relative to the .gitignore's folder. Undefined when the rules cannot be screened so.
 */
export function literalTest(rules: string): ((path: string) => boolean) | undefined {
  const screen = patternScreen(rules);
  return screen === null ? undefined : (p) => screen.test(p);
}

/**
 * The lines one version of a .gitignore has and the other has not, each as a positive rule (a
 * `!` rule matches what the same rule without `!` matches); undefined when the lines both have
 * are not in the same order. A path's verdict is the last rule matching it, unless a folder above
 * it is ignored (decided the same way), so a path that no such line matches, nor any folder
 * above it, gets the same verdict from both versions: the rules that match it are the same, in
 * the same order.
 */
export function changedRules(before: string, after: string): string | undefined {
  // A BOM before the first line is not part of its rule.
  const a = before.replace(/^\uFEFF/, '').split(/\r?\n/);
  const b = after.replace(/^\uFEFF/, '').split(/\r?\n/);
  const counts = (lines: string[]) => {
    const out = new Map<string, number>();
    for (const line of lines) out.set(line, (out.get(line) ?? 0) + 1);
    return out;
  };
  const inA = counts(a);
  const inB = counts(b);
  // A line repeated a different number of times counts as changed in every copy.
  const changed = new Set([...inA.keys(), ...inB.keys()].filter((line) => inA.get(line) !== inB.get(line)));
  const keptA = a.filter((line) => !changed.has(line));
  const keptB = b.filter((line) => !changed.has(line));
  if (keptA.length !== keptB.length || keptA.some((line, i) => line !== keptB[i])) return undefined;
  const positive: string[] = [];
  for (const line of changed) {
    if (!line.startsWith('!')) {
      positive.push(line);
      continue;
    }
    const body = line.slice(1);
    // `!#x` and `!!x` match a literal `#x` / `!x`: written positive, they need their escape.
    positive.push(body.startsWith('#') || body.startsWith('!') ? `\\${body}` : body);
  }
  return positive.join('\n');
}

/** A package.json's `name`, or null. */
export function manifestName(text: string): string | null {
  try {
    const json = JSON.parse(text) as { name?: unknown } | null;
    return typeof json?.name === 'string' ? json.name : null;
  } catch {
    return null;
  }
}

/** `@scope/name` or `name` of a package specifier (`@scope/name/sub/path`, `name/sub`). */
export function packageName(specifier: string): string {
  const segs = specifier.split('/');
  return segs.slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
}
