/**
 * Reads that gate code rather than give a value. A read used as a decorator (`@FeatureFlagDecorators(Flag.key, [IsOptional(), IsArray()])`, as
 * in medusa) applies code while the flag is on: folded to a literal it would not compile
 * (`@true`, TS1497), and the gate would refuse the whole removal. It is kept with a warning; the
 * other reads fold (fixtures-typed/decorator-gates checks the ON/OFF trees) and the flag stays in
 * the registry until a human settles the decorator. A middleware factory passed as a route
 * handler (`app.use('/analytics', isFeatureFlagEnabled('analytics'), route)`, as in medusa) folded
 * to `true` would crash the server at start-up: kept the same way.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { removeFlags } from '../src/index.js';
import { setUp } from './support/fixture-cases.js';
import { tempProject } from './support/temp-project.js';

const root = fileURLToPath(new URL('./fixtures-typed', import.meta.url));

describe('reads that gate code', () => {
  it('keeps a read used as a decorator with a warning while the other reads fold, and the registry entry stays', async () => {
    const project = setUp(root, path.join(root, 'decorator-gates'));
    const result = await removeFlags({ dir: project, flags: [{ key: 'sales_channels', value: true }], allowDirty: true, now: '2026-11-21' });
    expect(result.changed.map((c) => c.relative)).toEqual(['src/services/product-service.ts']);
    expect(result.verify?.newErrors).toEqual([]);
    const kept = result.warnings.filter((w) => w.code === 'remove/not-a-value');
    expect(kept.map((w) => `${w.file}:${w.line}`)).toEqual(['src/dto/create-product.ts:9']);
    expect(kept[0].message).toMatch(/decorator \(`@FeatureFlagDecorators\(\.\.\.\)`\)/);
    expect(result.registry).toBeNull();
  });

  it('keeps a middleware passed as a route handler, in use() and after a path, and folds the value reads beside it', async () => {
    const dir = tempProject({
      'src/flags.ts': 'export const flags = { isEnabled: (key: string, fallback = false): boolean => fallback };\n',
      'src/server.ts': [
        "import { flags } from './flags';",
        '',
        'type Handler = (req: unknown, res: unknown, next: () => void) => void;',
        'interface App { use(...handlers: unknown[]): void; get(path: string, ...handlers: unknown[]): void }',
        '',
        'export function routes(app: App, checkout: Handler): void {',
        "  app.use('/checkout', flags.isEnabled('new-checkout', false), checkout);",
        "  app.get('/checkout/v2', flags.isEnabled('new-checkout'), checkout);",
        "  if (flags.isEnabled('new-checkout', false)) app.get('/pay', checkout);",
        '}',
        '',
      ].join('\n'),
    });
    const result = await removeFlags({ dir, flags: [{ key: 'new-checkout', value: true }], dryRun: true, now: '2026-11-21' });
    const after = result.changed.find((c) => c.relative === 'src/server.ts')!.after;
    expect(after).toContain("app.use('/checkout', flags.isEnabled('new-checkout', false), checkout);");
    expect(after).toContain("app.get('/checkout/v2', flags.isEnabled('new-checkout'), checkout);");
    expect(after).toContain("  app.get('/pay', checkout);");
    const kept = result.warnings.filter((w) => w.code === 'remove/not-a-value');
    expect(kept.map((w) => `${w.file}:${w.line}`)).toEqual(['src/server.ts:7', 'src/server.ts:8']);
    expect(kept[0].message).toMatch(/route handler \(`app\.use\(\.\.\.\)`\)/);
    expect(result.registry).toBeNull();
  });
});
