/**
 * Runs flagdebt the way a user or CI does: the built CLI in a child process, with a hard time
 * limit, so a hang fails the test instead of freezing the suite.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(REPO, 'packages/cli/dist/bin.js');
/** A stack-trace line such as `    at scan (file.js:1:2)`. */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
export const NOW = '2026-11-21';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

export function runCli(args: string[], options: { cwd?: string; timeoutMs?: number; uid?: number; gid?: number } = {}): CliRun {
  const started = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 90_000,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
    uid: options.uid,
    gid: options.gid,
  });
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', timedOut, ms: performance.now() - started };
}

/**
 * Whether a process running as `uid` can load the built CLI (every folder above the checkout
 * must be open to other users). Tests that need an ordinary user skip when it cannot.
 */
export function canRunAs(uid: number, gid: number): boolean {
  const probe = spawnSync(process.execPath, ['-e', `require('node:fs').readFileSync(${JSON.stringify(BIN)})`], { uid, gid, timeout: 30_000 });
  return probe.status === 0;
}

export interface ScanJson {
  summary: Record<string, number>;
  references: Array<{ flag: string | null; file: string; line: number; column: number; kind: string }>;
  unregistered: Array<{ flag: string; file: string }>;
  unused: Array<{ flag: string }>;
  problems: Array<{ file: string; message: string; severity?: string }>;
  flags: Array<{ key: string }>;
}

/** `flagdebt scan <dir> --format json`; asserts the run ended on its own with a report. */
export function scanJson(dir: string, extra: string[] = [], as: { uid?: number; gid?: number } = {}): { run: CliRun; json: ScanJson } {
  const run = runCli(['scan', dir, '--format', 'json', '--now', NOW, ...extra], as);
  if (run.timedOut) throw new Error(`flagdebt scan did not finish in time (${run.ms.toFixed(0)} ms)`);
  if (run.code !== 0 && run.code !== 1) throw new Error(`flagdebt scan exited ${run.code}:\n${run.stderr}`);
  return { run, json: JSON.parse(run.stdout) as ScanJson };
}
