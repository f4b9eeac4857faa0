import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeFlags } from '../src/index.js';
import { tempProject } from './support/temp-project.js';

/** `flags.isEnabled([a, b])` reads two flags at once: its value is not either flag's alone. */
const GATE = `import { flags } from './flags';

export function checkoutSteps(): string[] {
  if (flags.isEnabled(['new-checkout', 'search-v2'])) {
    return ['cart', 'pay'];
  }
  return ['cart', 'address', 'pay'];
}
`;

const CART = `import { flags } from './flags';

export function label(): string {
  return flags.isEnabled('new-checkout', false) ? 'Pay' : 'Continue';
}
`;

describe('a key read together with other keys', () => {
  it('is not folded; the run says where, folds the other reads and keeps the registry entry', async () => {
    const dir = tempProject({ 'src/gate.ts': GATE, 'src/cart.ts': CART }, 'flagdebt-shared-');
    const registryBefore = fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8');
    const result = await removeFlags({ dir, flags: [{ key: 'new-checkout' }], now: '2026-11-21', allowDirty: true });

    expect(fs.readFileSync(path.join(dir, 'src/gate.ts'), 'utf8')).toBe(GATE);
    expect(fs.readFileSync(path.join(dir, 'src/cart.ts'), 'utf8')).toBe("export function label(): string {\n  return 'Pay';\n}\n");
    expect(result.registry).toBeNull();
    expect(fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8')).toBe(registryBefore);
    const warnings = result.warnings.filter((w) => w.code === 'remove/shared-read');
    expect(warnings).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'src/gate.ts', line: 4, column: 7, flag: 'new-checkout' }),
    ]);
    expect(warnings[0].message).toMatch(/new-checkout is read here together with other keys .*the registry entry stays complete/);

    // Nothing left to do but the shared read: a second run changes nothing.
    const again = await removeFlags({ dir, flags: [{ key: 'new-checkout' }], now: '2026-11-21', allowDirty: true, dryRun: true });
    expect(again.stats.filesChanged).toBe(0);
  });
});
