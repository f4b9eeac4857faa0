import path from 'node:path';
import type { Diagnostic, FlagRead, FlagState } from '@flagdebt/core';

/**
 * Files that mention a flag but that the codemod could not analyse (syntax error, nesting too
 * deep for the parser, too large). Their reads stay in the code, so the flag must stay in the
 * registry: archiving it would make the tombstone and the code disagree.
 */
export class UnanalysedFiles {
  readonly warnings: Diagnostic[] = [];
  /** Keys still read in a skipped file: their registry entries are not archived. */
  readonly blockedKeys = new Set<string>();
  /** Keys blocked for a reason other than a read in a test double's set-up. */
  private readonly blockedOtherwise = new Set<string>();
  /** Reads kept in set-ups: their file, key and warning (see settleMockSetups). */
  private inMockSetups: Array<{ file: string; key: string; index: number }> = [];

  /**
   * A read the codemod will not fold (not a plain value, a mock setup, an assertion): it stays in
   * the code, reported where it is, and the flag stays in the registry.
   */
  keepRead(file: string, read: KeptRead, why: string, code: string): void {
    if (read.key === null) return;
    this.blockedKeys.add(read.key);
    if (code !== 'remove/in-mock-setup') this.blockedOtherwise.add(read.key);
    const state = this.states.get(read.key);
    if (code === 'remove/in-mock-setup') this.inMockSetups.push({ file, key: read.key, index: this.warnings.length });
    this.warnings.push({
      severity: 'warning',
      code,
      file: path.relative(this.root, file).split(path.sep).join('/'),
      line: read.line,
      column: read.column,
      flag: read.key,
      message: `not folded: ${why}; ` + (state ? `the registry entry stays ${state}` : 'the flag was not archived'),
      fix: 'change this code by hand, then run flagdebt remove again',
    });
  }

  /**
   * Reads kept because they sit in a test double's set-up, which the cascade may delete with the
   * double once no code receives it (`when(experiments.inExperiment(X)).thenResolve(true);`). A key
   * that is no longer read where those reads were, and blocked for nothing else, is retired after all:
   * otherwise a second run would retire it.
   */
  settleMockSetups(stillRead: (file: string, key: string) => boolean): void {
    const gone = this.inMockSetups.filter((m) => !stillRead(m.file, m.key));
    if (gone.length === 0) return;
    const dropped = new Set(gone.map((m) => m.index));
    const kept = this.warnings.filter((_, i) => !dropped.has(i));
    this.warnings.splice(0, this.warnings.length, ...kept);
    const remaining = new Set(this.inMockSetups.filter((m) => !dropped.has(m.index)).map((m) => m.key));
    this.inMockSetups = [];
    for (const key of new Set(gone.map((m) => m.key))) if (!remaining.has(key) && !this.blockedOtherwise.has(key)) this.blockedKeys.delete(key);
  }

  /** An assertion about a removed flag's value that was deleted: a human should look at the test. */
  deletedAssertion(file: string, read: KeptRead): void {
    this.warnings.push({
      severity: 'warning',
      code: 'remove/assertion',
      file: path.relative(this.root, file).split(path.sep).join('/'),
      line: read.line,
      column: read.column,
      ...(read.key === null ? {} : { flag: read.key }),
      message: 'deleted an assertion about the flag\'s value (it would now assert on a constant)',
      fix: 'check that the test still tests something; delete it if it only covered the flag',
    });
  }

  constructor(
    private readonly root: string,
    private readonly states: Map<string, FlagState | undefined>,
  ) {}

  /**
   * Records a skipped file: one warning per key it mentions. A file that names no key literally
   * was picked through an alias or wrapper name, so it may read any of the keys.
   */
  add(file: string, text: string, why: string, aliases: Iterable<string>): void {
    const keys = [...this.states.keys()];
    const named = keys.filter((k) => text.includes(k));
    const firstAlias = [...aliases].map((a) => text.indexOf(a)).filter((i) => i >= 0);
    const fallback = firstAlias.length > 0 ? Math.min(...firstAlias) : -1;
    for (const key of named.length > 0 ? named : keys) {
      this.blockedKeys.add(key);
      this.blockedOtherwise.add(key);
      const at = named.length > 0 ? text.indexOf(key) : fallback;
      const state = this.states.get(key);
      this.warnings.push({
        severity: 'warning',
        code: 'remove/unparsable-input',
        file: path.relative(this.root, file).split(path.sep).join('/'),
        ...(at >= 0 ? position(text, at) : { line: 0, column: 0 }),
        flag: key,
        message:
          `this file could not be parsed (${why}), so reads of ${key} in it were not removed; ` +
          (state ? `the registry entry stays ${state}` : 'the flag was not archived'),
        fix: 'fix the syntax error (or exclude the file) and run flagdebt remove again',
      });
    }
  }

  /** A read the folder must not rewrite: the flag is one of an array of keys read by one call. */
  addShared(file: string, read: FlagRead): void {
    const key = read.key!;
    this.blockedKeys.add(key);
    this.blockedOtherwise.add(key);
    const state = this.states.get(key);
    this.warnings.push({
      severity: 'warning',
      code: 'remove/shared-read',
      file: path.relative(this.root, file).split(path.sep).join('/'),
      line: read.line,
      column: read.column,
      flag: key,
      message:
        `${key} is read here together with other keys (an array of keys), so the call cannot be replaced by its value; ` +
        (state ? `the registry entry stays ${state}` : 'the flag was not archived'),
      fix: `remove ${key} from the array by hand, then run flagdebt remove again`,
    });
  }
  /**
   * A read the codemod cannot fold yet (a JSX gate, a key in data): left in place, with a
   * warning at it, and its key stays in the registry.
   */
  unfolded(file: string, read: FlagRead, why?: string): void {
    const key = read.key as string;
    this.blockedKeys.add(key);
    this.blockedOtherwise.add(key);
    const state = this.states.get(key);
    const stays = state ? `the registry entry stays ${state}` : 'the flag was not archived';
    const where = { file: path.relative(this.root, file).split(path.sep).join('/'), line: read.line, column: read.column, flag: key };
    if (read.data === 'definition' || read.data === 'flag-object') {
      // Defined flags (`flag({ key })`): their awaited calls fold; the definition and the arrays
      // that pass it on are code the codemod does not delete yet.
      this.warnings.push({
        severity: 'warning',
        code: 'remove/unsupported-read',
        ...where,
        message:
          read.data === 'definition'
            ? `${key} is defined here with ${read.via}({ ... }), and the definition is still used after the run (a call that is not awaited, the flag in an array, or an export the project's entry point makes public), so it stays; ${stays}`
            : `${key} is passed on here as a flag object (\`${read.via}\` in an array, e.g. precompute([...])), which the codemod does not remove yet; ${stays}`,
        fix: read.data === 'definition' ? 'remove what still uses it (see the other warnings), then run flagdebt remove again' : 'take the flag out of the array by hand, then run flagdebt remove again',
      });
      return;
    }
    const what = read.gate ? `the JSX gate <${read.via}>` : `the data entry \`${read.via}\``;
    this.warnings.push({
      severity: 'warning',
      code: 'remove/unsupported-read',
      ...where,
      message: `${key} is read through ${what}, which the codemod cannot fold${why ? ` (${why})` : ''}; ` + stays,
      fix: 'remove this read by hand, then run flagdebt remove again',
    });
  }
}

export interface KeptRead {
  key: string | null;
  line: number;
  column: number;
}

/** 1-based line and column of an offset (counted on the text, so it works on huge or broken files). */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
