import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '@flagdebt/core';

/**
 * The project's own formatter, when it has one configured and installed: the codemod's edits are
 * made on the original text, so a fold can leave `const x =\n  a && b` reflowed the way no
 * formatter would. Only the project's copy is ever used (its version and plugins decide what its
 * code looks like); when there is none, the text stays as the codemod wrote it, silently.
 */
export interface Formatter {
  name: 'prettier' | 'biome';
  /** The formatted text, or the reason the formatter failed. */
  format(file: string, text: string): Promise<{ text: string } | { error: string }>;
}

const PRETTIER_CONFIGS = [
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.json5',
  '.prettierrc.yaml',
  '.prettierrc.yml',
  '.prettierrc.toml',
  '.prettierrc.js',
  '.prettierrc.cjs',
  '.prettierrc.mjs',
  '.prettierrc.ts',
  '.prettierrc.cts',
  '.prettierrc.mts',
  'prettier.config.js',
  'prettier.config.cjs',
  'prettier.config.mjs',
  'prettier.config.ts',
  'prettier.config.cts',
  'prettier.config.mts',
];
const BIOME_CONFIGS = ['biome.json', 'biome.jsonc'];

/** Which formatter the project configures, looking from `root` up to its repository root. */
export function configuredFormatter(root: string): 'prettier' | 'biome' | null {
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    if (BIOME_CONFIGS.some((f) => fs.existsSync(path.join(dir, f)))) return 'biome';
    if (PRETTIER_CONFIGS.some((f) => fs.existsSync(path.join(dir, f))) || packageJsonHasPrettier(dir)) return 'prettier';
    // A repository's root bounds the search: a formatter configured above it is someone else's.
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return null;
  }
}

function packageJsonHasPrettier(dir: string): boolean {
  const file = path.join(dir, 'package.json');
  if (!fs.existsSync(file)) return false;
  try {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    return json.prettier !== undefined;
  } catch {
    return false;
  }
}

/** The project's configured and installed formatter, or null (not configured, or not installed). */
export async function projectFormatter(root: string): Promise<Formatter | null> {
  const kind = configuredFormatter(root);
  if (kind === 'prettier') return loadPrettier(root);
  if (kind === 'biome') return loadBiome(root);
  return null;
}

/** Resolved as the project's own code would resolve it (its node_modules, walking up). */
function resolveFromProject(root: string, request: string): string | null {
  try {
    return createRequire(path.join(path.resolve(root), 'package.json')).resolve(request);
  } catch {
    return null;
  }
}

interface PrettierApi {
  format(text: string, options: Record<string, unknown>): string | Promise<string>;
  resolveConfig(file: string, options?: Record<string, unknown>): unknown;
  getFileInfo?(file: string, options?: Record<string, unknown>): unknown;
}

async function loadPrettier(root: string): Promise<Formatter | null> {
  const entry = resolveFromProject(root, 'prettier');
  if (!entry) return null;
  let api: PrettierApi;
  try {
    const mod = (await import(pathToFileURL(entry).href)) as PrettierApi & { default?: PrettierApi };
    api = typeof mod.format === 'function' ? mod : (mod.default as PrettierApi);
    if (typeof api?.format !== 'function' || typeof api.resolveConfig !== 'function') return null;
  } catch {
    return null;
  }
  // One path, not a list: Prettier 2 takes only a string (the files edited are tracked code, so
  // the .gitignore that Prettier 3's CLI also reads has nothing to say about them).
  const ignoreFile = path.join(root, '.prettierignore');
  const ignorePath = fs.existsSync(ignoreFile) ? ignoreFile : undefined;
  return {
    name: 'prettier',
    async format(file, text) {
      try {
        if (api.getFileInfo) {
          const info = (await api.getFileInfo(file, ignorePath ? { ignorePath } : {})) as { ignored?: boolean; inferredParser?: string | null } | null;
          // An ignored file, or one Prettier has no parser for, is left as it is.
          if (info?.ignored || info?.inferredParser === null) return { text };
        }
        const options = ((await api.resolveConfig(file, { editorconfig: true })) ?? {}) as Record<string, unknown>;
        const out = await api.format(text, { ...options, filepath: file });
        return typeof out === 'string' ? { text: out } : { error: 'prettier returned no text' };
      } catch (error) {
        return { error: firstLine(error) };
      }
    },
  };
}

/** Biome's launcher, found like Node finds the package (its `exports` may not list the bin). */
function biomeBin(root: string): string | null {
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    const bin = path.join(dir, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');
    if (fs.existsSync(bin)) return bin;
    if (path.dirname(dir) === dir) return null;
  }
}

function loadBiome(root: string): Formatter | null {
  const bin = biomeBin(root);
  if (!bin) return null;
  return {
    name: 'biome',
    format(file, text) {
      const run = spawnSync(process.execPath, [bin, 'format', `--stdin-file-path=${file}`], { cwd: root, input: text, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
      if (run.error) return Promise.resolve({ error: firstLine(run.error) });
      if (run.status !== 0) return Promise.resolve({ error: firstLine(run.stderr || run.stdout || `exit code ${run.status}`) });
      // An ignored or unsupported file is echoed unchanged (or not at all).
      return Promise.resolve({ text: run.stdout.length > 0 ? run.stdout : text });
    },
  };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().split('\n')[0] ?? message;
}

/**
 * Formats each text with the project's formatter. A text the formatter rejects keeps the
 * codemod's (still correct) text, with a warning that says so.
 */
export async function formatTexts(
  formatter: Formatter,
  texts: Array<{ path: string; relative: string; text: string }>,
): Promise<{ texts: Map<string, string>; warnings: Diagnostic[] }> {
  const out = new Map<string, string>();
  const warnings: Diagnostic[] = [];
  for (const t of texts) {
    const result = await formatter.format(t.path, t.text);
    if ('text' in result) {
      out.set(t.path, result.text);
      continue;
    }
    warnings.push({
      severity: 'warning',
      code: 'remove/format-failed',
      file: t.relative,
      line: 0,
      column: 0,
      message: `${formatter.name} could not format the rewritten file (${result.error}); it is left as the codemod wrote it`,
      fix: `run ${formatter.name} on it yourself, or pass --no-format`,
    });
  }
  return { texts: out, warnings };
}
