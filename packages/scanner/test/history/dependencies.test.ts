import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history } from '../../src/history/history.js';
import type { HistoryResult, SubsetDetail } from '../../src/history/types.js';
import { buildFixtureRepo } from './fixture-repo.js';

// A subset is chosen by what reads resolved through (core's FlagProject.dependenciesOf), so an
// untouched reader of a changed key source or wrapper is re-scanned, and an untouched importer
// whose reads resolve through nothing that changed is not.
let tmp: string;
let repo: string;
let incremental: HistoryResult;
let full: HistoryResult;
const modes: string[] = [];
const subsets: (SubsetDetail | undefined)[] = [];

beforeAll(async () => {
  tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'flagdebt-dependencies-test-')));
  repo = path.join(tmp, 'repo');
  mkdirSync(repo);
  buildFixtureRepo('ledger', repo);
  incremental = await history({
    dir: repo,
    every: 1,
    onProgress: (_d, _t, _c, mode, _why, subset) => {
      modes.push(mode);
      subsets.push(subset);
    },
  });
  full = await history({ dir: repo, every: 1, incremental: false });
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('history subsets follow what reads resolved through', () => {
  it('gives the same points as scanning every commit in full, each later commit as a subset', () => {
    expect(incremental.points).toEqual(full.points);
    expect(modes).toEqual(['full', 'subset', 'subset', 'subset', 'subset', 'subset']);
  });

  it('re-scans an unchanged reader when the key source it reads through changes', () => {
    const [initial, renamed] = incremental.points;
    // InvoiceList.tsx (untouched) now reads `invoice-export-csv`, which is not registered.
    expect(renamed.unregistered).toBe(initial.unregistered + 1);
    const rescanned = subsets[1]!.rescanned;
    expect(rescanned).toContain('src/flags/keys.ts');
    expect(rescanned).toContain('src/invoices/InvoiceList.tsx');
    expect(rescanned).toContain('src/invoices/TaxPanel.tsx');
    // Settings.tsx imports the same constants, but no read of it resolves through them.
    expect(rescanned).not.toContain('src/settings/Settings.tsx');
    expect(rescanned).not.toContain('src/lib/money.ts');
  });

  it('re-scans the unchanged callers of a wrapper whose read changed', () => {
    const [, renamed, moved] = incremental.points;
    // Reminders.tsx (untouched) calls useDunning, whose key went from dunning-v2 to dunning-v3.
    expect(moved.unregistered).toBe(renamed.unregistered + 2);
    expect(moved.references).toBe(renamed.references);
    const rescanned = subsets[2]!.rescanned;
    expect(rescanned).toContain('src/flags/hooks.ts');
    expect(rescanned).toContain('src/reminders/Reminders.tsx');
    expect(rescanned).not.toContain('src/invoices/TaxPanel.tsx');
  });

  it('re-scans only the changed file when no read resolves through it', () => {
    // Every page imports money.ts; the import graph would have re-scanned them all. Only the pages
    // whose reads looked into it (the matcher asks whether `formatMoney`, called beside a read, is
    // a wrapper) depend on it.
    const rescanned = subsets[3]!.rescanned;
    expect(rescanned).toContain('src/lib/money.ts');
    expect(rescanned).not.toContain('src/invoices/InvoiceList.tsx');
    expect(rescanned).not.toContain('src/invoices/TaxPanel.tsx');
    expect(incremental.points[3].references).toBe(incremental.points[2].references);
  });

  it('re-scans the unchanged files whose imports a new tsconfig resolves otherwise', () => {
    const [, , , formatted, aliased] = incremental.points;
    // ExportButton.tsx's key now resolves (to the renamed, unregistered key) instead of being dynamic.
    expect(aliased.unregistered).toBe(formatted.unregistered + 1);
    expect(subsets[4]!.rescanned).toContain('src/exports/ExportButton.ts');
    expect(subsets[4]!.rescanned).not.toContain('src/invoices/TaxPanel.tsx');
  });

  it('drops the records of files a .gitignore edit starts to ignore', () => {
    const [, , , , aliased, ignored] = incremental.points;
    expect(ignored.references).toBe(aliased.references - 2);
    expect(subsets[5]!.rescanned).toEqual(['src/legacy/OldExport.ts']);
  });
});
