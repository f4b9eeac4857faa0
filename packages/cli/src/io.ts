import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/** Where the CLI talks. Tests pass an in-memory implementation. */
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

/** Colour on a terminal unless NO_COLOR is set; FORCE_COLOR forces it. */
export function useColor(io: CliIO, tty: boolean): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return tty;
}

/** Write a report file atomically: a reader never sees half a report. */
export function writeFileAtomic(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** A one-line progress indicator on a TTY's stderr; silent elsewhere. */
export class Progress {
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly io: CliIO,
    private readonly label: string,
  ) {}

  update(done: number, total: number): void {
    if (!this.io.stderrIsTTY) return;
    const now = Date.now();
    if (done < total && now - this.lastDraw < 80) return;
    this.lastDraw = now;
    const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
    this.io.stderr(`\r${this.label} ${done}/${total} (${pct}%)`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.io.stderr('\r\x1b[2K');
    this.drawn = false;
  }
}
