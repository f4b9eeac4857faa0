import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { FlagdebtError } from '@flagdebt/core';
import type { CliIO } from './process-io.js';

export { processIO, type CliIO } from './process-io.js';

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

const WRITE_REASONS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

/**
 * Writes `text` to the file an `--output` option names (relative to the working directory),
 * atomically. A path that cannot be written is the user's to fix: a usage error (exit 2) naming
 * the path and the reason, not a bug.
 */
export function writeOutputFile(io: CliIO, output: string, text: string, option = '--output'): string {
  const target = resolve(io.cwd, output);
  try {
    writeFileAtomic(target, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = WRITE_REASONS[code] ?? (error instanceof Error ? error.message : String(error));
    throw new FlagdebtError({
      severity: 'error',
      code: 'cli/cannot-write-output',
      file: target,
      line: 0,
      column: 0,
      message: `cannot write ${option} ${output}: ${reason}${code ? ` (${code})` : ''}`,
      fix: `give ${option} a path in an existing folder you can write to`,
    });
  }
  return target;
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
