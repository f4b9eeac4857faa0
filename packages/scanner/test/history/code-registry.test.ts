/**
 * `history` with a registry that lives in code: each point reads the union as that commit has
 * it (through a module it imports, too), so flags added and removed per commit count right, and
 * the code registry module is scanned incrementally like any other source file.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history } from '../../src/history/history.js';
import { git } from './fixture-repo.js';

let repo: string;

function commit(files: Record<string, string>, date: string, message: string): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
    writeFileSync(path.join(repo, name), text);
  }
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', message], date);
}

const app = (keys: string[]) =>
  `import { isEnabled } from './client';\n\nexport function features(): string[] {\n  const on: string[] = [];\n${keys.map((k) => `  if (isEnabled('${k}')) on.push('${k}');\n`).join('')}  return on;\n}\n`;

beforeAll(() => {
  repo = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'flagdebt-history-code-')));
  git(repo, ['init', '-q', '-b', 'main']);
  commit({
    'flagdebt.config.json': '{ "registry": { "code": "src/flags.ts#FlagKey" }, "accessors": [{ "call": "isEnabled", "keyArg": 0 }] }\n',
    'src/client.ts': "import type { FlagKey } from './flags';\n\nexport function isEnabled(key: FlagKey): boolean {\n  return key.length > 0;\n}\n",
    'src/flags.ts': "export type FlagKey =\n  | 'new-nav'\n  | 'search-v2';\n",
    'src/app.ts': app(['new-nav', 'search-v2']),
  }, '2026-01-05T10:00:00Z', 'flags in code');
  commit({ 'src/flags.ts': "export type FlagKey =\n  | 'new-nav'\n  | 'search-v2'\n  | 'dark-mode';\n", 'src/app.ts': app(['new-nav', 'search-v2', 'dark-mode']) }, '2026-02-10T10:00:00Z', 'dark mode');
  commit({ 'src/flags.ts': "export type FlagKey =\n  | 'new-nav'\n  | 'dark-mode';\n", 'src/app.ts': app(['new-nav', 'dark-mode']) }, '2026-03-16T10:00:00Z', 'search v2 done');
  commit({
    'src/backend-keys.ts': "export type BackendKey = 'audit-log' | 'rate-limit';\n",
    'src/flags.ts': "import type { BackendKey } from './backend-keys';\n\nexport type FlagKey =\n  | BackendKey\n  | 'new-nav'\n  | 'dark-mode';\n",
  }, '2026-04-20T10:00:00Z', 'backend flags');
  // Only the imported module changes: the cached registry must not be reused.
  commit({ 'src/backend-keys.ts': "export type BackendKey = 'audit-log';\n" }, '2026-05-25T10:00:00Z', 'rate limit done');
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('history with a code registry', () => {
  it('reads the registry at every commit: flags added and removed per point', async () => {
    const result = await history({ dir: repo, every: 1 });
    expect(result.skipped).toEqual([]);
    expect(result.points.map((p) => [p.flags, p.added ?? null, p.removed ?? null, p.registrySource, p.unregistered])).toEqual([
      [2, null, null, 'commit', 0],
      [3, ['dark-mode'], [], 'commit', 0],
      [2, [], ['search-v2'], 'commit', 0],
      [4, ['audit-log', 'rate-limit'], [], 'commit', 0],
      [3, [], ['rate-limit'], 'commit', 0],
    ]);
    // The reads in app.ts and the union members that declare their keys (a read's key type):
    // 2 + 2, 3 + 3, then 2 + 2.
    expect(result.points.map((p) => p.references)).toEqual([4, 6, 4, 4, 4]);
  });
});
