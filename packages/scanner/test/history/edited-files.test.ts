import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TreeCache } from '@flagdebt/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { history } from '../../src/history/history.js';
import type { HistoryResult } from '../../src/history/types.js';
import { buildFixtureRepo, git } from './fixture-repo.js';

// Edited files are parsed from their last tree (TypeScript's incremental parser). The warehouse
// app, then a week of edits to its dispatch module: a read moves to another function, goes, a
// function the scan skims (blanks: it read no flag) starts reading one, the file breaks and is
// mended. Every point must be what a scan from nothing gives.
const DISPATCH = `import { flags } from '../client';

export interface Parcel {
  orderId: string;
  weightKg: number;
  country: string;
}

export function dispatch(orderId: string): string {
  if (flags.isEnabled('ops-pause-shipping', false)) return \`held:\${orderId}\`;
  return \`sent:\${orderId}\`;
}

export function holdReason(orderId: string): string | null {
  return orderId.startsWith('X') ? 'manual review' : null;
}

export function carrierFor(parcel: Parcel): string {
  if (parcel.country !== 'DE') return 'dhl-express';
  return parcel.weightKg > 20 ? 'dhl-freight' : 'dhl-parcel';
}

export function labelFor(parcel: Parcel): string {
  return [parcel.orderId, carrierFor(parcel), \`\${parcel.weightKg.toFixed(1)} kg\`].join(' / ');
}

export function totalWeight(parcels: Parcel[]): number {
  return parcels.reduce((sum, p) => sum + p.weightKg, 0);
}
`;

const moved = DISPATCH.replace("  if (flags.isEnabled('ops-pause-shipping', false)) return `held:${orderId}`;\n", '').replace(
  "  return orderId.startsWith('X') ? 'manual review' : null;",
  "  if (flags.isEnabled('ops-pause-shipping', false)) return 'paused';\n  return orderId.startsWith('X') ? 'manual review' : null;",
);
const swapped = moved
  .replace("  if (flags.isEnabled('ops-pause-shipping', false)) return 'paused';\n", '')
  .replace("  if (parcel.country !== 'DE') return 'dhl-express';", "  if (parcel.country !== 'DE') return flags.isEnabled('carrier-fallback', false) ? 'ups' : 'dhl-express';");
const broken = swapped.replace("return parcel.weightKg > 20 ? 'dhl-freight' : 'dhl-parcel';", "return parcel.weightKg > 20 ? 'dhl-freight' : ;");
const mended = swapped.replace('export function totalWeight(parcels: Parcel[]): number {', 'export function totalWeight(parcels: readonly Parcel[]): number {');

let tmp: string;
let repo: string;
let incremental: HistoryResult;
let full: HistoryResult;
const modes: string[] = [];
let reparsed = 0;

beforeAll(async () => {
  tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'flagdebt-edited-files-test-')));
  repo = path.join(tmp, 'repo');
  mkdirSync(repo);
  buildFixtureRepo('warehouse', repo);
  const texts: Array<[string, string]> = [
    [DISPATCH, 'dispatch grows carriers and labels'],
    [moved, 'the pause check moves to holdReason'],
    [swapped, 'the pause check goes; carriers fall back behind a flag'],
    [broken, 'half an edit'],
    [mended, 'mended'],
    [DISPATCH, 'reverted'],
  ];
  texts.forEach(([text, message], i) => {
    writeFileSync(path.join(repo, 'src/shipping/dispatch.ts'), text);
    git(repo, ['commit', '-q', '-am', message], `2026-08-${10 + i}T09:00:00Z`);
  });
  const spy = vi.spyOn(TreeCache.prototype, 'reparse');
  incremental = await history({ dir: repo, every: 1, onProgress: (_d, _t, _c, mode) => modes.push(mode) });
  reparsed = spy.mock.results.filter((r) => r.type === 'return' && r.value !== undefined).length;
  spy.mockRestore();
  full = await history({ dir: repo, every: 1, incremental: false });
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('incremental history of an edited file', () => {
  it('gives the same points as scanning every commit in full', () => {
    expect(incremental.points).toEqual(full.points);
    expect(modes.slice(1).every((mode) => mode === 'subset')).toBe(true);
    // Parsed from the last tree at least for the moves of the read (not only from nothing).
    expect(reparsed).toBeGreaterThanOrEqual(2);
  });

  it('follows the read as it moves, goes and comes back', () => {
    const [grown, movedPoint, swappedPoint, brokenPoint, mendedPoint, reverted] = incremental.points.slice(-6);
    const counts = (p: HistoryResult['points'][number]) => ({ references: p.references, unregistered: p.unregistered });
    // Moving the read to another function keeps the count.
    expect(counts(movedPoint)).toEqual(counts(grown));
    // The pause read goes; the fallback read (unregistered) comes in a function that was skimmed.
    expect(counts(swappedPoint)).toEqual({ references: grown.references, unregistered: grown.unregistered + 1 });
    // A file with a syntax error is a parse problem, its reads are not counted; mended, they are.
    expect(counts(brokenPoint)).toEqual({ references: swappedPoint.references - 1, unregistered: swappedPoint.unregistered - 1 });
    expect(counts(mendedPoint)).toEqual(counts(swappedPoint));
    expect({ ...reverted, commit: '', date: '' }).toEqual({ ...grown, commit: '', date: '' });
  });
});
