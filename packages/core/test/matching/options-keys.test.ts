import { describe, expect, it } from 'vitest';
import type { Accessor } from '../../src/index.js';
import { at, openFixture, read, summarize } from './helpers.js';

/** Keys passed as a property of an options object (`keyProperty`). */
const ACCESSORS: Accessor[] = [
  { call: 'featureFlags', keyArg: 0, keyProperty: 'flag_key' },
  { call: 'withWorkspace', keyArg: 1, keyProperty: 'featureFlag' },
  { call: 'getFlag.execute', keyArg: 0, keyProperty: 'key' },
];

describe('keys in an options object (keyProperty)', () => {
  const { project, file } = openFixture('options-keys', ACCESSORS);

  it('reads the key property of an object literal, of a local const, and forwards it through wrappers; a spread stays dynamic', () => {
    const customers = file('src/services/customers.ts');
    const reads = project.readsIn(customers);
    expect(summarize(reads)).toEqual([
      // `customersEnabled`, `intakeEnabled` and `bulkOps` return their read (or its `value`): wrappers, these their own reads.
      read('CUSTOMERS', 'featureFlags', at(customers, 'featureFlags({ workspace_slug, user_id, flag_key: E_FEATURE_FLAGS.CUSTOMERS'), { inWrapper: true }),
      read('INTAKE_EMAIL', 'featureFlags', at(customers, 'featureFlags(query)'), { inWrapper: true }),
      read(null, 'featureFlags', at(customers, 'featureFlags({ workspace_slug, user_id, ...base })')),
      read('BULK_OPS', 'isWorkspaceFlagOn', at(customers, 'isWorkspaceFlagOn(E_FEATURE_FLAGS.BULK_OPS'), { inWrapper: true }),
    ]);
    // The key span is the property's value, not the whole options object.
    const text = project.sourceFile(customers).text;
    expect(text.slice(reads[0].keySpan!.start, reads[0].keySpan!.end)).toBe('E_FEATURE_FLAGS.CUSTOMERS');
    expect(project.wrappers().map((w) => [w.name, w.keyParam])).toContainEqual(['isWorkspaceFlagOn', 0]);
  });

  it('finds the key in a later argument, and one level of factory around the options (or around a const bound to them); no options is no read', () => {
    const folders = file('src/routes/folders.ts');
    expect(summarize(project.readsIn(folders))).toEqual([
      read('folders', 'withWorkspace', at(folders, 'withWorkspace(listFolders')),
      read('folders', 'withWorkspace', at(folders, 'withWorkspace(async (req)')),
      // `topicsEnabled` returns this read: a wrapper, and this its own read.
      read('topics', 'getFlag.execute', at(folders, 'getFlag.execute('), { inWrapper: true }),
      // The factory's argument is a const of the file bound to the options literal.
      read('topics', 'getFlag.execute', at(folders, 'getFlag.execute(Command.create(topicsCommand')),
    ]);
  });

  it("the SDK's own forwarding helper is a wrapper; the gate inside withWorkspace is dynamic", () => {
    const client = file('src/lib/flag-client.ts');
    expect(summarize(project.readsIn(client))).toEqual([read(null, 'isOnForRequest', at(client, 'isOnForRequest(req, options.featureFlag)'))]);
  });
});

describe('a keyProperty accessor whose name other functions share', () => {
  const { project, file } = openFixture('options-keys', [{ call: 'flag', keyArg: 0, keyProperty: 'key' }]);

  it('reads the options call; a call whose argument is certainly no options object (a string, an array, a `string[]` parameter) is another function, not a dynamic read', () => {
    const bulk = file('src/services/bulk.ts');
    expect(summarize(project.readsIn(bulk))).toEqual([read('BULK_OPS', 'flag', at(bulk, 'flag({ key: E_FEATURE_FLAGS.BULK_OPS'))]);
    expect(project.readsIn(file('src/scripts/reindex.ts'))).toEqual([]);
  });
});
