/**
 * On machines with two cores or fewer, `flagdebt scan` and `flagdebt history` run in a child
 * Node with a single V8 helper thread (`--v8-pool-size=1`) instead of Node's default four.
 *
 * A scan is short and parses cold code: V8 spends about as much CPU optimising TypeScript's
 * parser on its helper threads as the main thread spends parsing. On two cores, four helpers
 * and the main thread compete for the same cores, and the scan slows down. With one helper,
 * the benchmark's median was 8-21 % lower. Re-launching costs 60-80 ms (a second Node
 * start-up), so the net gain was 3-12 % (bench/RESULTS.md, docs/decisions.md).
 *
 * The V8 thread pool is fixed when Node starts, so the only portable way to set it is a child
 * process. A `#!/usr/bin/env -S node ...` line would also work, but BusyBox `env` (Alpine
 * images) has no `-S`, and it would apply on every machine, whatever its size.
 *
 * `FLAGDEBT_RELAUNCH=0` turns this off, `=1` forces it on any machine. A `--v8-pool-size` in
 * NODE_OPTIONS always wins, and a Node started with options of its own (`node --inspect ...`,
 * `node -e ...`) is never re-launched: they could not all be passed on safely.
 */
import { spawn } from 'node:child_process';

/**
 * Commands measured to gain, or that must run as `scan` does: `history` is a scan per point, and
 * its speed target is a ratio to one `scan` of HEAD, so both run under the same Node options.
 * The others run where they are started.
 */
const RELAUNCHED = new Set(['scan', 'history']);
/** Set in the child, so that it never re-launches itself. */
const MARKER = 'FLAGDEBT_RELAUNCHED';
const FORWARDED_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export interface LaunchContext {
  /** The CLI's arguments, without `node` and the script. */
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Node's own options for this process (`process.execArgv`). */
  execArgv: readonly string[];
  /** `os.availableParallelism()`. */
  cores: number;
}

/** The Node options to re-launch with, or null to run in this process. */
export function relaunchOptions(context: LaunchContext): string[] | null {
  const setting = context.env.FLAGDEBT_RELAUNCH;
  if (setting === '0' || context.env[MARKER] === '1') return null;
  const command = context.argv.find((arg) => !arg.startsWith('-'));
  if (command === undefined || !RELAUNCHED.has(command)) return null;
  if (context.execArgv.length > 0) return null;
  if ((context.env.NODE_OPTIONS ?? '').split(/\s+/).some((option) => option.startsWith('--v8-pool-size'))) return null;
  if (setting !== '1' && context.cores > 2) return null;
  return ['--v8-pool-size=1'];
}

/**
 * Runs `script` with `argv` in a child Node with `options` (NODE_OPTIONS reach it through the
 * environment) and the same stdin, stdout and stderr (so TTY detection is unchanged), and
 * resolves to its exit code. Signals sent to this process are passed on; a child killed by a
 * signal kills this process with the same signal.
 * Resolves to null when the child could not be started: the caller then runs in-process.
 */
export function relaunch(script: string, options: readonly string[], argv: readonly string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...options, script, ...argv], {
      stdio: 'inherit',
      env: { ...process.env, [MARKER]: '1' },
    });
    const forward = (signal: NodeJS.Signals) => {
      child.kill(signal);
    };
    for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
    const done = () => {
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
    };
    child.once('error', () => {
      done();
      resolve(null);
    });
    child.once('exit', (code, signal) => {
      done();
      if (signal !== null) {
        process.kill(process.pid, signal);
        return;
      }
      resolve(code ?? 1);
    });
  });
}
