import { describe, expect, it } from 'vitest';
import type { Accessor } from '../../src/index.js';
import { at, openFixture, read, summarize } from './helpers.js';

// Flagsmith's own dashboard reads its flags through a utility namespace:
// `Utils.getFlagsmithHasFeature('x')` on `const Utils = Object.assign({}, BaseUtils, { ... })`.
const ACCESSORS: Accessor[] = [
  { call: 'flagsmith.hasFeature', keyArg: 0, from: '@flagsmith/flagsmith' },
  { call: 'flagsmith.getValue', keyArg: 0, from: '@flagsmith/flagsmith', returns: 'value' },
];

describe('wrappers in helper objects and static methods', () => {
  const { project, file } = openFixture('namespace-wrappers', ACCESSORS);
  const utils = file('src/common/utils/utils.ts');
  const gate = file('src/common/flags/feature-gate.ts');

  it('finds members of module-level objects (Object.assign, arrow properties) and static methods', () => {
    const found = project.discoverWrappers([utils, gate, file('src/common/utils/base-utils.ts')]);
    expect(found.map((w) => ({ name: w.name, key: w.key, keyParam: w.keyParam, exported: w.exported, className: w.className }))).toEqual([
      { name: 'getFlagsmithHasFeature', key: null, keyParam: 0, exported: true, className: undefined },
      { name: 'getFlagsmithValue', key: null, keyParam: 0, exported: true, className: undefined },
      { name: 'isNewNav', key: 'new_nav', keyParam: undefined, exported: true, className: undefined },
      { name: 'on', key: null, keyParam: 0, exported: true, className: 'FeatureGate' },
      { name: 'beta', key: null, keyParam: 0, exported: true, className: undefined },
    ]);
    expect(project.candidateWords()).toEqual(expect.arrayContaining(['getFlagsmithHasFeature', 'isNewNav', 'beta']));
  });

  it('matches calls through the imported object, including members it takes from another object', () => {
    const header = file('src/web/components/Header.tsx');
    const reads = project.readsIn(header);
    expect(summarize(reads)).toEqual([
      read('payments_enabled', 'getFlagsmithHasFeature', at(header, "Utils.getFlagsmithHasFeature('payments_enabled')")),
      read('butter_bar', 'getFlagsmithValue', at(header, "Utils.getFlagsmithValue('butter_bar')")),
      read('new_nav', 'isNewNav', at(header, 'Utils.isNewNav()')),
    ]);
    expect(reads[0].wrapper).toMatchObject({ file: utils, name: 'getFlagsmithHasFeature' });
  });

  it('follows spreads of another helper object, and an exported default object', () => {
    const billing = file('src/web/pages/Billing.tsx');
    const reads = project.readsIn(billing);
    expect(summarize(reads)).toEqual([
      read('payments_enabled', 'getFlagsmithHasFeature', at(billing, "StoreUtils.getFlagsmithHasFeature('payments_enabled')")),
      read('read_only_mode', 'isReadOnly', at(billing, 'StoreUtils.isReadOnly()')),
      read('butter_bar', 'remote', at(billing, "FlagDefaults.remote('butter_bar')")),
    ]);
    // The spread member is Utils' own wrapper, not a copy.
    expect(reads[0].wrapper).toMatchObject({ file: utils, name: 'getFlagsmithHasFeature' });
    expect(reads[2].wrapper).toMatchObject({ file: file('src/common/flags/flag-defaults.ts'), exported: true, keyParam: 0 });
  });

  it('matches static calls through the class, not instance calls of a method of the same name', () => {
    const settings = file('src/web/pages/Settings.tsx');
    expect(summarize(project.readsIn(settings))).toEqual([
      read('read_only_mode', 'on', at(settings, "FeatureGate.on('read_only_mode')")),
      read('platform_hub', 'beta', at(settings, "flagHelpers.beta('platform_hub')")),
      read(null, 'getFlagsmithHasFeature', at(settings, 'Utils.getFlagsmithHasFeature(window')),
    ]);
    // `FeatureGate.describe` forwards its own parameter to the wrapper: a dynamic read.
    expect(summarize(project.readsIn(gate))).toEqual([read(null, 'on', at(gate, 'FeatureGate.on(key)'))]);
  });

  it('does not match another object with the same member names, or a parameter named like the object', () => {
    expect(project.readsIn(file('src/legacy/widgets.ts'))).toEqual([]);
    // The per-flag member's own read is reported in its body.
    expect(summarize(project.readsIn(utils))).toEqual([read('new_nav', 'flagsmith.hasFeature', at(utils, "flagsmith.hasFeature('new_nav')"), { inWrapper: true })]);
  });
});
