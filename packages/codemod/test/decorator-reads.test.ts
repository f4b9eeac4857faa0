/**
 * A read used as a decorator (`@FeatureFlagDecorators(Flag.key, [IsOptional(), IsArray()])`, as
 * in medusa) applies code while the flag is on: folded to a literal it would not compile
 * (`@true`, TS1497), and the gate would refuse the whole removal. It is kept with a warning; the
 * other reads fold (fixtures-typed/decorator-gates checks the ON/OFF trees) and the flag stays in
 * the registry until a human settles the decorator.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { removeFlags } from '../src/index.js';
import { setUp } from './support/fixture-cases.js';

const root = fileURLToPath(new URL('./fixtures-typed', import.meta.url));

describe('a flag read used as a decorator', () => {
  it('is kept with a warning while the other reads fold, and the registry entry stays', async () => {
    const project = setUp(root, path.join(root, 'decorator-gates'));
    const result = await removeFlags({ dir: project, flags: [{ key: 'sales_channels', value: true }], allowDirty: true, now: '2026-11-21' });
    expect(result.changed.map((c) => c.relative)).toEqual(['src/services/product-service.ts']);
    expect(result.verify?.newErrors).toEqual([]);
    const kept = result.warnings.filter((w) => w.code === 'remove/not-a-value');
    expect(kept.map((w) => `${w.file}:${w.line}`)).toEqual(['src/dto/create-product.ts:9']);
    expect(kept[0].message).toMatch(/decorator \(`@FeatureFlagDecorators\(\.\.\.\)`\)/);
    expect(result.registry).toBeNull();
  });
});
