import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlagProject } from '../../src/index.js';
import { ACCESSORS, fixtureDir } from './helpers.js';

// What FlagProject records per file for `history`: the files its reads resolved through, and
// the key sources they marked, which a later project can be given back.
const root = fixtureDir('dependencies');
const file = (rel: string) => path.join(root, 'src', rel);
const project = () => new FlagProject({ root, accessors: ACCESSORS, tsconfig: false });
const relative = (files: ReadonlySet<string>) => [...files].map((f) => path.relative(path.join(root, 'src'), f)).sort();

describe('dependencies recorded per file', () => {
  it('lists what a read resolved its key through, not every import (wrappers sealed, as the scanner does)', () => {
    const p = project();
    p.discoverWrappers([file('flags/hooks.ts')]);
    p.sealWrappers();
    p.readsIn(file('invoices/InvoiceList.ts'));
    p.readsIn(file('invoices/TaxPanel.ts'));
    const deps = relative(p.dependenciesOf(file('invoices/InvoiceList.ts')));
    expect(deps).toContain('flags/index.ts');
    expect(deps).toContain('flags/keys.ts');
    // Imported and called, but no read resolves through it.
    expect(deps).not.toContain('lib/money.ts');
    expect(relative(p.dependenciesOf(file('invoices/TaxPanel.ts')))).toEqual(['flags/keys.ts', 'invoices/TaxPanel.ts']);
    // Nothing was collected for it.
    expect(relative(p.dependenciesOf(file('lib/money.ts')))).toEqual([]);
  });

  it('lists what was followed to learn that a callee is no wrapper while wrappers are not sealed', () => {
    const p = project();
    p.readsIn(file('invoices/InvoiceList.ts'));
    expect(relative(p.dependenciesOf(file('invoices/InvoiceList.ts')))).toContain('lib/money.ts');
  });

  it('records a wrapper analysed for an earlier file as the wrapper file alone; the wrapper file records the rest', () => {
    const p = project();
    p.discoverWrappers([file('flags/hooks.ts')]);
    p.readsIn(file('reminders/Reminders.ts'));
    p.readsIn(file('reminders/Banner.ts'));
    expect(relative(p.dependenciesOf(file('reminders/Banner.ts')))).toEqual(['flags/hooks.ts', 'reminders/Banner.ts']);
    expect(relative(p.dependenciesOf(file('flags/hooks.ts')))).toContain('flags/keys.ts');
    expect(relative(p.dependenciesOf(file('reminders/Reminders.ts')))).toContain('flags/hooks.ts');
  });

  it('hands the key sources other files marked to a project that does not read them', () => {
    const full = project();
    for (const f of ['invoices/InvoiceList.ts', 'invoices/TaxPanel.ts']) full.readsIn(file(f));
    const all = full.declarationsIn(file('flags/keys.ts')).map((d) => d.container);
    expect(all).toEqual(['INVOICE_EXPORT', 'TAX_PREVIEW']);
    const marked = full.keySourcesMarkedBy(file('invoices/InvoiceList.ts'));
    expect(marked.size).toBe(1);

    // Only TaxPanel read again: INVOICE_EXPORT is a declaration only with InvoiceList's marks.
    const partial = project();
    partial.readsIn(file('invoices/TaxPanel.ts'));
    expect(partial.declarationsIn(file('flags/keys.ts')).map((d) => d.container)).toEqual(['TAX_PREVIEW']);
    const given = new FlagProject({ root, accessors: ACCESSORS, tsconfig: false, keySources: marked });
    given.readsIn(file('invoices/TaxPanel.ts'));
    expect(given.declarationsIn(file('flags/keys.ts'))).toEqual(full.declarationsIn(file('flags/keys.ts')));
  });
});
