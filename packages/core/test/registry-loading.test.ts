import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry, registryFormat } from '../src/index.js';

const fixtures = join(import.meta.dirname, 'fixtures/registry');

describe('loadRegistry', () => {
  it('loads a realistic YAML registry in file order with every field', () => {
    const file = join(fixtures, 'shop-yaml/flags.yaml');
    const { registry, warnings } = loadRegistry(file);
    expect(warnings).toEqual([]);
    expect(registry).toMatchObject({ file, format: 'yaml' });
    expect([...registry.flags.keys()]).toEqual([
      'new-checkout', 'search-v2', 'checkout-button-color', 'ops-disable-recommendations', 'max-cart-items', 'admin-refunds', 'legacy-banner',
    ]);
    expect(registry.flags.get('new-checkout')).toEqual({
      key: 'new-checkout', type: 'release', owner: 'payments', description: 'Rebuilt checkout flow',
      created: '2026-08-01', expires: '2026-10-15', state: 'complete', value: true, since: '2026-09-20', default: false,
      location: { line: 4, column: 3 },
    });
    expect(registry.flags.get('search-v2')).toMatchObject({ description: 'Search backed by the new index: typo tolerant', tags: ['search', 'q4'] });
    expect(registry.flags.get('checkout-button-color')).toMatchObject({ value: 'green', default: 'blue' });
    // `state` defaults to active; numbers stay numbers.
    expect(registry.flags.get('max-cart-items')).toMatchObject({ state: 'active', default: 50 });
    expect(registry.flags.get('legacy-banner')).toMatchObject({ state: 'archived', value: false, location: { line: 55, column: 3 } });
  });

  it('loads a JSON registry with positions', () => {
    const file = join(fixtures, 'shop-json/flags.json');
    const { registry } = loadRegistry(file);
    expect(registry.format).toBe('json');
    expect(registry.flags.get('new-checkout')?.location).toEqual({ line: 3, column: 5 });
    expect(registry.flags.get('max-cart-items')).toMatchObject({ type: 'ops', default: 50, location: { line: 22, column: 5 } });
    expect(registry.flags.get('checkout-button-color')?.expires).toBe('2026-11-01');
  });

  it('treats `flags:` with nothing under it as an empty registry', () => {
    const { registry } = loadRegistry('/repo/flags.yaml', 'flags:\n');
    expect(registry.flags.size).toBe(0);
    expect(registry.file).toBe('/repo/flags.yaml');
  });

  it('accepts text passed in instead of reading the file', () => {
    const { registry } = loadRegistry('/virtual/flags.json', '{"flags": {"a": {"type": "permission", "owner": "iam", "created": "2024-01-01"}}}');
    expect(registry.flags.get('a')).toMatchObject({ type: 'permission', state: 'active' });
  });

  it('chooses the format from the extension', () => {
    expect(registryFormat('flags.json')).toBe('json');
    expect(registryFormat('FLAGS.JSON')).toBe('json');
    expect(registryFormat('flags.yml')).toBe('yaml');
  });
});
