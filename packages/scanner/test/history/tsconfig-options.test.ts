import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryResult } from '../../src/history/types.js';
import { historyBothWays, scriptedRepo } from './fixture-repo.js';

// A tsconfig edit re-resolves relative imports only in the files whose tsconfig options changed
// (checker-only options aside). A shop with a web app and a server, each with its own tsconfig;
// `moduleSuffixes` makes `./keys` resolve to keys.web.ts, first in the web app (while the
// server's tsconfig changes only `strict`), then in the server.
const files: Record<string, string> = {
  'flagdebt.config.json': JSON.stringify({ registry: 'flags.yaml', accessors: [{ call: 'useFlag', keyArg: 0 }, { call: 'flags.isEnabled', keyArg: 0, defaultArg: 1 }] }, null, 2),
  'flags.yaml': ['flags:', '  checkout-v1:', '    type: release', '    owner: web', '    created: 2026-01-05', '    expires: 2026-12-01', '    state: active', '  shipping-rates:', '    type: ops', '    owner: server', '    created: 2026-01-05', '    state: active', ''].join('\n'),
  'web/tsconfig.json': JSON.stringify({ compilerOptions: { target: 'es2022', jsx: 'react-jsx', strict: true } }, null, 2),
  'web/src/flags.ts': "export function useFlag(key: string): boolean {\n  return key.length > 0;\n}\n",
  'web/src/keys.ts': "export const CHECKOUT = 'checkout-v1';\n",
  'web/src/keys.web.ts': "export const CHECKOUT = 'checkout-v2';\n",
  'web/src/Checkout.tsx': "import { useFlag } from './flags';\nimport { CHECKOUT } from './keys';\n\nexport function Checkout() {\n  return <button>{useFlag(CHECKOUT) ? 'Pay now' : 'Continue'}</button>;\n}\n",
  'server/tsconfig.json': JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext' } }, null, 2),
  'server/src/flags.ts': 'export const flags = {\n  isEnabled(key: string, fallback: boolean): boolean {\n    return key.length > 0 || fallback;\n  },\n};\n',
  'server/src/keys.ts': "export const RATES = 'shipping-rates';\n",
  'server/src/keys.web.ts': "export const RATES = 'shipping-rates-web';\n",
  'server/src/rates.ts': "import { flags } from './flags';\nimport { RATES } from './keys';\n\nexport function rate(kg: number): number {\n  return flags.isEnabled(RATES, false) ? kg * 2 : kg * 3;\n}\n",
};

let scripted: ReturnType<typeof scriptedRepo>;
let incremental: HistoryResult;
let full: HistoryResult;
let modes: string[] = [];

function commit(changes: Record<string, string>, message: string, date: string): void {
  scripted.commit(changes, message, date);
}

beforeAll(async () => {
  scripted = scriptedRepo('tsconfig-options');
  commit(files, 'shop', '2026-08-03T09:00:00Z');
  const suffixes = (config: string) => JSON.stringify({ compilerOptions: { ...JSON.parse(config).compilerOptions, moduleSuffixes: ['.web', ''] } }, null, 2);
  commit(
    { 'web/tsconfig.json': suffixes(files['web/tsconfig.json']), 'server/tsconfig.json': JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext', strict: true } }, null, 2) },
    'web resolves .web files first; server strict',
    '2026-08-04T09:00:00Z',
  );
  commit({ 'server/tsconfig.json': suffixes(files['server/tsconfig.json']) }, 'server resolves .web files first', '2026-08-05T09:00:00Z');
  ({ incremental, full, modes } = await historyBothWays(scripted.repo));
});

afterAll(() => {
  scripted.cleanup();
});

describe('incremental history when tsconfig options change', () => {
  it('gives the same points as scanning every commit in full, without a full scan', () => {
    expect(incremental.skipped).toEqual([]);
    expect(incremental.points).toEqual(full.points);
    expect(modes).toEqual(['full', 'subset', 'subset']);
  });

  it('re-reads the files whose relative imports now resolve elsewhere', () => {
    const [first, web, server] = incremental.points;
    expect({ references: first.references, unregistered: first.unregistered }).toEqual({ references: 4, unregistered: 0 });
    // Checkout reads checkout-v2 (keys.web.ts), which the registry does not have; the server's
    // tsconfig changed only a checker option.
    expect(web.unregistered).toBe(1);
    expect(web.references).toBe(4);
    // Then the server's rates read shipping-rates-web too.
    expect(server.unregistered).toBe(2);
  });
});
