/**
 * Barrels (`export * from './legacy'` in an index file) never spell the names they pass on. A
 * function used through one stays when its direct importer folds away; one nobody uses goes with
 * its file, and the barrel loses the re-export (medusa's `utils/queries/products/index.ts` kept
 * `export * from "./get-variants-from-price-list"` after the file was deleted: TS2307).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeFlags } from '../src/index.js';
import { tempProject } from './support/temp-project.js';

const FILES: Record<string, string> = {
  'tsconfig.json': '{ "compilerOptions": { "strict": true, "noEmit": true, "types": [], "target": "ES2022", "module": "ESNext", "moduleResolution": "Bundler", "lib": ["ES2022"] }, "include": ["src"] }\n',
  'src/flags.ts': 'export const flags = { isEnabled: (key: string, fallback = false): boolean => fallback };\n',
  'src/lib/legacy.ts': 'export function legacyTotal(items: number[]): number {\n  return items.reduce((a, b) => a + b, 0);\n}\n',
  'src/lib/rounding.ts': 'export function roundedTotal(items: number[]): number {\n  return Math.round(items.reduce((a, b) => a + b, 0));\n}\n',
  'src/lib/index.ts': "export * from './legacy';\nexport * from './rounding';\n",
  'src/cart.ts': [
    "import { flags } from './flags';",
    "import { legacyTotal } from './lib/legacy';",
    "import { roundedTotal } from './lib/rounding';",
    '',
    'export function total(items: number[]): number {',
    "  if (flags.isEnabled('new-checkout', false)) return roundedTotal(items);",
    '  return legacyTotal(items);',
    '}',
    '',
  ].join('\n'),
};
const REPORT = "import { legacyTotal, roundedTotal } from './lib';\n\nexport const reportTotal = (items: number[]): number => legacyTotal(items) + roundedTotal([]);\n";

describe('removal next to a barrel (`export * from`)', () => {
  it('keeps a function used through the barrel when its direct importer folds away', async () => {
    const dir = tempProject({ ...FILES, 'src/report.ts': REPORT });
    const result = await removeFlags({ dir, flags: [{ key: 'new-checkout', value: true }], allowDirty: true, now: '2026-11-21' });
    expect(result.verify?.newErrors).toEqual([]);
    expect(result.deleted).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'src/lib/legacy.ts'), 'utf8')).toBe(FILES['src/lib/legacy.ts']);
    expect(fs.readFileSync(path.join(dir, 'src/cart.ts'), 'utf8')).not.toContain('legacyTotal');
  });

  it('deletes a module nobody uses any more and the barrel line that re-exported it', async () => {
    const dir = tempProject({ ...FILES, 'src/report.ts': REPORT.replace('legacyTotal(items) + ', '').replace('legacyTotal, ', '') });
    const result = await removeFlags({ dir, flags: [{ key: 'new-checkout', value: true }], allowDirty: true, now: '2026-11-21' });
    expect(result.verify?.newErrors).toEqual([]);
    expect(result.deleted.map((d) => d.relative)).toEqual(['src/lib/legacy.ts']);
    expect(fs.readFileSync(path.join(dir, 'src/lib/index.ts'), 'utf8')).toBe("export * from './rounding';\n");
  });
});
