/**
 * Removing a flag of a `define` accessor (Vercel `flags`) on fixtures-typed/defined-flags: the
 * awaited calls fold, a call whose Promise is passed on does not, and the definition and the
 * precompute array are left with a warning each, so the registry entry stays.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { removeFlags } from '../src/index.js';
import { setUp } from './support/fixture-cases.js';

const root = fileURLToPath(new URL('./fixtures-typed', import.meta.url));

describe('removing a defined flag', () => {
  it('folds awaited calls, and names the definition, the array and the Promise it leaves', async () => {
    const project = setUp(root, path.join(root, 'defined-flags'));
    const result = await removeFlags({ dir: project, flags: [{ key: 'show-banner', value: false }], allowDirty: true, now: '2026-11-21' });
    expect(result.changed.map((c) => c.relative)).toEqual(['src/pages/home.ts']);
    expect(result.warnings.map((w) => `${w.code} ${w.file}:${w.line}`)).toEqual([
      'remove/unsupported-read src/flags.ts:3',
      'remove/unsupported-read src/middleware.ts:5',
      'remove/not-a-value src/pages/home.ts:13',
    ]);
    expect(result.warnings[0].message).toMatch(/show-banner is defined here with flag\(\{ \.\.\. \}\).*does not delete a flag's definition yet; the registry entry stays complete/);
    expect(result.warnings[1].message).toContain('`showBanner` in an array');
    expect(result.warnings[2].message).toContain('only `await showBanner(...)` folds');
    // Not archived: the definition still names the key.
    expect(result.registry).toBeNull();
    expect(fs.readFileSync(path.join(project, 'flags.yaml'), 'utf8')).toContain('show-banner:');
  });
});
