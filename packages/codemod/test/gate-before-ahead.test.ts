import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTypeGate } from '../src/safety/gate-thread.js';
import { TypeGate, type GateChange } from '../src/safety/type-gate.js';
import { projectTypeScript } from '../src/safety/verify.js';
import { tempProject } from './support/temp-project.js';

/** The built worker (`npm test` builds first): a worker thread runs JavaScript, not these sources. */
const BUILT_WORKER = new URL('../dist/safety/gate-worker.js', import.meta.url);

/**
 * An invoice screen: the screen imports the totals, the totals the tax rules, the rules the
 * rates, the rates the region table. The screen's `label` is only an error when the region
 * table's type reaches it, four imports away: the gate follows three from a checked file, so
 * whether it is an error depends on which files are checked together. The screen also has an
 * error of its own (a number where a string goes), before and after the removal.
 */
function invoices(): string {
  return tempProject(
    {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', lib: ['es2022'], module: 'esnext', moduleResolution: 'bundler', noEmit: true, types: [] }, include: ['src'] }),
      'src/flags.ts': 'export const flags = {\n  isEnabled: (key: string, fallback: boolean): boolean => fallback,\n};\n',
      'src/screen.ts': [
        "import { flags } from './flags';",
        "import { totals } from './totals';",
        '',
        'export const label: string = totals.region;',
        "export const width: string = flags.isEnabled('wide-invoice', false) ? 'wide' : 'narrow';",
        'export const pad: string = 8;',
        '',
      ].join('\n'),
      'src/totals.ts': "import { tax } from './tax';\n\nexport const totals = { region: tax.region, sum: (n: number[]) => n.reduce((a, b) => a + b, 0) };\n",
      'src/tax.ts': "import { rates } from './rates';\n\nexport const tax = { region: rates.region };\n",
      'src/rates.ts': "import { regions } from './regions';\n\nexport const rates = { region: regions.home };\n",
      'src/regions.ts': 'export const regions = { home: 44 as number };\n',
      // A global script: whatever checks it sees `APP_MODE` everywhere.
      'src/env.ts': "declare var APP_MODE: 'dev' | 'prod';\n",
      'src/banner.ts': "export const mode: 'dev' | 'prod' = APP_MODE;\nexport const big: string = 1;\n",
    },
    'flagdebt-gate-ahead-',
  );
}

function screenWithout(dir: string): GateChange {
  const screen = path.join(dir, 'src/screen.ts');
  const after = ["import { totals } from './totals';", '', 'export const label: string = totals.region;', "export const width: string = 'wide';", 'export const pad: string = 8;', ''].join('\n');
  return { path: screen, after };
}

const gate = (dir: string) => new TypeGate(dir, projectTypeScript(dir));

