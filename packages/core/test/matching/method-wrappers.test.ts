import { describe, expect, it } from 'vitest';
import type { Accessor } from '../../src/index.js';
import { at, openFixture, read, summarize } from './helpers.js';

const ACCESSORS: Accessor[] = [{ call: 'client.getBoolean', keyArg: 0, defaultArg: 1 }];
const via = 'client.getBoolean';

describe('class method wrappers', () => {
  const { project, file } = openFixture('method-wrappers', ACCESSORS);
  const service = file('src/flags/flag.service.ts');

  it('finds per-flag methods (also async, several statements, arrow properties) and forwarding methods', () => {
    const found = project.discoverWrappers([service]);
    expect(found.map((w) => ({ name: w.name, className: w.className, key: w.key, keyParam: w.keyParam, exported: w.exported }))).toEqual([
      { name: 'getNewNavEnabled', className: 'FlagService', key: 'new-nav', keyParam: undefined, exported: true },
      { name: 'isBillingV2', className: 'FlagService', key: 'billing-v2', keyParam: undefined, exported: true },
      { name: 'isEnabled', className: 'FlagService', key: null, keyParam: 0, exported: true },
      { name: 'invoicePdf', className: 'FlagService', key: 'invoice-pdf', keyParam: undefined, exported: true },
    ]);
    expect(project.candidateWords()).toEqual(expect.arrayContaining(['getNewNavEnabled', 'isBillingV2', 'invoicePdf']));
  });

  it("reports the methods' own reads and `this.method()` inside the class", () => {
    expect(summarize(project.readsIn(service))).toEqual([
      read('new-nav', via, at(service, 'this.client.getBoolean(Flag.NewNav'), { inWrapper: true }),
      read('billing-v2', via, at(service, 'this.client.getBoolean(Flag.BillingV2'), { inWrapper: true }),
      read('invoice-pdf', via, at(service, 'this.client?.getBoolean(Flag.InvoicePdf'), { inWrapper: true }),
      read('new-nav', 'getNewNavEnabled', at(service, 'this.getNewNavEnabled() ?')),
    ]);
  });

  it('matches calls on receivers typed as the class (parameter properties, parameters), not on other classes or unknown receivers', () => {
    const nav = file('src/nav/nav.component.ts');
    expect(summarize(project.readsIn(nav))).toEqual([
      read('new-nav', 'getNewNavEnabled', at(nav, 'this.flags.getNewNavEnabled()')),
      read('invoice-pdf', 'isEnabled', at(nav, 'this.flags.isEnabled(')),
      read('new-nav', 'getNewNavEnabled', at(nav, 'svc.getNewNavEnabled()')),
    ]);
  });

  it('matches calls on receivers built with `new`, through an `extends` chain', () => {
    const billing = file('src/billing/billing.ts');
    const reads = project.readsIn(billing);
    expect(summarize(reads)).toEqual([
      read('billing-v2', 'isBillingV2', at(billing, 'previewFlags.isBillingV2()')),
      read('billing-v2', 'isBillingV2', at(billing, 'flags.isBillingV2()')),
      read('invoice-pdf', 'invoicePdf', at(billing, 'flags.invoicePdf()')),
    ]);
    expect(reads[0].wrapper).toMatchObject({ className: 'FlagService', file: service });
  });
});
