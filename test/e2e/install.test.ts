/**
 * The install story, as a user lives it: `npm run pack` makes the two tarballs, they install into
 * a project outside the repository (only the npm registry behind them, for their npm
 * dependencies, served from npm's cache when it can), and there `npx flagdebt scan`, `npx flagdebt
 * remove --dry-run` and `npx eslint` with the README's flat config run on the project's .ts and
 * .tsx files. The project is a copy of fixtures/shop; expected findings come from its EXPECTED.md.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO, SHOP } from '../helpers.js';

const NOW = '2026-11-21';
const rootManifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

/** The README's ESLint flat config, as a user would paste it. */
export function readmeEslintConfig(): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const block = /```js\n(\/\/ eslint\.config\.js\n[\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no ```js block starting with "// eslint.config.js"');
  return block[1];
}

/** The environment of a user's shell: none of the `npm test` run's npm_* settings leak into it. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith('npm_') && !/^npm_config_(cache|registry|userconfig)$/.test(name)) continue;
    if (name === 'INIT_CWD' || name === 'NODE_OPTIONS') continue;
    env[name] = value;
  }
  return { ...env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

function run(command: string, args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: userEnv(), maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('installed from the tarballs', () => {
  let temp: string;
  let app: string;

  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), 'flagdebt-install-'));
    const packed = run(process.execPath, [join(REPO, 'scripts/pack.mjs'), '--out', join(temp, 'tarballs')], REPO);
    expect(packed.stderr).not.toMatch(/Error/);
    expect(packed.code).toBe(0);
    const tarballs = packed.stdout.trim().split('\n');
    expect(tarballs.map((t) => t.slice(join(temp, 'tarballs').length + 1))).toEqual(['flagdebt-0.1.0.tgz', 'flagdebt-eslint-plugin-0.1.0.tgz']);

    app = join(temp, 'shop');
    cpSync(SHOP, app, { recursive: true });
    // A project of its own: no workspace above it, no flagdebt in its manifest yet.
    writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'shop', version: '0.4.2', private: true, type: 'module' }, null, 2)}\n`);
    writeFileSync(join(app, 'eslint.config.js'), readmeEslintConfig());
    const versions = rootManifest.devDependencies;
    const installed = run(
      'npm',
      ['install', '--save-dev', '--prefer-offline', ...tarballs, `eslint@${versions.eslint}`, `typescript-eslint@${versions['typescript-eslint']}`],
      app,
    );
    expect(installed.stderr).not.toMatch(/npm (error|ERR)/);
    expect(installed.code).toBe(0);
  }, 180_000);

  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it('is a real install: no links into the repository, no workspace packages fetched', () => {
    for (const pkg of ['flagdebt', '@flagdebt/eslint-plugin']) expect(lstatSync(join(app, 'node_modules', pkg)).isSymbolicLink()).toBe(false);
    // The internal packages travel inside the tarballs, nowhere else.
    expect(existsSync(join(app, 'node_modules/@flagdebt/core'))).toBe(false);
    expect(existsSync(join(app, 'node_modules/flagdebt/vendor/@flagdebt/scanner/package.json'))).toBe(true);
    expect(existsSync(join(app, 'node_modules/flagdebt/LICENSE'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(Object.keys(manifest.devDependencies)).toEqual(expect.arrayContaining(['flagdebt', '@flagdebt/eslint-plugin']));
  });

  it('npx flagdebt scan reports the shop', () => {
    const scan = run('npx', ['--no', 'flagdebt', 'scan', '--now', NOW, '--format', 'json'], app);
    // The shop reads an archived flag: over the default budget of 0 for those.
    expect(scan.stderr).toBe('flagdebt: budget exceeded: 1 archived flag still read, budget is 0: an archived key must never be used again: rename the flag in code, or restore it in the registry\n');
    expect(scan.code).toBe(1);
    const report = JSON.parse(scan.stdout) as {
      summary: Record<string, number>;
      flags: { key: string; stale: boolean }[];
      unregistered: { flag: string; file: string; line: number; suggestion?: string }[];
    };
    expect(report.summary).toMatchObject({ stale: 4, unused: 1, unregistered: 2, dynamic: 1, archivedReferenced: 1 });
    expect(report.flags.filter((f) => f.stale).map((f) => f.key).sort()).toEqual(['checkout-button-color', 'new-checkout', 'search-v2', 'wishlist']);
    expect(report.unregistered).toContainEqual(expect.objectContaining({ flag: 'new-chekout', file: 'src/pages/OrderConfirmationPage.tsx', line: 7, suggestion: 'new-checkout' }));
    // The HTML dashboard needs chart.js, found from inside the tarball's vendored scanner.
    const html = run('npx', ['--no', 'flagdebt', 'scan', '--now', NOW, '--format', 'html'], app);
    expect(html.code).toBe(1);
    expect(html.stdout).toMatch(/^<!doctype html>/i);
  });

  it('npx flagdebt remove --dry-run prints the removal and writes nothing', () => {
    const before = readFileSync(join(app, 'src/hooks/useNewCheckout.ts'), 'utf8');
    const removed = run('npx', ['--no', 'flagdebt', 'remove', 'new-checkout', '--dry-run', '--now', NOW], app);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('--- a/src/hooks/useNewCheckout.ts');
    expect(removed.stdout).toContain('+++ /dev/null');
    expect(removed.stderr).toMatch(/would change \d+ files/);
    expect(removed.stderr).toContain('deleted: src/components/LegacyCheckout.tsx');
    expect(readFileSync(join(app, 'src/hooks/useNewCheckout.ts'), 'utf8')).toBe(before);
  });

  it("npx eslint with the README's flat config lints .ts and .tsx files with the plugin", () => {
    const linted = run('npx', ['--no', 'eslint', 'src', '--format', 'json'], app);
    const results = JSON.parse(linted.stdout) as { filePath: string; messages: { ruleId: string | null; line: number; column: number; fatal?: boolean; message: string }[] }[];
    const findings = results.flatMap((r) =>
      r.messages.map((m) => ({ file: r.filePath.slice(app.length + 1), rule: m.ruleId, line: m.line, column: m.column, fatal: m.fatal === true, message: m.message })),
    );
    expect(findings.filter((f) => f.fatal)).toEqual([]);
    const flagdebt = findings.filter((f) => f.rule?.startsWith('flagdebt/')).map(({ file, rule, line, column }) => ({ file, rule, line, column }));
    expect(flagdebt).toEqual(
      expect.arrayContaining([
        { file: 'src/pages/OrderConfirmationPage.tsx', rule: 'flagdebt/registered', line: 7, column: 38 },
        { file: 'src/server/payments.ts', rule: 'flagdebt/safe-default', line: 17, column: 56 },
        { file: 'src/components/ProductCard.tsx', rule: 'flagdebt/no-archived', line: 14, column: 18 },
        { file: 'src/hooks/useNewCheckout.ts', rule: 'flagdebt/ready-to-remove', line: 3, column: 37 },
        { file: 'src/pages/DebugFlagsPage.tsx', rule: 'flagdebt/static-key', line: 7, column: 25 },
      ]),
    );
    // Errors from the plugin's rules: exit 1, as in CI.
    expect(linted.code).toBe(1);
  });
});

describe('the GitHub Action', () => {
  it("runs the CLI from its own checkout: its scan step, run as the runner would, writes SARIF and the summary", () => {
    const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as { runs: { steps: { id?: string; run?: string; env?: Record<string, string> }[] } };
    const step = action.runs.steps.find((s) => s.id === 'scan')!;
    expect(step.env?.FLAGDEBT_BIN).toBe('${{ github.action_path }}/packages/cli/bin/flagdebt.js');
    expect(JSON.stringify(action)).not.toMatch(/npx/);

    const work = mkdtempSync(join(tmpdir(), 'flagdebt-action-'));
    try {
      cpSync(join(REPO, 'test/fixtures/cli/billing'), join(work, 'repo/apps/billing'), { recursive: true });
      const env = {
        ...userEnv(),
        FLAGDEBT_BIN: join(REPO, 'packages/cli/bin/flagdebt.js'),
        FLAGDEBT_DIR: 'apps/billing',
        FLAGDEBT_NOW: NOW,
        FLAGDEBT_SARIF: 'flagdebt.sarif',
        FLAGDEBT_SUMMARY: 'true',
        GITHUB_OUTPUT: join(work, 'output'),
        GITHUB_STEP_SUMMARY: join(work, 'summary.md'),
        GITHUB_WORKSPACE: join(work, 'repo'),
      };
      const result = spawnSync('bash', ['-e', '-c', step.run!], { cwd: join(work, 'repo'), env, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      // The billing fixture is over its stale budget: the step records 1 and leaves failing to a later step.
      expect(readFileSync(join(work, 'output'), 'utf8')).toBe('sarif-file=flagdebt.sarif\nexit-code=1\n');
      const sarif = JSON.parse(readFileSync(join(work, 'repo/flagdebt.sarif'), 'utf8'));
      const uris = sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri);
      expect(uris).toContain('apps/billing/src/billing/invoice.ts');
      expect(readFileSync(join(work, 'summary.md'), 'utf8')).toMatch(/^## flagdebt scan/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
