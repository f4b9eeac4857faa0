import { describe, expect, it } from 'vitest';
import type { Accessor } from '../../src/index.js';
import { at, declSummary, openFixture, read, summarize } from './helpers.js';

/** A medusa-like service: typed `FlagSettings` objects (not `as const`) read as `X.key`. */
const ACCESSORS: Accessor[] = [
  { call: 'isFeatureEnabled', keyArg: 0 },
  { call: 'FeatureFlagDecorators', keyArg: 0 },
  { call: 'FeatureFlagColumn', keyArg: 0 },
  { call: 'FeatureFlagEntity', keyArg: 0 },
];

describe('typed key objects and arrays of keys', () => {
  it('resolves X.key of const-bound typed objects: default exports, `export default {…} as T`, re-exports, const aliases', () => {
    const { project, file } = openFixture('typed-key-objects', ACCESSORS);
    const service = file('src/services/cart.ts');
    const reads = project.readsIn(service);
    expect(summarize(reads)).toEqual([
      read('sales_channels', 'isFeatureEnabled', at(service, 'this.featureFlagRouter_.isFeatureEnabled(SalesChannelFeatureFlag')),
      read('tax_inclusive_pricing', 'isFeatureEnabled', at(service, 'this.featureFlagRouter_.isFeatureEnabled(taxKey')),
      read('medusa_v2', 'isFeatureEnabled', at(service, 'this.featureFlagRouter_.isFeatureEnabled([')),
      read('sales_channels', 'isFeatureEnabled', at(service, 'this.featureFlagRouter_.isFeatureEnabled([')),
      // Written at run time in its module (`AnalyticsFeatureFlag.key = key`): not a constant.
      read(null, 'isFeatureEnabled', at(service, 'this.featureFlagRouter_.isFeatureEnabled(AnalyticsFeatureFlag')),
    ]);
    // Each element of an array of keys is its own reference, marked so the codemod leaves the call alone.
    expect(reads.map((r) => r.keyInArray ?? false)).toEqual([false, false, true, true, false]);
    const text = project.sourceFile(service).text;
    expect(text.slice(reads[2].keySpan!.start, reads[2].keySpan!.end)).toBe('MedusaV2Flag.key');
    expect(text.slice(reads[3].keySpan!.start, reads[3].keySpan!.end)).toBe('"sales_channels"');
  });

  it('reads decorator gates, with arrays of keys; an unresolved element is a dynamic read that loses no literal one', () => {
    const { project, file } = openFixture('typed-key-objects', ACCESSORS);
    const model = file('src/models/cart.ts');
    const reads = project.readsIn(model);
    expect(summarize(reads)).toEqual([
      read('medusa_v2', 'FeatureFlagEntity', at(model, 'FeatureFlagEntity([')),
      read('sales_channels', 'FeatureFlagEntity', at(model, 'FeatureFlagEntity([')),
      read('sales_channels', 'FeatureFlagColumn', at(model, 'FeatureFlagColumn(SalesChannelFeatureFlag')),
      read('sales_channels', 'FeatureFlagDecorators', at(model, 'FeatureFlagDecorators(SalesChannelFeatureFlag')),
      read('medusa_v2', 'FeatureFlagDecorators', at(model, 'FeatureFlagDecorators(\n')),
      read('sales_channels', 'FeatureFlagDecorators', at(model, 'FeatureFlagDecorators(\n')),
      read('tax_inclusive_pricing', 'FeatureFlagColumn', at(model, 'FeatureFlagColumn(TaxInclusive')),
      read('tax_inclusive_pricing', 'FeatureFlagDecorators', at(model, 'FeatureFlagDecorators([Tax')),
      read(null, 'FeatureFlagDecorators', at(model, 'FeatureFlagDecorators([Tax')),
    ]);
    const dynamic = reads[8];
    expect(dynamic.keyInArray).toBe(true);
    expect(project.sourceFile(model).text.slice(dynamic.keySpan!.start, dynamic.keySpan!.end)).toBe('extraFlag');
  });

  it('resolves keys through CommonJS requires: destructured and whole-module bindings', () => {
    const { project, file } = openFixture('typed-key-objects', ACCESSORS);
    const migrate = file('src/commands/migrate.js');
    expect(summarize(project.readsIn(migrate))).toEqual([
      read('medusa_v2', 'isFeatureEnabled', at(migrate, 'featureFlagRouter.isFeatureEnabled(MedusaV2Flag')),
      read('sales_channels', 'isFeatureEnabled', at(migrate, 'featureFlagRouter.isFeatureEnabled(flags.')),
    ]);
  });

  it('declares only the property a read resolved through, not the settings around it', () => {
    const { project, file } = openFixture('typed-key-objects', ACCESSORS);
    project.readsIn(file('src/services/cart.ts'));
    const sales = file('src/loaders/feature-flags/sales-channels.ts');
    const tax = file('src/loaders/feature-flags/tax-inclusive-pricing.ts');
    expect(declSummary(project.declarationsIn(sales))).toEqual([
      { key: 'sales_channels', declKind: 'const-object-property', container: 'SalesChannelFeatureFlag', ...at(sales, 'key: "sales_channels"') },
    ]);
    expect(declSummary(project.declarationsIn(tax))).toEqual([
      { key: 'tax_inclusive_pricing', declKind: 'const-object-property', container: 'default', ...at(tax, 'key: "tax_inclusive_pricing"') },
    ]);
    // Mutated in its module: not a key source, so nothing declared.
    expect(project.declarationsIn(file('src/loaders/feature-flags/analytics.ts'))).toEqual([]);
  });
});
