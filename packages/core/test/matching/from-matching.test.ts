import { describe, expect, it } from 'vitest';
import type { Accessor } from '../../src/index.js';
import { at, openFixture, read, summarize } from './helpers.js';

const via = 'client.getBooleanValue';

describe('`from`: the accessor root must come from a module', () => {
  const { project, file } = openFixture('from-matching');

  it('accepts a const initialised from the module, and this.client in a file that imports it', () => {
    const f = file('src/openfeature.ts');
    expect(summarize(project.readsIn(f))).toEqual([
      read('invoice-pdf', via, at(f, "client.getBooleanValue('invoice-pdf'")),
      // `retries()` returns this read, so it is a method wrapper and this is its own read.
      read('billing-retries', via, at(f, "this.client.getBooleanValue('billing-retries'"), { inWrapper: true }),
    ]);
  });

  it('accepts a client built from an aliased import', () => {
    const f = file('src/aliased.ts');
    // A wrapper of several statements: its own read.
    expect(summarize(project.readsIn(f))).toEqual([read('aliased-client', via, at(f, 'client.getBooleanValue('), { inWrapper: true })]);
  });

  it('accepts a client built from a default import', () => {
    const f = file('src/default-import.ts');
    expect(summarize(project.readsIn(f))).toEqual([read('reports-v2', via, at(f, 'client.getBooleanValue('), { inWrapper: true })]);
  });

  it('accepts a client imported from a project module that builds it from the SDK', () => {
    const f = file('src/reports.ts');
    expect(summarize(project.readsIn(f))).toEqual([read('detailed-reports', via, at(f, 'client.getBooleanValue('))]);
  });

  it('rejects a same-named client from elsewhere or from another package', () => {
    expect(project.readsIn(file('src/other-sdk.ts'))).toEqual([]);
    expect(project.readsIn(file('src/provider.ts'))).toEqual([]);
  });

  it('accepts a client a project module that imports the SDK exports its own way (`globalThis.c ?? createClient()`), not one from a module that does not', () => {
    const invoices = file('src/invoices.ts');
    expect(summarize(project.readsIn(invoices))).toEqual([read('compact-invoices', via, at(invoices, 'client.getBooleanValue('))]);
    expect(project.readsIn(file('src/legacy-invoices.ts'))).toEqual([]);
  });

  it('accepts a client returned by a getter of a project module that imports the SDK, not by one of a module that does not', () => {
    const f = file('src/exports.ts');
    expect(summarize(project.readsIn(f))).toEqual([
      read('xlsx-exports', via, at(f, "getFlagClient()?.getBooleanValue('xlsx-exports'")),
      read('large-exports', via, at(f, "client.getBooleanValue('large-exports'")),
    ]);
  });

  it('accepts a parameter typed by a project module that imports the SDK, not one typed otherwise', () => {
    const f = file('src/handlers.ts');
    expect(summarize(project.readsIn(f))).toEqual([read('streamed-exports', via, at(f, "req.client.getBooleanValue('streamed-exports'"))]);
  });

  it('takes an unannotated callback parameter\'s type from the declared type of the array or object it is in', () => {
    const f = file('src/nav-links.ts');
    expect(summarize(project.readsIn(f))).toEqual([
      read('nav-reports', via, at(f, "client.getBooleanValue('nav-reports'")),
      read('nav-scheduled-exports', via, at(f, "context.client.getBooleanValue('nav-scheduled-exports'")),
      read('nav-audit-log', via, at(f, "client.getBooleanValue('nav-audit-log'")),
      // `canStream` returns the read: a wrapper, and this is its own read.
      read('typed-destructured', via, at(f, "client.getBooleanValue('typed-destructured'"), { inWrapper: true }),
    ]);
  });

  it('takes a JSX callback prop\'s parameter type from its component, when that component\'s module imports the SDK', () => {
    const f = file('src/billing-menu.tsx');
    expect(summarize(project.readsIn(f))).toEqual([read('menu-usage-billing', via, at(f, "client.getBooleanValue('menu-usage-billing'"))]);
  });

  it('matches an aliased import of the path root itself', () => {
    const accessors: Accessor[] = [{ call: 'OpenFeature.getClient', keyArg: 0, from: '@openfeature/server-sdk' }];
    const { project: p, file: f } = openFixture('from-matching', accessors);
    const aliased = f('src/aliased.ts');
    const main = f('src/openfeature.ts');
    // `OF.getClient()` has no key argument: still a read of the accessor, with a dynamic key.
    expect(summarize(p.readsIn(aliased))).toEqual([read(null, 'OpenFeature.getClient', at(aliased, 'OF.getClient()'))]);
    expect(summarize(p.readsIn(main))).toEqual([
      read('billing', 'OpenFeature.getClient', at(main, "OpenFeature.getClient('billing')")),
      read(null, 'OpenFeature.getClient', at(main, 'sdk.OpenFeature.getClient()')),
    ]);
    expect(p.readsIn(f('src/provider.ts'))).toEqual([]);
  });
});

describe('`from` on a member accessor: the container must come from the module', () => {
  const accessors: Accessor[] = [{ member: 'flags', from: 'launchdarkly-react-client-sdk' }];
  const { project, file } = openFixture('from-matching', accessors);

  it("reads a const initialised by the SDK's hook, and finds the project's hook over it as a wrapper", () => {
    const hooks = file('src/feature-hooks.ts');
    expect(summarize(project.readsIn(hooks))).toEqual([
      read('invoicePdf', 'flags', at(hooks, 'flags.invoicePdf')),
      read('invoice-bulk', 'flags', at(hooks, 'flags["invoice-bulk"]')),
      // `flags[key]` forwards the parameter: the body of a wrapper, not a read of its own.
    ]);
    expect(project.wrappers().map((w) => [w.name, w.keyParam])).toContainEqual(['useFeatureFlag', 0]);
  });

  it('ignores an object of the same name from elsewhere, and still reads the hook there', () => {
    const options = file('src/cli-options.ts');
    expect(summarize(project.readsIn(options))).toEqual([read('invoice-export', 'useFeatureFlag', at(options, 'useFeatureFlag("invoice-export")'))]);
    // Without `from`, the script's options are flags too.
    const { project: loose, file: f } = openFixture('from-matching', [{ member: 'flags' }]);
    expect(summarize(loose.readsIn(f('src/cli-options.ts'))).map((r) => r.key)).toEqual(['dryRun', 'verbose', 'invoice-export', 'dryRun']);
  });
});

describe('`from` on a call accessor: a project function of the same name is not the accessor', () => {
  const accessors: Accessor[] = [{ call: 'useFlag', keyArg: 0, from: '@acme/flags-sdk' }];
  const { project, file } = openFixture('from-matching', accessors);

  it("reads the SDK's hook where it is imported, not the project's same-named function in a module that imports the SDK", () => {
    const hook = file('src/use-flag.ts');
    // `useSdkFlag(key)`: the parameter forwarded, the body of a function of the project's.
    expect(project.readsIn(hook).filter((r) => r.key !== null)).toEqual([]);
    // Its call is no read of the accessor (it negates the flag: no wrapper either).
    expect(project.readsIn(file('src/banner.ts'))).toEqual([]);
  });
});
