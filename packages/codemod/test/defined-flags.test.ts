/**
 * Removing a flag of a `define` accessor (Vercel `flags`) on fixtures-typed/defined-flags: the
 * awaited calls fold and a definition nothing uses any more is deleted (free-shipping; the ON/OFF
 * outputs are checked by fixtures-typed.test.ts); a call whose Promise is passed on does not fold,
 * and then the definition and the precompute array stay with a warning each, and so does the
 * registry entry (show-banner).
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
      'remove/unsupported-read src/middleware.ts:5',
      'remove/not-a-value src/pages/home.ts:13',
      // Checked once nothing else can go: the definition is still called and passed on.
      'remove/unsupported-read src/flags.ts:9',
    ]);
    expect(result.warnings[2].message).toMatch(/show-banner is defined here with flag\(\{ \.\.\. \}\), and the definition is still used after the run .*so it stays; the registry entry stays complete/);
    expect(result.warnings[0].message).toContain('`showBanner` in an array');
    expect(result.warnings[1].message).toContain('only `await showBanner(...)` folds');
    // Not archived: the definition still names the key.
    expect(result.registry).toBeNull();
    expect(fs.readFileSync(path.join(project, 'flags.yaml'), 'utf8')).toContain('show-banner:');
  });

  it('deletes the definition of a flag whose calls all folded, and archives it', async () => {
    const project = setUp(root, path.join(root, 'defined-flags'));
    const result = await removeFlags({ dir: project, flags: [{ key: 'free-shipping', value: true }], allowDirty: true, now: '2026-11-21' });
    expect(result.warnings).toEqual([]);
    expect(result.changed.map((c) => c.relative).sort()).toEqual(['src/flags.ts', 'src/pages/home.ts']);
    expect(fs.readFileSync(path.join(project, 'src/flags.ts'), 'utf8')).not.toContain('freeShipping');
    expect(result.registry?.relative).toBe('flags.yaml');
    expect(fs.readFileSync(path.join(project, 'flags.yaml'), 'utf8')).toMatch(/free-shipping:[\s\S]*?state: archived/);
  });
});
