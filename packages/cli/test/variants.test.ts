import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FlagProject } from '@flagdebt/core';
import { comparedVariants, controlVariant, type ReadSite } from '../src/init/variants.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-variants-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes `text` and returns the site of the n-th `getFlag(` in it. */
function site(name: string, text: string, nth = 0): ReadSite {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf('getFlag(', at + 1);
  const before = text.slice(0, at).split('\n');
  return { file, line: before.length, column: before[before.length - 1].length + 1 };
}

describe('the variants a flag is compared with (init writes such a flag as an experiment)', () => {
  it('follows the value: compared directly, through a const, through a destructured Promise.all, switched on', () => {
    const direct = site('direct.ts', "export const wide = (getFlag('layout') as string) === 'wide';\n");
    const viaConst = site('const.ts', ["export async function tier(user: string) {", "  const tier = await getFlag('tier', user);", "  if (tier === 'large') return 10_000;", "  return 'medium' === tier ? 1_000 : 100;", '}', ''].join('\n'));
    const viaAll = site(
      'all.tsx',
      ['export async function Page() {', "  const [plans, comparison] = await Promise.all([getPlans(), getFlag('comparison-table')]);", '  return <Pricing plans={plans} compare={comparison === "test"} />;', '}', ''].join('\n'),
    );
    const switched = site('switch.ts', ["export function copy(): string {", "  const variant = getFlag('welcome-copy');", '  switch (variant) {', "    case 'control':", "      return 'Welcome';", "    case 'short':", "      return 'Hi';", '    default:', "      return '';", '  }', '}', ''].join('\n'));
    const plain = site('plain.ts', "export const on = Boolean(getFlag('plain-toggle'));\n");
    const parser = new FlagProject({ root: dir, accessors: [] });
    const variants = comparedVariants(
      new Map([
        ['layout', [direct]],
        ['tier', [viaConst]],
        ['comparison-table', [viaAll]],
        ['welcome-copy', [switched]],
        ['plain-toggle', [plain]],
      ]),
      (file) => parser.sourceFile(file),
    );
    expect(Object.fromEntries(variants)).toEqual({ layout: ['wide'], tier: ['large', 'medium'], 'comparison-table': ['test'], 'welcome-copy': ['control', 'short'] });
  });

  it('names the control variant when the code compares with one, else the conventional one', () => {
    expect(controlVariant(['short', 'control'])).toBe('control');
    expect(controlVariant(['baseline', 'v2'])).toBe('baseline');
    expect(controlVariant(['test'])).toBe('control');
  });
});
