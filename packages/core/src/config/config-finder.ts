/** Finds flagdebt.config.* by walking up from a directory, like the CLI and the ESLint plugin do. */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES } from './defaults.js';

function isFile(path: string): boolean {
  try {
    // Most probes miss: without the thrown ENOENT a miss costs a tenth (it is done for every
    // folder the ESLint plugin sees).
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** Absolute path of the nearest config at or above `startDir`, or null. */
export function findConfig(startDir: string): string | null {
  let dir = resolve(startDir);
  if (existsSync(dir) && isFile(dir)) dir = dirname(dir);
  for (;;) {
    const found = configInDir(dir);
    if (found !== null) return found;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The config file in exactly `dir` (not above it), or null: one step of `findConfig`. */
export function configInDir(dir: string): string | null {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = join(dir, name);
    if (isFile(candidate)) return candidate;
  }
  return null;
}
