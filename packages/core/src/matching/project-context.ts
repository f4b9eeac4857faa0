import type ts from '../typescript.cjs';
import type { ModuleSymbols } from './module-symbols.js';
import type { ScopeLookup } from './scope.js';

/** What the matching modules need from the project: parsed files, their symbols, module resolution. */
export interface ProjectContext {
  /** Undefined when the file cannot be read. */
  parsed(file: string): ts.SourceFile | undefined;
  symbols(file: string): ModuleSymbols | undefined;
  /** The file's full text (a skimmed parse blanks parts of it). */
  text(file: string): string | undefined;
  resolveModule(specifier: string, fromFile: string): string | null;
  /**
   * Whether the file's text, unparsed, can declare a wrapper or gate under a name that is not a
   * candidate word: it spells a candidate word, or imports or re-exports under other names
   * (module-spelling.ts). Meaningful once wrapper discovery is sealed, or while lookups are deferred.
   */
  maySpellWrapper(file: string): boolean;
  readonly scopes: ScopeLookup;
}
