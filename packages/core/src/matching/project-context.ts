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
  readonly scopes: ScopeLookup;
}
