import { describe, expect, it } from 'vitest';
import { at, openFixture, read, summarize } from './helpers.js';

describe('re-export chains', () => {
  const { project, file } = openFixture('reexport-chains');
  const billing = file('src/features/billing.ts');
  const call = (arg: string) => at(billing, `flags.isEnabled(${arg})`);

  it('follows export-from with renames, export of imported bindings, default exports, export * as and cycles', () => {
    expect(summarize(project.readsIn(billing))).toEqual([
      read('payments-v3', 'flags.isEnabled', call('PAYMENTS')),
      read('legacy-invoices', 'flags.isEnabled', call('LEGACY')),
      read('invoice-pdf', 'flags.isEnabled', call('INVOICE_PDF')),
      read('payments-v3', 'flags.isEnabled', call('raw.PAYMENTS_V3')),
      read('cycle-key', 'flags.isEnabled', call('CYCLE_KEY')),
      read(null, 'flags.isEnabled', call('NOT_EXPORTED')),
    ]);
  });
});
