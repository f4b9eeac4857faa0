/** Finds flagdebt.config.* by walking up from a directory, like the CLI and the ESLint plugin do. */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES } from './defaults.js';

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Absolute path of the nearest config at or above `startDir`, or null. */
export function findConfig(startDir: string): string | null {
  let dir = resolve(startDir);
  if (existsSync(dir) && isFile(dir)) dir = dirname(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (isFile(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
