/**
 * Where the CLI talks (tests pass an in-memory implementation). A module of its own, without
 * `@flagdebt/core`: `bin.ts` needs it before it knows the command, and `flagdebt --version` or
 * `--help` must not load TypeScript.
 */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal: progress and colour go there only then. */
  stderrIsTTY: boolean;
  stdoutIsTTY: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
}

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    env: process.env,
  };
}
