import { fileURLToPath } from 'node:url';
import { projectModuleResolver } from '@flagdebt/core/resolve';
import ts from '../ts-morph-ts.cjs';
import { mentionsWord } from './affected.js';
import { specifierStem } from '../removal/specifier-stem.js';
import { installedTypeScript, TypeGate, type GateChange, type GateVerdict, type TypeScript } from './type-gate.js';

export { added, nearestTsconfig, TypeGate, type GateChange, type GateVerdict, type TypeDiagnostic } from './type-gate.js';

/**
 * The project's own TypeScript (resolved from the project root) so the verdict matches its
 * build; else the one flagdebt resolves from its own install; else ts-morph's, as a last resort
 * (it keeps its lib files in memory, so a Program on disk would not find `Partial` or `Promise`).
 */
export function projectTypeScript(root: string): TypeScript {
  return installedTypeScript(root, fileURLToPath(import.meta.url)) ?? ts;
}

/** One check (see TypeGate). */
export function typeCheckGate(root: string, files: Iterable<string>, changes: GateChange[], typescript?: TypeScript): GateVerdict | null {
  return new TypeGate(root, typescript ?? projectTypeScript(root), projectModuleResolver(root)).check(files, changes);
}

/**
 * The files importing a target that also name one of `names` (see affected.ts), resolved with the
 * project's module resolution and remembered across the checks of one run (original texts do not
 * change). The word filter runs first: resolving every import of a large project is what costs.
 */
export class Importers {
  private readonly known = new Map<string, string[]>();

  constructor(
    private readonly files: () => Iterable<string>,
    private readonly textOf: (file: string) => string | null | undefined,
    private readonly resolveModule: (specifier: string, from: string) => string | null,
  ) {}

  of(target: string, names: Set<string>): string[] {
    const cacheKey = `${target}\0${[...names].sort().join(',')}`;
    const hit = this.known.get(cacheKey);
    if (hit) return hit;
    const stem = specifierStem(target);
    const out: string[] = [];
    for (const file of this.files()) {
      if (file === target) continue;
      const text = this.textOf(file);
      if (typeof text !== 'string' || !text.includes(stem) || !mentionsWord(text, names)) continue;
      if (ts.preProcessFile(text, true, true).importedFiles.some((i) => this.resolveModule(i.fileName, file) === target)) out.push(file);
    }
    this.known.set(cacheKey, out);
    return out;
  }
}
