import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { FlagdebtError } from '@flagdebt/core';
import { removeFlags } from '../src/index.js';
import { gateWorkers, startTypeGate } from '../src/safety/gate-thread.js';
import { TypeGate, type GateChange } from '../src/safety/type-gate.js';
import { projectTypeScript } from '../src/safety/verify.js';
import { tempProject } from './support/temp-project.js';

/** The built worker (`npm test` builds first): a worker thread runs JavaScript, not these sources. */
const BUILT_WORKER = new URL('../dist/safety/gate-worker.js', import.meta.url);

/**
 * A checkout: the page imports the cart, the cart the pricing rules, the rules the currency
 * table, the table the rounding helper. Five modules deep, so which imports the gate follows
 * (three levels from a checked file) depends on which files it checks.
 */
function checkout(): string {
  return tempProject(
    {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', lib: ['es2022'], module: 'esnext', moduleResolution: 'bundler', noEmit: true, types: [] }, include: ['src'] }),
      'src/flags.ts': 'export const flags = {\n  isEnabled: (key: string, fallback: boolean): boolean => fallback,\n};\n',
      'src/page.ts': "import { cartTotal } from './cart';\n\nexport function header(items: number[]): string {\n  return `Total: ${cartTotal(items)}`;\n}\n",
      'src/cart.ts': "import { flags } from './flags';\nimport { price } from './pricing';\n\nexport function cartTotal(items: number[]): number {\n  const sum = items.reduce((n, i) => n + price(i), 0);\n  return flags.isEnabled('cart-discount', false) ? sum * 0.9 : sum;\n}\n",
      'src/pricing.ts': "import { toCurrency } from './currency';\n\nexport const price = (cents: number): number => toCurrency(cents);\n",
      'src/currency.ts': "import { round } from './rounding';\n\nexport const toCurrency = (cents: number): number => round(cents / 100);\n",
      'src/rounding.ts': 'export const round = (n: number): number => Math.round(n * 100) / 100;\n',
    },
    'flagdebt-gate-speculation-',
  );
}

function cartWithout(dir: string): GateChange {
  const cart = path.join(dir, 'src/cart.ts');
  const after = fs.readFileSync(cart, 'utf8').replace("import { flags } from './flags';\n", '').replace("flags.isEnabled('cart-discount', false) ? sum * 0.9 : sum", 'sum * 0.9');
  return { path: cart, after };
}

