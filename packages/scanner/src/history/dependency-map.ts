/**
 * Which file's reads resolved through which other files, as core's FlagProject recorded them
 * (`dependenciesOf`): the reads of a file change only when the file itself or one of these
 * changes. Much narrower than the import graph: a component importing twenty modules usually
 * resolves its flag reads through one hook and one constants file, or through nothing at all.
 */
export class DependencyMap {
  private readonly forward = new Map<string, ReadonlySet<string>>();
  private readonly reverse = new Map<string, Set<string>>();

  /** Replaces what `file` depends on (itself left out). */
  set(file: string, dependencies: Iterable<string>): void {
    for (const old of this.forward.get(file) ?? []) this.reverse.get(old)?.delete(file);
    const next = new Set(dependencies);
    next.delete(file);
    if (next.size === 0) this.forward.delete(file);
    else this.forward.set(file, next);
    for (const target of next) {
      let dependents = this.reverse.get(target);
      if (!dependents) this.reverse.set(target, (dependents = new Set()));
      dependents.add(file);
    }
  }

  dependencies(file: string): ReadonlySet<string> {
    return this.forward.get(file) ?? NONE;
  }

  /** The files whose reads went through `file` directly. */
  dependents(file: string): ReadonlySet<string> {
    return this.reverse.get(file) ?? NONE;
  }

  /** Every file some file's reads went through (what `dependenciesOf` can reach besides its start). */
  *dependedOn(): Iterable<string> {
    for (const [file, dependents] of this.reverse) if (dependents.size > 0) yield file;
  }

  /**
   * `files` and every file that depends on one of them, directly or not: a wrapper analysed for
   * an earlier file is taken from a cache, so its next caller records only the wrapper's file.
   */
  dependentsOf(files: Iterable<string>): Set<string> {
    return closure(files, (file) => this.reverse.get(file) ?? NONE);
  }

  /** `files` and everything they depend on, directly or not. */
  dependenciesOf(files: Iterable<string>): Set<string> {
    return closure(files, (file) => this.forward.get(file) ?? NONE);
  }
}

const NONE: ReadonlySet<string> = new Set();

function closure(start: Iterable<string>, next: (file: string) => Iterable<string>): Set<string> {
  const seen = new Set<string>(start);
  const queue = [...seen];
  while (queue.length > 0) {
    for (const neighbour of next(queue.pop()!)) {
      if (!seen.has(neighbour)) {
        seen.add(neighbour);
        queue.push(neighbour);
      }
    }
  }
  return seen;
}
