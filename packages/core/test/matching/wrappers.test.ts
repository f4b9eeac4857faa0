import { describe, expect, it } from 'vitest';
import { at, openFixture, read, summarize } from './helpers.js';

describe('wrappers', () => {
  const { project, file } = openFixture('wrappers');
  const wrappersFile = file('src/flags/wrappers.ts');
  const checkout = file('src/components/Checkout.tsx');

  it('discovers local, exported, forwarding and wrapper-of-wrapper functions', () => {
    const found = project.discoverWrappers([wrappersFile]);
    expect(found.map((w) => ({ name: w.name, key: w.key, keyParam: w.keyParam, exported: w.exported, via: 'call' in w.accessor ? w.accessor.call : w.accessor.member }))).toEqual([
      { name: 'isOn', key: null, keyParam: 0, exported: true, via: 'flags.isEnabled' },
      { name: 'isNewCheckout', key: 'new-checkout', keyParam: undefined, exported: true, via: 'flags.isEnabled' },
      { name: 'useDarkMode', key: 'dark-mode', keyParam: undefined, exported: true, via: 'useFlag' },
      { name: 'isOneClick', key: 'one-click-buy', keyParam: undefined, exported: true, via: 'flags.isEnabled' },
      { name: 'isLocalOnly', key: 'local-only', keyParam: undefined, exported: false, via: 'flags.isEnabled' },
      { name: 'isNewCheckoutEverywhere', key: 'new-checkout', keyParam: undefined, exported: true, via: 'flags.isEnabled' },
      { name: 'useSearchV2', key: 'searchV2', keyParam: undefined, exported: true, via: 'config.featureToggles' },
      { name: 'toggle', key: null, keyParam: 0, exported: true, via: 'config.featureToggles' },
    ]);
    const isOn = found[0];
    expect({ line: isOn.line, column: isOn.column }).toEqual(at(wrappersFile, 'export function isOn'));
    expect(found[2].span.start).toBe(project.sourceFile(wrappersFile).text.indexOf('export const useDarkMode'));
    expect(project.candidateWords()).toEqual(expect.arrayContaining(['isOn', 'isNewCheckout', 'useDarkMode', 'isLocalOnly']));
  });

  it("reports a wrapper's own read as inWrapper, skips a forwarding wrapper's inner read, and reads wrapper calls", () => {
    expect(summarize(project.readsIn(wrappersFile))).toEqual([
      read('new-checkout', 'flags.isEnabled', at(wrappersFile, 'flags.isEnabled(CHECKOUT)'), { inWrapper: true }),
      read('dark-mode', 'useFlag', at(wrappersFile, "useFlag('dark-mode')"), { inWrapper: true }),
      read('one-click-buy', 'isOn', at(wrappersFile, "isOn('one-click-buy')"), { inWrapper: true }),
      read('local-only', 'flags.isEnabled', at(wrappersFile, "flags.isEnabled('local-only')"), { inWrapper: true }),
      read('new-checkout', 'isNewCheckout', at(wrappersFile, 'isNewCheckout();'), { inWrapper: true }),
      read(null, 'flags.isEnabled', at(wrappersFile, 'flags.isEnabled(key);')),
      read('local-only', 'isLocalOnly', at(wrappersFile, 'isLocalOnly() &&')),
      read('dark-mode', 'isOn', at(wrappersFile, "isOn('dark-mode')")),
      read('searchV2', 'config.featureToggles', at(wrappersFile, 'config.featureToggles.searchV2'), { inWrapper: true }),
    ]);
  });

  it('resolves imported wrappers through barrels, renames and namespaces in another file', () => {
    const reads = project.readsIn(checkout);
    expect(summarize(reads)).toEqual([
      read('dark-mode', 'useDarkMode', at(checkout, 'useDarkMode();')),
      read('new-checkout', 'isNewCheckout', at(checkout, 'newCheckout();')),
      read('one-click-buy', 'isOneClick', at(checkout, 'flagApi.isOneClick()')),
      read('new-checkout', 'isNewCheckoutEverywhere', at(checkout, 'isNewCheckoutEverywhere();')),
      read(null, 'isOn', at(checkout, 'isOn(variant')),
      read('new-checkout', 'isOn', at(checkout, "isOn('new-checkout')")),
    ]);
    const viaWrapper = reads[0];
    expect(viaWrapper.wrapper?.file).toBe(wrappersFile);
    expect(viaWrapper.accessor).toEqual({ call: 'useFlag', keyArg: 0 });
    expect(viaWrapper.defaultArg).toBeUndefined();
    expect(reads[5].keySpan).toBeDefined();
  });

  it('wraps member reads too, fixed and forwarding', () => {
    const search = file('src/components/Search.tsx');
    expect(summarize(project.readsIn(search))).toEqual([
      read('searchV2', 'useSearchV2', at(search, 'useSearchV2();')),
      read('search-suggest', 'toggle', at(search, "toggle('search-suggest')")),
    ]);
  });

  it('follows a default-exported hook imported under another name', () => {
    const badge = file('src/components/Badge.tsx');
    const reads = project.readsIn(badge);
    expect(summarize(reads)).toEqual([read('beta-badge', 'useBetaBadge', at(badge, 'useBeta()'))]);
    expect(reads[0].wrapper).toMatchObject({ name: 'useBetaBadge', exported: true, key: 'beta-badge', file: file('src/flags/use-beta.ts') });
  });
});
