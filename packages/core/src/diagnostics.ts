/**
 * User-facing problems (bad registry, bad config, unparsable file) are values, not exceptions
 * with stack traces. They carry a location and a fix, and are rendered once at the edge
 * (CLI, ESLint rule, scanner report).
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. `registry/unknown-type`. */
  code: string;
  /** Absolute or display path of the file the problem is in. */
  file: string;
  /** 1-based; 0 when the problem is about the file as a whole. */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  /** The flag key the problem is about, when there is one. */
  flag?: string;
  /** What is wrong, one sentence. */
  message: string;
  /** How to fix it, one sentence. */
  fix?: string;
}

/** Thrown for errors the user caused; the CLI prints `format()` and exits 2. */
export class FlagdebtError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[] | Diagnostic) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map((d) => formatDiagnostic(d)).join('\n'));
    this.name = 'FlagdebtError';
    this.diagnostics = list;
  }
}

export function isFlagdebtError(error: unknown): error is FlagdebtError {
  return error instanceof FlagdebtError || (error instanceof Error && error.name === 'FlagdebtError' && 'diagnostics' in error);
}

/**
 * `flags.yaml:12:5: error: [new-checkout] unknown type "relase" (expected release, experiment, ops or permission)
 *    fix: set type to one of release, experiment, ops, permission`
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}${d.column > 0 ? `:${d.column}` : ''}` : d.file;
  const flag = d.flag !== undefined ? `[${d.flag}] ` : '';
  const head = `${where}: ${d.severity}: ${flag}${d.message}`;
  return d.fix ? `${head}\n  fix: ${d.fix}` : head;
}