describe('a speculative check (made while the main thread finds importers)', () => {
  it('is the check when the request is the same, and is discarded when it is not', async () => {
    const dir = checkout();
    const at = (f: string) => path.join(dir, f);
    const changes = [cartWithout(dir)];
    const guess = [at('src/cart.ts')];
    // The rounding helper now takes a string: its importer breaks (two levels below the cart).
    const rounding: GateChange = { path: at('src/rounding.ts'), after: 'export const round = (n: string): number => Number(n);\n' };
    const inMain = new TypeGate(dir, projectTypeScript(dir));
    const expected = inMain.check(guess, changes);
    const worker = startTypeGate(dir, { worker: BUILT_WORKER });
    try {
      worker.speculate(guess, changes);
      expect(worker.check(guess, changes)).toEqual(expected);
      expect([worker.ranIn, worker.speculation]).toEqual(['worker', 'used']);
      expect(expected?.added).toEqual([]);

      // The guess left out an importer that the real request has: checked afresh, same verdict as the main thread.
      const real = [at('src/rounding.ts'), at('src/currency.ts')];
      worker.speculate([at('src/rounding.ts')], [rounding]);
      const verdict = worker.check(real, [rounding]);
      expect(worker.speculation).toBe('discarded');
      expect(verdict).toEqual(new TypeGate(dir, projectTypeScript(dir)).check(real, [rounding]));
      expect(verdict?.added.map((d) => [path.relative(dir, d.file), d.code])).toEqual([['src/currency.ts', 2345]]);

      // No guess: a plain check.
      worker.check(guess, changes);
      expect(worker.speculation).toBe('none');
    } finally {
      await worker.close();
    }
  });

  it('leaves no trace in the gate when it is discarded (which imports are followed stays the real check’s decision)', () => {
    const dir = checkout();
    const at = (f: string) => path.join(dir, f);
    const rounding: GateChange = { path: at('src/rounding.ts'), after: 'export const round = (n: string): number => Number(n);\n' };
    const real = [at('src/currency.ts'), at('src/rounding.ts')];
    const fresh = new TypeGate(dir, projectTypeScript(dir)).check(real, [rounding]);
    // The currency table breaks: seen only when its import of the rounding helper is followed.
    expect(fresh?.added.map((d) => [path.relative(dir, d.file), d.code])).toEqual([['src/currency.ts', 2345]]);

    // A guess from the page: the currency table is three imports away, so its own import is not
    // followed there. Kept, that decision would hide the break from the real check.
    const gate = new TypeGate(dir, projectTypeScript(dir));
    gate.speculate([at('src/page.ts')], [rounding]);
    expect(gate.check(real, [rounding])).toEqual(fresh);
    expect(gate.lastSpeculation).toBe('discarded');

    // The same request in a different order is a different request (roots are reached in order).
    gate.speculate([...real].reverse(), [rounding]);
    expect(gate.check(real, [rounding])).toEqual(fresh);
    expect(gate.lastSpeculation).toBe('discarded');
  });

  it('stops when told the guess is wrong (TypeScript asks while it checks), and the check is made afresh', () => {
    const dir = checkout();
    const at = (f: string) => path.join(dir, f);
    const rounding: GateChange = { path: at('src/rounding.ts'), after: 'export const round = (n: string): number => Number(n);\n' };
    const real = [at('src/currency.ts'), at('src/rounding.ts')];
    const fresh = new TypeGate(dir, projectTypeScript(dir)).check(real, [rounding]);
    const gate = new TypeGate(dir, projectTypeScript(dir));
    // Told it is wrong after a few questions: it stops there, so the very request it guessed is
    // not taken from it (a finished speculation would be: see the first test).
    let asked = 0;
    gate.speculate(real, [rounding], new Set(), () => ++asked > 2);
    expect(asked).toBe(3);
    expect(gate.check(real, [rounding])).toEqual(fresh);
    expect(gate.lastSpeculation).toBe('discarded');
    // Never told: finished, and taken; also when the request lists a file twice or one that is
    // not type-checked (what the check depends on is the same).
    gate.speculate(real, [rounding], new Set(), () => false);
    expect(gate.check([...real, real[0]!, at('README.md')], [rounding])).toEqual(fresh);
    expect(gate.lastSpeculation).toBe('used');
  });

  it('removeFlags run from a folder below the config: the worker started there is replaced by one at the config root', async () => {
    const saved = process.env.FLAGDEBT_GATE_WORKER;
    process.env.FLAGDEBT_GATE_WORKER = '1';
    try {
      const dir = checkout();
      fs.writeFileSync(path.join(dir, 'src/send.ts'), "import { flags } from './flags';\n\nexport const take = (on: boolean): boolean => on;\ntake(flags.isEnabled('beta-send', false));\n");
      const before = gateWorkers().started;
      // A string kept where a boolean is expected: refused (line 2 of the rewritten file, named from where it ran).
      const refused = await removeFlags({ dir: path.join(dir, 'src'), flags: [{ key: 'beta-send', value: 'yes' }], allowDirty: true }).catch((e: unknown) => e);
      expect((refused as FlagdebtError).diagnostics).toEqual([expect.objectContaining({ code: 'remove/would-break-types', file: 'send.ts', line: 2 })]);
      expect(gateWorkers().started).toBe(before + 2);
      await vi.waitFor(() => expect(gateWorkers().live).toBe(0));

      // From the root itself: one worker, and the removal that keeps the types is written.
      const written = await removeFlags({ dir, flags: [{ key: 'cart-discount', value: true }], allowDirty: true });
      // The cart and its importer, the page (the guess had only the cart: checked afresh).
      expect(written.verify).toMatchObject({ newErrors: [], filesChecked: 2 });
      expect(fs.readFileSync(path.join(dir, 'src/cart.ts'), 'utf8')).toContain('return sum * 0.9;');
      expect(gateWorkers().started).toBe(before + 3);
      await vi.waitFor(() => expect(gateWorkers().live).toBe(0));
    } finally {
      if (saved === undefined) delete process.env.FLAGDEBT_GATE_WORKER;
      else process.env.FLAGDEBT_GATE_WORKER = saved;
    }
  });
});
