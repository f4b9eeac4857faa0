import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeFlags } from '../src/index.js';
import { tempProject } from './support/temp-project.js';

const project = (files: Record<string, string>): string => tempProject(files, 'flagdebt-skipped-');

const CART = `import { flags } from './flags';

export function label(): string {
  if (flags.isEnabled('new-checkout', false)) {
    return 'Pay';
  }
  return 'Continue';
}
`;

/** A half-finished edit: the \`if\` lost its closing parenthesis. */
const TOTALS = `import { flags } from './flags';

export function total(items: number[]): number {
  const sum = items.reduce((a, b) => a + b, 0);
  if (flags.isEnabled('new-checkout', false) {
    return Math.round(sum * 100) / 100;
  }
  return sum;
}
`;

const VARIANT = `import { flags } from './flags';

export function color(): string {
  return flags.getVariant('checkout-variant') === 'green' ? '#2e7d32' : '#1565c0';
}
`;

/** The registry block of one flag (up to the next top-level key). */
function entry(registry: string, key: string): string {
  const start = registry.indexOf(`  ${key}:\n`);
  const next = registry.slice(start + 1).search(/\n {2}\S/);
  return next === -1 ? registry.slice(start) : registry.slice(start, start + 1 + next);
}

describe('files the codemod cannot analyse', () => {
  it('folds the good files, keeps the registry entry and names the unparsable file', async () => {
    const dir = project({ 'src/cart.ts': CART, 'src/totals.ts': TOTALS });
    const registryBefore = fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8');
    const result = await removeFlags({ dir, flags: [{ key: 'new-checkout' }], now: '2026-11-21', allowDirty: true });

    expect(result.written).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'src/cart.ts'), 'utf8')).toBe("export function label(): string {\n  return 'Pay';\n}\n");
    expect(fs.readFileSync(path.join(dir, 'src/totals.ts'), 'utf8')).toBe(TOTALS);
    expect(result.registry).toBeNull();
    expect(fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8')).toBe(registryBefore);
    const warnings = result.warnings.filter((w) => w.code === 'remove/unparsable-input');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', file: 'src/totals.ts', line: 5, column: 24, flag: 'new-checkout' });
    expect(warnings[0].message).toMatch(/could not be parsed .*reads of new-checkout in it were not removed; the registry entry stays complete/);
    expect(warnings[0].fix).toBe('fix the syntax error (or exclude the file) and run flagdebt remove again');
  });

  it('blocks only the flags still read in a skipped file', async () => {
    const dir = project({ 'src/cart.ts': CART, 'src/totals.ts': TOTALS, 'src/color.ts': VARIANT });
    const result = await removeFlags({ dir, flags: [{ key: 'new-checkout' }, { key: 'checkout-variant' }], now: '2026-11-21', allowDirty: true });

    const registry = fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8');
    expect(entry(registry, 'new-checkout')).toContain('state: complete');
    expect(entry(registry, 'checkout-variant')).toContain('state: archived');
    expect(fs.readFileSync(path.join(dir, 'src/color.ts'), 'utf8')).toBe("export function color(): string {\n  return '#2e7d32';\n}\n");
    expect(result.warnings.filter((w) => w.code === 'remove/unparsable-input').map((w) => `${w.file} ${w.flag}`)).toEqual(['src/totals.ts new-checkout']);
  });

  it('treats code nested too deeply for the parser, and files too large to analyse, the same way', async () => {
    const depth = 10_000;
    const deep = `import { flags } from './flags';\nexport const on = ${'('.repeat(depth)}flags.isEnabled('new-checkout')${')'.repeat(depth)};\n`;
    let bundle = "import { flags } from './flags';\nexport const enabled = flags.isEnabled('new-checkout');\n";
    while (bundle.length <= 2 * 1024 * 1024) bundle += '// vendored code vendored code vendored code vendored code\n';
    const dir = project({ 'src/cart.ts': CART, 'src/deep.ts': deep, 'src/bundle.ts': bundle });
    const result = await removeFlags({ dir, flags: [{ key: 'new-checkout' }], dryRun: true, now: '2026-11-21' });

    expect(result.changed.map((c) => c.relative)).toEqual(['src/cart.ts']);
    expect(result.registry).toBeNull();
    const warnings = result.warnings.filter((w) => w.code === 'remove/unparsable-input');
    expect(warnings.map((w) => `${w.file}:${w.line}`).sort()).toEqual(['src/bundle.ts:2', 'src/deep.ts:2']);
    expect(warnings.find((w) => w.file === 'src/deep.ts')!.message).toMatch(/nested too deeply/);
    expect(warnings.find((w) => w.file === 'src/bundle.ts')!.message).toMatch(/too large/);
  });

  it("never looks in Yarn's own files (.yarn/releases, .pnp.cjs): a vendored bundle that spells the key does not keep it in the registry", async () => {
    let release = "#!/usr/bin/env node\nconst known = ['new-checkout'];\n";
    while (release.length <= 2 * 1024 * 1024) release += '/* yarn berry bundle yarn berry bundle yarn berry bundle */\n';
    const dir = project({ 'src/cart.ts': CART, '.yarn/releases/yarn-4.1.0.cjs': release, '.pnp.cjs': "module.exports = { packageRegistry: ['new-checkout'] };\n" });
    const result = await removeFlags({ dir, flags: [{ key: 'new-checkout' }], dryRun: true, now: '2026-11-21' });

    expect(result.changed.map((c) => c.relative)).toEqual(['src/cart.ts']);
    expect(result.warnings.filter((w) => w.code === 'remove/unparsable-input')).toEqual([]);
    expect(result.registry?.after).toMatch(/new-checkout:[^]*state: archived/);
  });
});

/** A gate component that reads its key from a prop, and a page that renders it. */
const GATE = `import type { ReactNode } from 'react';
import { useFlag } from './flags';

export function Gate({ flag, children }: { flag: string; children: ReactNode }) {
  return useFlag(flag) ? <>{children}</> : null;
}
`;

const PAGE = `import { useFlag } from './flags';
import { Gate } from './Gate';

export function Checkout() {
  const label = useFlag('new-checkout') ? 'Pay' : 'Continue';
  return (
    <Gate flag="new-checkout">
      <button type="button">{label}</button>
    </Gate>
  );
}
`;

describe('reads the codemod cannot fold', () => {
  it('folds the expression reads, leaves a discovered JSX gate (what it renders is its own code) in place with a warning, and keeps the registry entry', async () => {
    const dir = project({ 'src/Gate.tsx': GATE, 'src/Checkout.tsx': PAGE });
    const registryBefore = fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8');
    const result = await removeFlags({ dir, flags: [{ key: 'new-checkout' }], now: '2026-11-21', allowDirty: true });

    const page = fs.readFileSync(path.join(dir, 'src/Checkout.tsx'), 'utf8');
    expect(page).toContain("const label = 'Pay';");
    expect(page).toContain('<Gate flag="new-checkout">');
    expect(fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8')).toBe(registryBefore);
    const warnings = result.warnings.filter((w) => w.code === 'remove/unsupported-read');
    expect(warnings).toMatchObject([{ file: 'src/Checkout.tsx', line: 7, column: 5, flag: 'new-checkout' }]);
    expect(warnings[0].message).toMatch(/read through the JSX gate <Gate>, which the codemod cannot fold \(what this gate renders is not known statically\); the registry entry stays complete/);
  });
});
