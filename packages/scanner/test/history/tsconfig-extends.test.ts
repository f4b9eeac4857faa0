import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryResult } from '../../src/history/types.js';
import { historyBothWays, scriptedRepo } from './fixture-repo.js';

// A tsconfig's options may come from a base file that is not named tsconfig*.json (Turborepo's
// `packages/typescript-config/base.json`). An edit there changes how imports resolve as much as
// an edit of the tsconfig itself: the points must be those of a scan from nothing.
const files: Record<string, string> = {
  'flagdebt.config.json': JSON.stringify({ registry: 'flags.yaml', accessors: [{ call: 'useFlag', keyArg: 0 }] }, null, 2),
  'flags.yaml': ['flags:', '  checkout-v1:', '    type: release', '    owner: web', '    created: 2026-01-05', '    expires: 2026-12-01', '    state: active', ''].join('\n'),
  'packages/typescript-config/package.json': JSON.stringify({ name: '@shop/typescript-config', private: true }, null, 2),
  'packages/typescript-config/react.json': JSON.stringify({ compilerOptions: { target: 'es2022', jsx: 'react-jsx', strict: true } }, null, 2),
  'apps/web/tsconfig.json': JSON.stringify({ extends: '../../packages/typescript-config/react.json', include: ['src'] }, null, 2),
  'apps/web/src/flags.ts': "export function useFlag(key: string): boolean {\n  return key.length > 0;\n}\n",
  'apps/web/src/keys.ts': "export const CHECKOUT = 'checkout-v1';\n",
  'apps/web/src/keys.web.ts': "export const CHECKOUT = 'checkout-v2';\n",
  'apps/web/src/Checkout.tsx': "import { useFlag } from './flags';\nimport { CHECKOUT } from './keys';\n\nexport function Checkout() {\n  return <button>{useFlag(CHECKOUT) ? 'Pay now' : 'Continue'}</button>;\n}\n",
  'apps/web/src/Cart.tsx': "export function Cart({ items }: { items: string[] }) {\n  return <ul>{items.map((i) => <li key={i}>{i}</li>)}</ul>;\n}\n",
};

let scripted: ReturnType<typeof scriptedRepo>;
let incremental: HistoryResult;
let full: HistoryResult;

function commit(changes: Record<string, string>, message: string, date: string): void {
  scripted.commit(changes, message, date);
}

beforeAll(async () => {
  scripted = scriptedRepo('tsconfig-extends');
  commit(files, 'shop', '2026-08-03T09:00:00Z');
  commit({ 'apps/web/src/Cart.tsx': files['apps/web/src/Cart.tsx'].replace('<ul>', '<ul className="cart">') }, 'cart class', '2026-08-04T09:00:00Z');
  const base = JSON.parse(files['packages/typescript-config/react.json']);
  commit(
    { 'packages/typescript-config/react.json': JSON.stringify({ compilerOptions: { ...base.compilerOptions, moduleSuffixes: ['.web', ''] } }, null, 2) },
    'web builds resolve .web files first',
    '2026-08-05T09:00:00Z',
  );
  ({ incremental, full } = await historyBothWays(scripted.repo));
});

afterAll(() => {
  scripted.cleanup();
});

describe('incremental history when a tsconfig base file changes', () => {
  it('gives the same points as scanning every commit in full', () => {
    expect(incremental.skipped).toEqual([]);
    expect(incremental.points).toEqual(full.points);
    // The edit of the base file made Checkout read checkout-v2, which the registry does not have.
    expect(full.points.map((p) => p.unregistered)).toEqual([0, 0, 1]);
  });
});
