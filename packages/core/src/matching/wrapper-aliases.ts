import type { ExportEntry } from './module-symbols.js';

/**
 * Names re-exported under another name by the files analysed (`export { freeShipping as
 * shippingFlag } from './flags'`), original -> alias -> re-exporting file. A wrapper's alias is a
 * name its callers spell, so it must choose their files and survive sealing.
 */
export class WrapperAliases {
  private readonly byOriginal = new Map<string, Map<string, string>>();

  /** Records `file`'s renaming exports; true when one is new. */
  note(file: string, exports: ReadonlyMap<string, ExportEntry> | undefined): boolean {
    let added = false;
    for (const [alias, entry] of exports ?? []) {
      if (entry.kind === 'expression' || entry.name === alias || alias === 'default') continue;
      const known = this.byOriginal.get(entry.name) ?? new Map<string, string>();
      if (known.get(alias) === file) continue;
      known.set(alias, file);
      this.byOriginal.set(entry.name, known);
      added = true;
    }
    return added;
  }

  /** `names` and the aliases they are re-exported under, transitively (added to `names`). */
  close(names: Set<string>): Set<string> {
    if (this.byOriginal.size === 0) return names;
    const stack = [...names];
    while (stack.length > 0) {
      for (const alias of this.byOriginal.get(stack.pop()!)?.keys() ?? []) {
        if (names.has(alias)) continue;
        names.add(alias);
        stack.push(alias);
      }
    }
    return names;
  }

  /** (alias, re-exporting file) of every alias of `names`, transitively. */
  entries(names: Iterable<string>): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    const seen = new Set<string>();
    const stack = [...names];
    while (stack.length > 0) {
      for (const [alias, file] of this.byOriginal.get(stack.pop()!) ?? []) {
        if (seen.has(`${alias}\0${file}`)) continue;
        seen.add(`${alias}\0${file}`);
        out.push([alias, file]);
        stack.push(alias);
      }
    }
    return out;
  }

  clear(): void {
    this.byOriginal.clear();
  }
}