describe('the "before" side checked ahead (while the removal is planned)', () => {
  it('is taken by the check when it was made on the same files, and the verdict is the one made without it', () => {
    const dir = invoices();
    const screen = path.join(dir, 'src/screen.ts');
    const changes = [screenWithout(dir)];
    const fresh = gate(dir).check([screen], changes);
    // The padding's error stays, the label is not one (the region table is too far): nothing added.
    expect(fresh?.before.map((d) => d.code)).toEqual([2322]);
    expect(fresh?.added).toEqual([]);

    const ahead = gate(dir);
    ahead.warmBefore([screen]);
    expect(ahead.check([screen], changes)).toEqual(fresh);
    expect(ahead.lastAhead).toBe(1);
    // Taken once: a later check of the same file keeps it as any before side is kept.
    expect(ahead.check([screen], changes)).toEqual(fresh);
  });

  it('is not taken when the files checked with it followed imports the check does not (the verdict stays the one made without it)', () => {
    const dir = invoices();
    const at = (f: string) => path.join(dir, f);
    const changes = [screenWithout(dir)];
    const fresh = gate(dir).check([at('src/screen.ts')], changes);
    // Checked beside the tax rules, the region table is two imports from a checked file: the
    // label is an error there. Taken, that would put an error in "before" that the check's own
    // "before" does not have.
    const wrong = gate(dir);
    wrong.warmBefore([at('src/screen.ts'), at('src/tax.ts')]);
    const verdict = wrong.check([at('src/screen.ts')], changes);
    expect(wrong.lastAhead).toBe(0);
    expect(verdict).toEqual(fresh);
    const alone = gate(dir);
    alone.warmBefore([at('src/screen.ts'), at('src/tax.ts')]);
    expect(alone.check([at('src/screen.ts'), at('src/tax.ts')], changes)?.before.map((d) => [path.basename(d.file), d.code])).toEqual([
      ['screen.ts', 2322],
      ['screen.ts', 2322],
    ]);
    expect(alone.lastAhead).toBe(1);
  });

  it('is judged file by file: what a file does not reach does not matter', () => {
    const dir = invoices();
    const at = (f: string) => path.join(dir, f);
    const banner: GateChange = { path: at('src/banner.ts'), after: "export const mode: 'dev' | 'prod' = APP_MODE;\nexport const big: string = 2;\n" };
    const changes = [screenWithout(dir), banner];
    const real = [at('src/banner.ts'), at('src/screen.ts')];
    const fresh = gate(dir).check(real, changes);
    expect(fresh?.added).toEqual([]);
    // Ahead, the tax rules were checked too: the rates' import of the region table was followed
    // there and is not in the check. The screen reaches it (checked again); the banner does not (taken).
    const ahead = gate(dir);
    ahead.warmBefore([at('src/banner.ts'), at('src/screen.ts'), at('src/tax.ts')]);
    expect(ahead.check(real, changes)).toEqual(fresh);
    expect(ahead.lastAhead).toBe(1);
  });

  it('is not taken when a file checked with it is a global script the check does not have', () => {
    const dir = invoices();
    const at = (f: string) => path.join(dir, f);
    const banner: GateChange = { path: at('src/banner.ts'), after: "export const mode: 'dev' | 'prod' = APP_MODE;\nexport const big: string = 2;\n" };
    const fresh = gate(dir).check([at('src/banner.ts')], [banner]);
    // Without the script, `APP_MODE` is not declared: two errors before, the same two after.
    expect(fresh?.before.map((d) => d.code).sort()).toEqual([2304, 2322]);
    expect(fresh?.added).toEqual([]);
    const ahead = gate(dir);
    ahead.warmBefore([at('src/banner.ts'), at('src/env.ts')]);
    expect(ahead.check([at('src/banner.ts')], [banner])).toEqual(fresh);
    expect(ahead.lastAhead).toBe(0);
    // A module with nothing global checked beside it changes nothing: taken.
    const modules = gate(dir);
    modules.warmBefore([at('src/banner.ts'), at('src/regions.ts')]);
    expect(modules.check([at('src/banner.ts')], [banner])).toEqual(fresh);
    expect(modules.lastAhead).toBe(1);
  });

  it('stops when told to (a check was asked for), and the check is made as without it', () => {
    const dir = invoices();
    const screen = path.join(dir, 'src/screen.ts');
    const changes = [screenWithout(dir)];
    const fresh = gate(dir).check([screen], changes);
    const stopped = gate(dir);
    let asked = 0;
    stopped.warmBefore([screen], () => ++asked > 2);
    expect(asked).toBe(3);
    expect(stopped.check([screen], changes)).toEqual(fresh);
    expect(stopped.lastAhead).toBe(0);
  });

  it('is done by the gate’s worker when told, and taken by its check', async () => {
    const dir = invoices();
    const screen = path.join(dir, 'src/screen.ts');
    const changes = [screenWithout(dir)];
    const fresh = gate(dir).check([screen], changes);
    const worker = startTypeGate(dir, { worker: BUILT_WORKER });
    try {
      worker.warmBefore([screen]);
      expect(worker.check([screen], changes)).toEqual(fresh);
      // Unless the check was asked before the worker got to it (it is then stopped): either way the same verdict.
      expect([0, 1]).toContain(worker.ahead);
      expect(worker.ranIn).not.toBe('main');
    } finally {
      await worker.close();
    }
  });
});
