import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { isFlagdebtError } from '@flagdebt/core';
import { OverlappingEditsError } from '../src/edit/text-edits.js';
import { removeFlags } from '../src/index.js';
import type * as FoldEngine from '../src/fold/fold-engine.js';

// Stands in for a fold rule that is still wrong for some shape: the folder ends up with two
// rewrites of the same code. No known input triggers this any more, so it is forced here.
vi.mock('../src/fold/fold-engine.js', async (original) => {
  const actual = await original<typeof FoldEngine>();
  return {
    ...actual,
    foldEvaluations: (request: { text: string; evaluations: Array<{ start: number }> }) => {
      throw new OverlappingEditsError(request.evaluations[0].start, request.text);
    },
  };
});

const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));

describe('a shape the folder cannot handle', () => {
  it('is a remove/unsupported-shape error at the file and line, and nothing is written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-shape-'));
    fs.copyFileSync(path.join(fixtures, 'flagdebt.config.json'), path.join(dir, 'flagdebt.config.json'));
    fs.copyFileSync(path.join(fixtures, 'flags.yaml'), path.join(dir, 'flags.yaml'));
    fs.mkdirSync(path.join(dir, 'src'));
    const code = "import { flags } from './flags';\n\nexport function steps(): number {\n  let fast = flags.isEnabled('new-checkout', false);\n  return fast ? 1 : 3;\n}\n";
    fs.writeFileSync(path.join(dir, 'src/steps.ts'), code);
    const registry = fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8');

    let caught: unknown;
    try {
      await removeFlags({ dir, flags: [{ key: 'new-checkout' }], allowDirty: true, now: '2026-11-21' });
    } catch (error) {
      caught = error;
    }
    expect(isFlagdebtError(caught)).toBe(true);
    const [d] = (caught as { diagnostics: Array<Record<string, unknown>> }).diagnostics;
    expect(d).toMatchObject({ severity: 'error', code: 'remove/unsupported-shape', file: 'src/steps.ts', line: 4, column: 14, fix: 'fold this read by hand or report it' });
    expect(d.message).toMatch(/cannot fold this shape/);
    expect(fs.readFileSync(path.join(dir, 'src/steps.ts'), 'utf8')).toBe(code);
    expect(fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8')).toBe(registry);
  });
});
