import { FlagdebtError, type Diagnostic } from '../diagnostics.js';
import type { SourceDocument, SourcePath } from './vendor-source.js';

export interface Problem {
  /** Stable code, `import/<what>`. */
  code: string;
  message: string;
  fix?: string;
  /** Path of the value the problem is about; the file as a whole when absent. */
  at?: SourcePath;
  flag?: string;
}

/** State shared by one import run: the parsed file, the requested environment, collected notes. */
export class ImportSession {
  /** The vendor environment the states were read from, once an importer has chosen it. */
  environment: string | undefined;

  constructor(
    readonly source: SourceDocument,
    readonly requestedEnvironment: string | undefined,
    readonly notes: Diagnostic[] = [],
  ) {}

  /** A non-fatal note: the import goes on. */
  warn(problem: Problem): void {
    this.notes.push(this.diagnostic('warning', problem));
  }

  /** A problem that makes the whole import meaningless. */
  fail(problem: Problem): never {
    throw new FlagdebtError(this.diagnostic('error', problem));
  }

  private diagnostic(severity: Diagnostic['severity'], problem: Problem): Diagnostic {
    const pos = problem.at ? this.source.position(problem.at) : undefined;
    const diagnostic: Diagnostic = {
      severity,
      code: problem.code,
      file: this.source.file,
      line: pos?.line ?? 0,
      column: pos?.column ?? 0,
      message: problem.message,
    };
    if (problem.flag !== undefined) diagnostic.flag = problem.flag;
    if (problem.fix !== undefined) diagnostic.fix = problem.fix;
    return diagnostic;
  }
}
