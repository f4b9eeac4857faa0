import fs from 'node:fs';
import path from 'node:path';
import type { GateChange } from '../../src/safety/type-gate.js';
import { tempProject } from './temp-project.js';

/**
 * A small storefront: an SDK, a pricing module whose return type narrows when its flag goes, a
 * page and a receipt importing it, and a legacy module that goes while a banner imports it.
 */
export function storefront(): string {
  return tempProject(
    {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', lib: ['es2022'], module: 'esnext', moduleResolution: 'bundler', noEmit: true, types: [] }, include: ['src'] }),
      'src/flags.ts': 'export const flags = {\n  isEnabled: (key: string, fallback: boolean): boolean => fallback,\n};\n',
      'src/pricing/total.ts':
        "import { flags } from '../flags';\n\nexport interface Line {\n  sku: string;\n  cents: number;\n}\n\nexport function total(lines: Line[]): number | string {\n  const sum = lines.reduce((n, l) => n + l.cents, 0);\n  return flags.isEnabled('price-format', false) ? (sum / 100).toFixed(2) : sum;\n}\n",
      'src/pages/cart.ts':
        "import { total, type Line } from '../pricing/total';\n\nexport function render(lines: Line[]): string {\n  const t = total(lines);\n  const cents: number = typeof t === 'number' ? t : Number(t);\n  return `${lines.length} items, ${cents}`;\n}\n",
      'src/pages/receipt.ts': "import { total } from '../pricing/total';\n\nexport const cents = total([]) as number;\n",
      'src/legacy/banner-text.ts': "export const bannerText = 'Old prices';\n",
      'src/banner.ts': "import { bannerText } from './legacy/banner-text';\n\nexport const banner = (): string => bannerText.toUpperCase();\n",
    },
    'flagdebt-gate-thread-',
  );
}

/** A removal as the codemod would hand it over: `total` now returns a string, the legacy module is gone. */
export function removal(dir: string): { files: string[]; changes: GateChange[] } {
  const at = (f: string) => path.join(dir, f);
  const after = fs.readFileSync(at('src/pricing/total.ts'), 'utf8').replace("import { flags } from '../flags';\n\n", '').replace('number | string', 'string').replace("flags.isEnabled('price-format', false) ? (sum / 100).toFixed(2) : sum", '(sum / 100).toFixed(2)');
  const files = ['src/pricing/total.ts', 'src/pages/cart.ts', 'src/pages/receipt.ts', 'src/legacy/banner-text.ts', 'src/banner.ts'].map(at);
  return { files, changes: [{ path: at('src/pricing/total.ts'), after }, { path: at('src/legacy/banner-text.ts'), after: null }] };
}
