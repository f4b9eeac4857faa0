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

/** The texts an export format gives `chooseEnvironment` for its own fixes. */
export interface EnvironmentHints {
  /** How to drop an unknown `--environment`, when the export has no environments at all. */
  noEnvironmentsFix: string;
  /** Warned when the export has items but no per-environment data. */
  noEnvironmentData: { message: string; fix: string };
}

/**
 * `--environment`, else `production`, else the only environment of `available`; several without
 * a choice, or an unknown `--environment`, is an error. Undefined when the export has none.
 */
export function chooseEnvironment(session: ImportSession, available: string[], hasItems: boolean, hints: EnvironmentHints): string | undefined {
  const requested = session.requestedEnvironment;
  if (requested !== undefined) {
    if (available.includes(requested)) return requested;
    session.fail({
      code: 'import/unknown-environment',
      message: `environment "${requested}" is not in the export (${available.length > 0 ? `available: ${available.join(', ')}` : 'it has no environments'})`,
      fix: available.length > 0 ? `pass --environment with one of: ${available.join(', ')}` : hints.noEnvironmentsFix,
    });
  }
  if (available.includes('production')) return 'production';
  if (available.length === 1) return available[0];
  if (available.length === 0) {
    if (hasItems) session.warn({ code: 'import/no-environment', ...hints.noEnvironmentData });
    return undefined;
  }
  return session.fail({
    code: 'import/choose-environment',
    message: `the export has several environments and none is called production (available: ${available.join(', ')})`,
    fix: `pass --environment with one of: ${available.join(', ')}`,
  });
}
