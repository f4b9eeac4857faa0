import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, type CliIO } from 'flagdebt';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(REPO, 'packages/cli/dist/bin.js');
export const SHOP = join(REPO, 'fixtures/shop');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function cli(argv: string[], cwd: string = REPO, env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    stderrIsTTY: false,
    stdoutIsTTY: false,
    cwd,
    env: { NO_COLOR: '1', ...env },
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** Runs the built binary as a user would, in a child process. */
export function cliProcess(argv: string[], cwd: string = REPO): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...argv], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A throw-away directory; `files` maps relative paths to contents. */
export function tempProject(files: Record<string, string> = {}): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'flagdebt-test-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of fixtures/shop outside the repo, with node_modules linked so it still type-checks. */
export function copyShop(): { dir: string; cleanup(): void } {
  const temp = tempProject();
  const dir = join(temp.dir, 'shop');
  cpSync(SHOP, dir, { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(temp.dir, 'node_modules'), 'dir');
  return { dir, cleanup: temp.cleanup };
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
  });
}

/** A stack-trace line such as `    at scan (file.js:1:2)`. */
export const STACK_LINE = /^\s+at .+\(?.*:\d+:\d+\)?$/m;
