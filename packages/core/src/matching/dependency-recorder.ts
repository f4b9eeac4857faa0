/**
 * What each file's reads went through, recorded while FlagProject collects them: the files whose
 * trees or symbols were asked for (`dependenciesOf`) and the key sources marked
 * (`keySourcesMarkedBy`). `history` re-reads a commit's changed files and the files whose
 * recorded dependencies changed, and hands the marks of the files it does not re-read back in
 * (`presets`), so their key sources still hold declarations.
 */
import type ts from '../typescript.cjs';

const EMPTY: ReadonlySet<string> = new Set();

export class DependencyRecorder {
  private readonly dependencies = new Map<string, Set<string>>();
  private readonly marks = new Map<string, Set<string>>();
  private readonly presetMarks = new Map<string, Set<string>>();
  /** The sets of the file being collected, if one is. */
  private current: { deps: Set<string>; marks: Set<string> } | undefined;

  constructor(presets: Iterable<string> = []) {
    for (const mark of presets) {
      const file = mark.slice(0, mark.indexOf('\u0000'));
      let marks = this.presetMarks.get(file);
      if (!marks) this.presetMarks.set(file, (marks = new Set()));
      marks.add(mark);
    }
  }

  /** Runs `work` recording into `file`'s sets (nested: the innermost file's). */
  run<T>(file: string, work: () => T): T {
    let deps = this.dependencies.get(file);
    if (!deps) this.dependencies.set(file, (deps = new Set()));
    let marks = this.marks.get(file);
    if (!marks) this.marks.set(file, (marks = new Set()));
    const outer = this.current;
    this.current = { deps, marks };
    try {
      return work();
    } finally {
      this.current = outer;
    }
  }

  /** A tree or the symbols of `file` were asked for. */
  used(file: string): void {
    this.current?.deps.add(file);
  }

  /** `node` was marked as a key source. */
  marked(node: ts.Node): void {
    this.current?.marks.add(markOf(node));
  }

  dependenciesOf(file: string): ReadonlySet<string> {
    return this.dependencies.get(file) ?? EMPTY;
  }

  keySourcesMarkedBy(file: string): ReadonlySet<string> {
    return this.marks.get(file) ?? EMPTY;
  }

  /** The top-level nodes of `sf` (the tree of `file`) that preset marks name. */
  presetsIn(file: string, sf: ts.SourceFile): ts.Node[] {
    const preset = this.presetMarks.get(file);
    if (!preset) return [];
    const out: ts.Node[] = [];
    for (const stmt of sf.statements) {
      if (preset.has(markOf(stmt))) out.push(stmt);
      // Variable declarations (string consts, `as const` objects) are marked, not their statement.
      const list = (stmt as Partial<ts.VariableStatement>).declarationList;
      for (const decl of list?.declarations ?? []) if (preset.has(markOf(decl))) out.push(decl);
    }
    return out;
  }

  forget(file: string): void {
    this.dependencies.delete(file);
    this.marks.delete(file);
  }
}

/** A key source by file, kind and end offset: the same for the same text, however it was parsed (skimming keeps offsets). */
function markOf(node: ts.Node): string {
  return `${node.getSourceFile().fileName}\u0000${node.kind}\u0000${node.end}`;
}
