import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Accessor } from '../../src/index.js';
import { FlagProject } from '../../src/index.js';

/** A monorepo fixture: test/fixtures/monorepo/<name>, with its own flagdebt.config.json. */
export function monorepoDir(name: string): string {
  return path.join(import.meta.dirname, '..', 'fixtures', 'monorepo', name);
}

export function accessorsOf(root: string): Accessor[] {
  return (JSON.parse(fs.readFileSync(path.join(root, 'flagdebt.config.json'), 'utf8')) as { accessors: Accessor[] }).accessors;
}

export function openMonorepo(root: string, options: { tsconfig?: string | false } = {}): { project: FlagProject; file: (rel: string) => string } {
  return { project: new FlagProject({ root, accessors: accessorsOf(root), ...options }), file: (rel) => path.join(root, rel) };
}

/** Evaluations as `flag file:line` (kind `dynamic` as `null`), in file order. */
export function readsOf(project: FlagProject, root: string, rels: string[]): string[] {
  return rels.flatMap((rel) => project.readsIn(path.join(root, rel)).map((r) => `${r.key} ${rel}:${r.line} ${r.kind}`));
}

/**
 * A copy of a fixture in a temporary folder, with `links` (path -> target, relative to the copy)
 * made as symbolic links, as an install would (git keeps no node_modules). Removed by `dispose`.
 */
export function linkedCopy(name: string, links: Record<string, string>): { root: string; dispose(): void } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-monorepo-'));
  const root = path.join(base, name);
  fs.cpSync(monorepoDir(name), root, { recursive: true });
  for (const [link, target] of Object.entries(links)) {
    fs.mkdirSync(path.dirname(path.join(root, link)), { recursive: true });
    fs.symlinkSync(target, path.join(root, link), 'dir');
  }
  return { root, dispose: () => fs.rmSync(base, { recursive: true, force: true }) };
}
