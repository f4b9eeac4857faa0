import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { relaunchOptions, type LaunchContext } from '../src/relaunch.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../../..');
const BIN = path.join(REPO, 'packages/cli/dist/bin.js');
const RELAUNCH = path.join(REPO, 'packages/cli/dist/relaunch.js');
const SHOP = path.join(REPO, 'fixtures/shop');

const small: LaunchContext = { argv: ['scan', '.'], env: {}, execArgv: [], cores: 2 };

describe('relaunchOptions', () => {
  it('re-launches a scan with one V8 helper thread on two cores or fewer', () => {
    expect(relaunchOptions(small)).toEqual(['--v8-pool-size=1']);
    expect(relaunchOptions({ ...small, cores: 1 })).toEqual(['--v8-pool-size=1']);
    expect(relaunchOptions({ ...small, argv: ['--debug', 'scan', 'apps/web', '--format', 'json'] })).toEqual(['--v8-pool-size=1']);
  });

  it('re-launches history as it does a scan, so that both run under the same Node options', () => {
    expect(relaunchOptions({ ...small, argv: ['history', '.', '--since', '2026-02-23'] })).toEqual(relaunchOptions(small));
    expect(relaunchOptions({ ...small, argv: ['history', '.'], cores: 4 })).toBeNull();
  });

  it('runs in-process on bigger machines, for other commands and without a command', () => {
    expect(relaunchOptions({ ...small, cores: 4 })).toBeNull();
    expect(relaunchOptions({ ...small, argv: ['remove', 'new-checkout'] })).toBeNull();
    expect(relaunchOptions({ ...small, argv: ['--help'] })).toBeNull();
    expect(relaunchOptions({ ...small, argv: [] })).toBeNull();
  });

  it('obeys FLAGDEBT_RELAUNCH and never re-launches the child again', () => {
    expect(relaunchOptions({ ...small, env: { FLAGDEBT_RELAUNCH: '0' } })).toBeNull();
    expect(relaunchOptions({ ...small, cores: 16, env: { FLAGDEBT_RELAUNCH: '1' } })).toEqual(['--v8-pool-size=1']);
    expect(relaunchOptions({ ...small, env: { FLAGDEBT_RELAUNCHED: '1' } })).toBeNull();
    expect(relaunchOptions({ ...small, env: { FLAGDEBT_RELAUNCH: '1', FLAGDEBT_RELAUNCHED: '1' } })).toBeNull();
  });

  it('never re-launches a Node started with options of its own (they could re-run an -e script)', () => {
    expect(relaunchOptions({ ...small, execArgv: ['--v8-pool-size=8'] })).toBeNull();
    expect(relaunchOptions({ ...small, execArgv: ['--input-type=module', '-e', 'import("flagdebt")'] })).toBeNull();
    expect(relaunchOptions({ ...small, execArgv: ['--inspect'] })).toBeNull();
  });

  it('leaves a --v8-pool-size in NODE_OPTIONS alone', () => {
    expect(relaunchOptions({ ...small, env: { NODE_OPTIONS: '--max-old-space-size=4096 --v8-pool-size=2' } })).toBeNull();
    expect(relaunchOptions({ ...small, env: { NODE_OPTIONS: '--max-old-space-size=4096' } })).toEqual(['--v8-pool-size=1']);
  });
});

/** The built binary in a child process, with `env` added. */
function bin(argv: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [BIN, ...argv], { cwd: REPO, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the re-launched scan', () => {
  it('prints the same report, errors and exit code as an in-process one', () => {
    const scanArgs = ['scan', SHOP, '--format', 'json', '--now', '2026-11-21'];
    const inProcess = bin(scanArgs, { FLAGDEBT_RELAUNCH: '0' });
    const relaunched = bin(scanArgs, { FLAGDEBT_RELAUNCH: '1' });
    expect(JSON.parse(relaunched.stdout).summary.references).toBeGreaterThan(0);
    expect(relaunched).toEqual(inProcess);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-relaunch-'));
    temporary.push(dir);
    fs.writeFileSync(path.join(dir, 'flagdebt.config.json'), '{ "registry": ');
    const broken = bin(['scan', dir], { FLAGDEBT_RELAUNCH: '1' });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('flagdebt.config.json:1');
    expect(broken).toEqual(bin(['scan', dir], { FLAGDEBT_RELAUNCH: '0' }));
  });

  it('runs history the same way: outside a git work tree, the same error and exit code', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-relaunch-'));
    temporary.push(dir);
    const relaunched = bin(['history', dir], { FLAGDEBT_RELAUNCH: '1' });
    expect(relaunched.code).toBe(2);
    expect(relaunched.stderr).toContain('not inside a git work tree');
    expect(relaunched).toEqual(bin(['history', dir], { FLAGDEBT_RELAUNCH: '0' }));
  });

  /** A parent that re-launches `script` through `relaunch` and reports what it resolved to. */
  function parentOf(script: string) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-relaunch-'));
    temporary.push(dir);
    const child = path.join(dir, 'child.mjs');
    fs.writeFileSync(child, script);
    const parent = path.join(dir, 'parent.mjs');
    fs.writeFileSync(parent, `import { relaunch } from ${JSON.stringify(pathToFileURL(RELAUNCH).href)};\nconst code = await relaunch(${JSON.stringify(child)}, ['--v8-pool-size=1'], ['a b', '--flag']);\nconsole.log('resolved', code);\nprocess.exitCode = code ?? 99;\n`);
    return spawnSync(process.execPath, [parent], { encoding: 'utf8', timeout: 30_000 });
  }

  it('passes the Node option, the arguments and the environment marker to the child and returns its exit code', () => {
    const result = parentOf("console.log(JSON.stringify([process.execArgv, process.argv.slice(2), process.env.FLAGDEBT_RELAUNCHED])); process.exitCode = 7;\n");
    const [execArgv, argv, marker] = JSON.parse(result.stdout.split('\n')[0]) as [string[], string[], string];
    expect(execArgv).toContain('--v8-pool-size=1');
    expect(argv).toEqual(['a b', '--flag']);
    expect(marker).toBe('1');
    expect(result.stdout).toContain('resolved 7');
    expect(result.status).toBe(7);
  });

  it('dies of the signal that killed the child', () => {
    const result = parentOf("process.kill(process.pid, 'SIGTERM');\nsetTimeout(() => {}, 10_000);\n");
    expect(result.signal).toBe('SIGTERM');
    expect(result.stdout).not.toContain('resolved');
  });
});
