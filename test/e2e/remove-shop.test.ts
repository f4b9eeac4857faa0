import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FlagProject, loadProjectModel } from '@flagdebt/core';
import { removeFlags } from '@flagdebt/codemod';

/**
 * End to end on fixtures/shop (see its EXPECTED.md): each complete flag is removed from a copy,
 * the copy still type-checks, and the flag is read nowhere any more.
 */
const repo = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const shop = path.join(repo, 'fixtures', 'shop');
const tsc = path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc');

function copyShop(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-shop-'));
  fs.cpSync(shop, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
  // Types (react) resolve from the monorepo's node_modules.
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

function typecheck(dir: string): string {
  try {
    execFileSync(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout);
  }
}

function readsOf(dir: string, key: string): string[] {
  const { config } = loadProjectModel(dir);
  const project = new FlagProject({ root: config.root, accessors: config.accessors });
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) files.push(p);
    }
  };
  walk(path.join(dir, 'src'));
  project.discoverWrappers(files);
  return files.flatMap((f) => project.readsIn(f).filter((r) => r.key === key).map((r) => `${path.relative(dir, f)}:${r.line}`));
}

const exists = (dir: string, rel: string) => fs.existsSync(path.join(dir, rel));
const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');

describe('flagdebt remove on fixtures/shop', () => {
  it('removes new-checkout (kept ON) and the code only the OFF path used', async () => {
    const dir = copyShop();
    const result = await removeFlags({ dir, flags: [{ key: 'new-checkout' }], now: '2026-11-21', allowDirty: true });
    expect(result.flags).toEqual([{ key: 'new-checkout', value: true, evaluations: expect.any(Number) }]);
    expect(typecheck(dir)).toBe('');
    expect(readsOf(dir, 'new-checkout')).toEqual([]);
    expect(exists(dir, 'src/components/LegacyCheckout.tsx')).toBe(false);
    expect(read(dir, 'src/server/checkout.ts')).not.toContain('legacyShippingCents');
    expect(read(dir, 'src/components/Header.tsx')).toContain('className="nav-link nav-link--cta"');
    // The union member stays: trackExposure('new-checkout', ...) still passes the literal.
    expect(read(dir, 'src/flags/types.ts')).toContain("'new-checkout'");
    expect(read(dir, 'flags.yaml')).toMatch(/new-checkout:[\s\S]*?state: archived/);
    const again = await removeFlags({ dir, flags: [{ key: 'new-checkout' }], now: '2026-11-21', allowDirty: true });
    expect(again.wouldChange).toBe(false);
  });

  it('removes promo-banner (kept OFF) and deletes the banner it no longer renders', async () => {
    const dir = copyShop();
    await removeFlags({ dir, flags: [{ key: 'promo-banner' }], now: '2026-11-21', allowDirty: true });
    expect(typecheck(dir)).toBe('');
    expect(readsOf(dir, 'promo-banner')).toEqual([]);
    expect(read(dir, 'src/pages/HomePage.tsx')).not.toContain('formatPromoHeadline');
    expect(read(dir, 'src/flags/Flag.ts')).not.toContain('PromoBanner');
    expect(exists(dir, 'src/components/PromoBanner.tsx')).toBe(false);
  });

  it("removes checkout-button-color (kept 'green') and prunes the switch", async () => {
    const dir = copyShop();
    await removeFlags({ dir, flags: [{ key: 'checkout-button-color' }], now: '2026-11-21', allowDirty: true });
    expect(typecheck(dir)).toBe('');
    expect(readsOf(dir, 'checkout-button-color')).toEqual([]);
    const button = read(dir, 'src/components/CheckoutButton.tsx');
    expect(button).toContain("'Buy now'");
    expect(button).not.toContain("case 'blue'");
  });
});
