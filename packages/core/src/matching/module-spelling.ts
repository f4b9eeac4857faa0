/**
 * Whether a module can declare a wrapper, read from its text without parsing it: the premise of
 * the pre-filter (a read spells a candidate word), asked of one module. Used once the wrapper
 * search is sealed (a default-imported callee) and while it defers lookups (see
 * `WrapperRegistry.rulesOut`).
 */
import { CandidateFilter } from './candidate-filter.js';
import type { CandidateForms } from './candidate-shapes.js';

/** Names a module can bind or pass on without spelling them: a namespace import, `require`, re-exports. */
const OTHER_NAMES = /\bimport\s*\*|\bimport\s+(?:type\s+)?[A-Za-z_$][\w$]*\s*=|\brequire\s*\(|\bexport\s*\*|\bexport\s+(?:type\s+)?\{[^}]*\}\s*from\b/;
/** Default imports, however written (`import X from`, `import X, {`), and those whose specifier is read here. */
const DEFAULT_IMPORT_LOOSE = /\bimport\s+(?:type\s+)?[A-Za-z_$][\w$]*\s*(?:,|from\b)/g;
const DEFAULT_IMPORT = /\bimport\s+(?:type\s+)?[A-Za-z_$][\w$]*\s*(?:,\s*\{[^}]*\}\s*)?from\s*(['"])([^'"\n]+)\1/g;

export interface ModuleSpellingHost {
  /** The candidate words now (the same array while they are the same). */
  words(): readonly string[];
  /**
   * The same words split as the file pre-filter takes them (`FlagProject.candidateForms`): an
   * accessor's word counts only in the forms its reads take. A module that spells its words in
   * none holds no read (the pre-filter's premise), so it declares no wrapper with it either.
   */
  forms?(): CandidateForms;
  /** The module's text, read without counting as a load; undefined when it cannot be read. */
  text(file: string): string | undefined;
  resolve(specifier: string, fromFile: string): string | null;
  /** A module consulted for `file`'s answer: a dependency of whatever is being read. */
  consulted(file: string): void;
}

export class ModuleSpelling {
  /** The word filter and answers, for the candidate words they were made with. */
  private current: { words: readonly string[]; key: string; filter: CandidateFilter; known: Map<string, boolean> } | undefined;

  constructor(private readonly host: ModuleSpellingHost) {}

  /**
   * Whether `file`'s text spells a candidate word, or binds or re-exports a name that may stand
   * for one: a namespace import, `require`, `export * from`, `export { ... } from`, or a default
   * import of a project module that may itself (recursively). Without any, none of its
   * declarations can read a flag, so none is a wrapper or gate.
   */
  maySpellWrapper(file: string): boolean {
    const words = this.host.words();
    // The same words may come in a new array (the wrapper names are rebuilt as files are read).
    if (this.current?.words !== words) {
      const key = words.join('\n');
      if (this.current?.key === key) this.current.words = words;
      else {
        const forms = this.host.forms?.();
        const filter = forms ? new CandidateFilter(forms.words, [], { shapes: forms.shapes }) : new CandidateFilter(words);
        this.current = { words, key, filter, known: new Map() };
      }
    }
    const { known, filter } = this.current;
    const hit = known.get(file);
    if (hit !== undefined) return hit;
    // A module met again while its answer is being worked out (an import cycle) counts as one
    // that may: only definite answers are ever "no".
    known.set(file, true);
    const answer = this.spellsOrImports(file, filter);
    known.set(file, answer);
    return answer;
  }

  private spellsOrImports(file: string, words: CandidateFilter): boolean {
    let text: string | undefined;
    try {
      text = this.host.text(file);
    } catch {
      return true;
    }
    if (text === undefined) return true;
    if (words.matches(text) || OTHER_NAMES.test(text)) return true;
    // A default import names what another module exports, by any name: it matters only when
    // that module is a project file that may declare a wrapper. A form not read here counts.
    let loose = 0;
    for (const _ of text.matchAll(DEFAULT_IMPORT_LOOSE)) loose++;
    if (loose === 0) return false;
    const specifiers = [...text.matchAll(DEFAULT_IMPORT)].map((m) => m[2]);
    if (specifiers.length !== loose) return true;
    return specifiers.some((spec) => {
      const target = this.host.resolve(spec, file);
      if (target === null) return false;
      this.host.consulted(target);
      return this.maySpellWrapper(target);
    });
  }
}
