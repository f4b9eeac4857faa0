/**
 * `flagdebt scan` as a new user meets it: a bad --output path, include globs that match nothing,
 * what the summary counts, each reference's code line, grouping, PR mode and a baseline. On the
 * billing fixture, fixtures/shop (EXPECTED.md) and small projects written here.
 */
import { existsSync, readFileSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, SHOP, STACK_LINE, cli, copyShop, git, tempProject } from '../helpers.js';

const billing = join(REPO, 'test/fixtures/cli/billing');
const NOW = '2026-11-21';

describe('scan --output', () => {
  it('exits 2 with the path and the reason when the file cannot be written', async () => {
    const temp = tempProject({ 'taken/readme.txt': 'a folder, not a file\n' });
    try {
      const missing = join(temp.dir, 'no/such/folder/report.json');
      const result = await cli(['scan', billing, '--format', 'json', '--output', missing, '--now', NOW]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(missing);
      expect(result.stderr).toMatch(/cannot write --output .*: its folder does not exist \(ENOENT\)/);
      expect(result.stderr).toMatch(/fix: give --output a path in an existing folder/);
      expect(result.stderr).not.toMatch(STACK_LINE);
      expect(result.stdout).toBe('');

      const folder = await cli(['scan', billing, '--output', join(temp.dir, 'taken'), '--now', NOW]);
      expect(folder.code).toBe(2);
      expect(folder.stderr).toMatch(/it is a folder/);
      expect(readFileSync(join(temp.dir, 'taken/readme.txt'), 'utf8')).toBe('a folder, not a file\n');
    } finally {
      temp.cleanup();
    }
  });
});

describe('include globs', () => {
  const registry = 'flags:\n  quick-reply:\n    type: release\n    owner: agents\n    created: 2026-10-01\n    expires: 2027-01-01\n    state: active\n    default: false\n';
  const source = "import { flags } from './flags';\n\nexport const showQuickReply = () => flags.isEnabled('quick-reply', false);\n";

  it('warns about a glob that matches nothing or is malformed, and still scans with the others', async () => {
    const temp = tempProject({
      'flagdebt.config.json': JSON.stringify({ include: ['src/**/*.ts', 'lib/**/*.{ts,tsx', './app/**/*.ts'] }),
      'flags.yaml': registry,
      'src/reply.ts': source,
      'src/flags.ts': 'export const flags = { isEnabled: (k: string, d: boolean) => d };\n',
    });
    try {
      const result = await cli(['scan', temp.dir, '--format', 'json', '--now', NOW]);
      expect(result.code).toBe(0);
      expect(result.stderr).toContain('flagdebt.config.json: warning: include glob "lib/**/*.{ts,tsx" matches no file: it looks malformed: "{" and "}" do not pair up');
      expect(result.stderr).toContain('include glob "./app/**/*.ts" matches no file: globs are matched against paths without a leading "./"');
      expect(result.stderr).not.toContain('"src/**/*.ts"');
      const report = JSON.parse(result.stdout);
      expect(report.summary).toMatchObject({ files: 2, unused: 0 });
      expect(report.problems).toContainEqual({ file: 'flagdebt.config.json', message: expect.stringContaining('lib/**/*.{ts,tsx'), severity: 'warning' });
    } finally {
      temp.cleanup();
    }
  });

  it('exits 2 when nothing at all is scanned (instead of reporting every flag unused)', async () => {
    const temp = tempProject({
      'flagdebt.config.json': JSON.stringify({ include: ['app/**/*.ts'] }),
      'flags.yaml': registry,
      'src/reply.ts': source,
    });
    try {
      const result = await cli(['scan', temp.dir, '--now', NOW]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/error: no file to scan in .*: include \["app\/\*\*\/\*\.ts"\] matched nothing/);
      expect(result.stderr).toMatch(/fix: fix `include` in the config/);
      expect(result.stdout).toBe('');
    } finally {
      temp.cleanup();
    }
  });
});

describe('text and markdown reports', () => {
  it('say what each flag count counts: live flags in the summary, all registry flags in the table', async () => {
    const result = await cli(['scan', SHOP, '--now', NOW]);
    expect(result.stdout).toMatch(/files {2}live flags {2}references/);
    expect(result.stdout).toMatch(/\n {2}58 +11 +42 /);
    expect(result.stdout).toContain('Flags in the registry: 11 live, 1 archived (12)');
  });

  it('show the code line of each reference', async () => {
    const text = (await cli(['scan', SHOP, '--now', NOW])).stdout;
    expect(text).toContain("src/pages/OrderConfirmationPage.tsx:7:22  did you mean \"new-checkout\"?  const showSurvey = flags.isEnabled('new-chekout', false);");
    expect(text).toContain("    src/server/checkout.ts:26:7  if (flags.isEnabled('new-checkout', false)) {");
    expect(text).toContain('src/pages/DebugFlagsPage.tsx:7:9  via flags.isEnabled  if (flags.isEnabled(name, false)) {');
    const markdown = (await cli(['scan', SHOP, '--now', NOW, '--format', 'markdown'])).stdout;
    expect(markdown).toContain("| `src/server/checkout.ts` | 26 | evaluation | `flags.isEnabled` |  | `if (flags.isEnabled('new-checkout', false)) {` |");
  });

  it('group findings by owner with --group-by, and reject other groupings', async () => {
    const byOwner = (await cli(['scan', SHOP, '--now', NOW, '--group-by', 'owner'])).stdout;
    const start = byOwner.indexOf('Findings by owner');
    const section = byOwner.slice(start, byOwner.indexOf('\n\n', start));
    const owners = [...section.matchAll(/^ {2}(\S.*)$/gm)].map((m) => m[1]);
    expect(owners).toEqual(['discovery', 'growth', 'payments', '(no owner: unregistered and dynamic keys)']);
    expect(section).toMatch(/payments\n {4}new-checkout: stale[^\n]*\n(?: {6}[^\n]*\n)*? {4}one-click-buy: ARCHIVED but still read/);
    const bad = await cli(['scan', SHOP, '--group-by', 'team']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Allowed choices are flag, owner/);
  });
});

describe('budget', () => {
  it('fails on dynamic keys and unused flags over their budget, and on archived reads by default', async () => {
    const temp = copyShop();
    try {
      const config = JSON.parse(readFileSync(join(temp.dir, 'flagdebt.config.json'), 'utf8'));
      writeFileSync(join(temp.dir, 'flagdebt.config.json'), JSON.stringify({ ...config, budget: { dynamic: 0, unused: 0, archivedReferenced: 1 } }));
      const result = await cli(['scan', temp.dir, '--now', NOW]);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([
        'flagdebt: budget exceeded: 1 dynamic flag key, budget is 0: pass keys as literals or constants so they can be checked',
        'flagdebt: budget exceeded: 1 unused flag, budget is 0: archive flags no code reads in the registry',
      ]);
      expect(result.stdout).toContain('budget: archived in use 1/1 ok, dynamic 1/0 EXCEEDED, unused 1/0 EXCEEDED');
    } finally {
      temp.cleanup();
    }
  });
});

describe('adopting on a codebase with debt', () => {
  let shop: { dir: string; cleanup(): void };

  beforeAll(() => {
    shop = copyShop();
    git(shop.dir, 'init', '-q', '-b', 'main');
    git(shop.dir, 'add', '-A');
    git(shop.dir, 'commit', '-q', '-m', 'shop');
  });
  afterAll(() => shop.cleanup());

  it('--write-baseline records today\'s findings; --baseline then counts only new ones', async () => {
    const file = join(shop.dir, 'flagdebt-baseline.json');
    const written = await cli(['scan', shop.dir, '--now', NOW, '--write-baseline', file]);
    expect(written.code).toBe(0);
    expect(written.stderr).toMatch(/wrote a baseline of 8 findings to .*flagdebt-baseline\.json/);
    const baseline = JSON.parse(readFileSync(file, 'utf8'));
    expect(baseline.findings).toContainEqual({ kind: 'unregistered', flag: 'new-chekout', file: 'src/pages/OrderConfirmationPage.tsx', count: 1 });

    const clean = await cli(['scan', shop.dir, '--now', NOW, '--baseline', file, '--format', 'json']);
    expect(clean.code).toBe(0);
    const report = JSON.parse(clean.stdout);
    expect(report.summary).toMatchObject({ stale: 0, unregistered: 0, dynamic: 0, archivedReferenced: 0 });
    expect(report.suppressed).toHaveLength(8);
    const text = await cli(['scan', shop.dir, '--now', NOW, '--baseline', file]);
    expect(text.stdout).toContain('  not counted: 8 by the baseline');
    expect(text.stdout).not.toContain('Stale flags (');

    mkdirSync(join(shop.dir, 'src/returns'), { recursive: true });
    writeFileSync(
      join(shop.dir, 'src/returns/ReturnsPage.tsx'),
      "import { useFlag } from '../hooks/useFlag';\n\nexport function ReturnsPage() {\n  const instant = useFlag('instant-refunds');\n  return <h1>{instant ? 'Refunded now' : 'Refund in 5 days'}</h1>;\n}\n",
    );
    const fresh = await cli(['scan', shop.dir, '--now', NOW, '--baseline', file, '--format', 'json']);
    const next = JSON.parse(fresh.stdout);
    expect(next.unregistered).toEqual([{ flag: 'instant-refunds', file: 'src/returns/ReturnsPage.tsx', line: 4, column: 19 }]);
    expect(next.summary.unregistered).toBe(1);

    const missing = await cli(['scan', shop.dir, '--baseline', join(shop.dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read --baseline .*nope\.json: no such file/);
  });

  it('--changed-since limits findings to the files changed since the merge base (PR mode)', async () => {
    git(shop.dir, 'checkout', '-q', '-b', 'feature');
    appendFileSync(join(shop.dir, 'src/server/payments.ts'), "\nexport const splitPayments = () => flags.isEnabled('split-payments', false);\n");
    git(shop.dir, 'commit', '-q', '-am', 'split payments');
    const result = await cli(['scan', shop.dir, '--now', NOW, '--changed-since', 'main', '--format', 'json']);
    const report = JSON.parse(result.stdout);
    // The untracked ReturnsPage.tsx of the previous test counts as changed, like in a PR.
    expect([...new Set(report.references.map((r: { file: string }) => r.file))].sort()).toEqual(['src/returns/ReturnsPage.tsx', 'src/server/payments.ts']);
    expect(report.unregistered.map((u: { flag: string }) => u.flag).sort()).toEqual(['instant-refunds', 'split-payments']);
    expect(report.flags.map((f: { key: string }) => f.key)).toEqual(['gift-cards']);
    expect(report.summary).toMatchObject({ stale: 0, unused: 0, unregistered: 2, archivedReferenced: 0 });
    expect(result.code).toBe(0);

    const badRef = await cli(['scan', shop.dir, '--changed-since', 'no-such-branch']);
    expect(badRef.code).toBe(2);
    expect(badRef.stderr).toMatch(/--changed-since: error: cannot compare with "no-such-branch"/);
    expect(existsSync(join(shop.dir, 'flagdebt-baseline.json'))).toBe(true);
  });
});
