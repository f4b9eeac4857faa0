import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BlobReader } from '../../src/history/git.js';
import { history } from '../../src/history/history.js';
import type { HistoryResult, SubsetDetail } from '../../src/history/types.js';
import { commitFiles, git } from './fixture-repo.js';

// A subset scan lists the files it re-scans, the key sources those files marked at the last
// point (their declarations may shrink), the files declaring the wrappers they name and the key
// sources they newly mark; not every file their reads resolved through. A shop whose pages read
// key constants through a barrel: the checkout page stops reading its constant (the constants
// file, untouched and not re-scanned, loses that declaration), then reads it again together with
// a constant of a payments file nobody read before.
const files: Record<string, string> = {
  'flagdebt.config.json': JSON.stringify({ registry: 'flags.yaml', accessors: [{ call: 'useFlag', keyArg: 0 }] }, null, 2),
  'flags.yaml': [
    'flags:',
    '  checkout-v2:',
    '    type: release',
    '    owner: web',
    '    created: 2026-01-05',
    '    expires: 2026-12-01',
    '    state: active',
    '  promo-banner:',
    '    type: experiment',
    '    owner: growth',
    '    created: 2026-02-10',
    '    expires: 2026-10-01',
    '    state: active',
    '  wallet-pay:',
    '    type: release',
    '    owner: payments',
    '    created: 2026-03-01',
    '    expires: 2027-03-01',
    '    state: active',
    '',
  ].join('\n'),
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'es2022', jsx: 'react-jsx', strict: true } }, null, 2),
  'src/hooks/use-flag.ts': "const enabled = new Set<string>(['checkout-v2']);\n\nexport function useFlag(key: string): boolean {\n  return enabled.has(key);\n}\n",
  'src/flags/keys.ts': "export const CHECKOUT = 'checkout-v2';\nexport const PROMO = 'promo-banner';\n",
  'src/flags/payment-keys.ts': "export const WALLET = 'wallet-pay';\n",
  'src/flags/index.ts': "export * from './keys';\nexport * from './payment-keys';\n",
  'README.md': '# Shop\n\nThe storefront and its checkout.\n',
  'pnpm-lock.yaml': "lockfileVersion: '9.0'\n\nimporters:\n  .:\n    dependencies:\n      react:\n        specifier: ^19.0.0\n        version: 19.0.0\n",
  'src/lib/money.ts': "export function formatPrice(cents: number): string {\n  return `${(cents / 100).toFixed(2)} EUR`;\n}\n",
  'src/pages/Checkout.tsx': [
    "import { CHECKOUT } from '../flags';",
    "import { useFlag } from '../hooks/use-flag';",
    "import { formatPrice } from '../lib/money';",
    '',
    'export function Checkout({ total }: { total: number }) {',
    '  const fast = useFlag(CHECKOUT);',
    '  return <button>{fast ? `Pay ${formatPrice(total)} now` : \'Continue\'}</button>;',
    '}',
    '',
  ].join('\n'),
  'src/pages/Home.tsx': [
    "import { PROMO } from '../flags';",
    "import { useFlag } from '../hooks/use-flag';",
    '',
    'export function Home() {',
    '  return <main>{useFlag(PROMO) ? <aside>Summer sale</aside> : null}</main>;',
    '}',
    '',
  ].join('\n'),
};

const literal = files['src/pages/Checkout.tsx'].replace("import { CHECKOUT } from '../flags';\n", '').replace('useFlag(CHECKOUT)', "useFlag('checkout-v2')");
const wallet = files['src/pages/Checkout.tsx']
  .replace("import { CHECKOUT } from '../flags';", "import { CHECKOUT, WALLET } from '../flags';")
  .replace('  const fast = useFlag(CHECKOUT);', '  const fast = useFlag(CHECKOUT);\n  const wallet = useFlag(WALLET);')
  .replace("'Continue'", "wallet ? 'Wallet' : 'Continue'");

let tmp: string;
let repo: string;
let incremental: HistoryResult;
let full: HistoryResult;
const modes: string[] = [];
const subsets: SubsetDetail[] = [];
/** Every blob the incremental run asked git for. */
let read: Set<string>;

function commit(changes: Record<string, string>, message: string, date: string): void {
  commitFiles(repo, changes, message, date);
}

beforeAll(async () => {
  tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'flagdebt-listing-test-')));
  repo = path.join(tmp, 'repo');
  mkdirSync(repo);
  git(repo, ['init', '-q', '-b', 'main']);
  commit(files, 'shop', '2026-08-03T09:00:00Z');
  commit(
    {
      'src/pages/Checkout.tsx': literal,
      'README.md': `${files['README.md']}\nFlags live in flags.yaml.\n`,
      'pnpm-lock.yaml': files['pnpm-lock.yaml'].replaceAll('19.0.0', '19.1.0'),
    },
    'checkout spells its key; react 19.1',
    '2026-08-04T09:00:00Z',
  );
  commit({ 'src/pages/Checkout.tsx': wallet }, 'checkout reads the constants again, and the wallet flag', '2026-08-05T09:00:00Z');
  const many = vi.spyOn(BlobReader.prototype, 'readMany');
  const sync = vi.spyOn(BlobReader.prototype, 'readSync');
  incremental = await history({
    dir: repo,
    every: 1,
    onProgress: (_d, _t, _c, mode, _why, subset) => {
      modes.push(mode);
      if (subset) subsets.push(subset);
    },
  });
  read = new Set([...many.mock.calls.flatMap(([ids]) => [...ids]), ...sync.mock.calls.map(([id]) => id)]);
  many.mockRestore();
  sync.mockRestore();
  full = await history({ dir: repo, every: 1, incremental: false });
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('what a history subset scan lists', () => {
  it('gives the same points as scanning every commit in full, each later commit as a subset', () => {
    expect(incremental.skipped).toEqual([]);
    expect(incremental.points).toEqual(full.points);
    expect(modes).toEqual(['full', 'subset', 'subset']);
  });

  it('drops the declaration of a constant its only reader stopped reading through', () => {
    // Reads: Checkout and Home; declarations: CHECKOUT and PROMO (keys.ts), each marked by one page.
    expect(incremental.points.map((p) => p.references)).toEqual([4, 3, 6]);
  });

  it('reads the changed source files, not the changed docs and lock files', () => {
    const blob = (rel: string, at: string) => git(repo, ['rev-parse', `${at}:${rel}`]).trim();
    expect(read.has(blob('src/pages/Checkout.tsx', 'HEAD~1'))).toBe(true);
    expect(read.has(blob('README.md', 'HEAD~1'))).toBe(false);
    expect(read.has(blob('pnpm-lock.yaml', 'HEAD~1'))).toBe(false);
  });

  it('lists the re-scanned files and the constants they read, not the barrel or the hook they resolved through', () => {
    // Checkout's edit: Checkout.tsx and keys.ts (CHECKOUT was marked by it) are listed; keys.ts
    // lost a declaration, so its readers (Home.tsx) are re-scanned in a second round.
    // The wallet edit: Checkout.tsx alone (it marked nothing), then the two constants files its
    // reads now mark (learnt from the first round).
    expect(subsets.map((s) => s.rescanned)).toEqual([['src/flags/keys.ts', 'src/pages/Checkout.tsx', 'src/pages/Home.tsx'], ['src/pages/Checkout.tsx']]);
    expect(subsets.map((s) => [s.listed, s.rounds])).toEqual([
      [3, 2],
      [3, 2],
    ]);
  });
});
