/**
 * The wrapper fixed point kept from one point to the next: a subset scan is told which wrappers
 * the files it does not re-scan declare (core's `sealWrappers(names, covers)`), so wrapper and
 * component-gate discovery never follows a call or JSX tag of any other name into those files.
 * Without it, every point's discovery resolved and parsed the modules of every component that a
 * changed component renders with a prop, to learn again that they are not gates.
 *
 * A file is covered when its wrappers are exactly the last point's: it is not re-scanned (so
 * neither it nor anything its wrappers resolved through changed), the last point scanned it (a
 * file outside the scan, excluded or ignored, had only the wrappers that point happened to
 * follow into), and it re-exports nothing (a name re-exported from a re-scanned file may have
 * become a wrapper there; `export { useX } from './x'` is followed whatever the names say).
 */
import path from 'node:path';
import type { TreeEntry } from './git.js';
import { repoRelative } from './import-graph.js';

/** A wrapper by name and repository-relative file. */
export interface WrapperAt {
  name: string;
  file: string;
}

/** Re-export forms, CommonJS exports included; over-matching only leaves a file uncovered. */
const REEXPORT = /\bexport\s*(?:\*|\{|=|type\s*\{)|\bmodule\.exports\b|\bexports\s*\.\s*[\w$]+\s*=/;

export class WrapperSeal {
  /** Whether a blob's text re-exports, by blob. */
  private readonly reexporting = new Map<string, boolean>();

  constructor(
    private readonly repoRoot: string,
    private readonly text: (blob: string) => string | undefined,
  ) {}

  /**
   * What a subset scan of `tree` that re-scans `recompute` is sealed with; `scanned`: the files
   * the last point scanned, `wrappers`: the wrappers it knew.
   */
  for(tree: ReadonlyMap<string, TreeEntry>, recompute: ReadonlySet<string>, scanned: ReadonlySet<string>, wrappers: readonly WrapperAt[]): { names: string[]; covers(file: string): boolean } {
    const covered = (rel: string): boolean => {
      const entry = tree.get(rel);
      return entry !== undefined && !recompute.has(rel) && scanned.has(rel) && !this.reexports(entry.blob);
    };
    const names = [...new Set(wrappers.filter((w) => covered(w.file)).map((w) => w.name))];
    return {
      names,
      covers: (file) => {
        const rel = repoRelative(this.repoRoot, path.resolve(file));
        return rel !== null && covered(rel);
      },
    };
  }

  private reexports(blob: string): boolean {
    let found = this.reexporting.get(blob);
    if (found === undefined) this.reexporting.set(blob, (found = REEXPORT.test(this.text(blob) ?? '')));
    return found;
  }
}

/** `scanned` after a subset scan that re-scanned `recompute` and listed `files` (repository-relative). */
export function scannedAfter(scanned: Set<string>, recompute: Iterable<string>, files: Iterable<string>): void {
  for (const rel of recompute) scanned.delete(rel);
  for (const rel of files) scanned.add(rel);
}
