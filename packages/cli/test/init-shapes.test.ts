import { describe, expect, it } from 'vitest';
import { proposeShapes } from '../src/commands/init-shapes.js';

const ROUTES = `export const routes = [
  { path: '/admin/sessions', title: 'Active sessions', flag: 'session-inspector' },
  { path: '/admin/requests', title: 'Change requests', flag: 'change-requests' },
  { path: '/admin/users', title: 'new-checkout' },
];
`;

const MIGRATION = (key: string) => `import type { MigrationInterface } from 'typeorm';

export const featureFlag = '${key}';

export class Migration implements MigrationInterface {}
`;

const PAGE = `export function Settings() {
  return (
    <>
      <FeatureToggle featureFlag="change-requests"><Requests /></FeatureToggle>
      <FeatureToggle featureFlag={'session-inspector'} showOnlyWhenDisabled><Legacy /></FeatureToggle>
      <Tooltip title="new-checkout" />
    </>
  );
}
`;

describe('init: keys in data and JSX gates', () => {
  const keys = new Set(['session-inspector', 'change-requests', 'new-checkout']);

  it('proposes the property, export and component forms the found keys sit in, most used first', () => {
    const proposals = proposeShapes([ROUTES, MIGRATION('change-requests'), MIGRATION('session-inspector'), PAGE], keys);
    expect(proposals).toEqual([
      { accessor: { property: 'flag' }, reads: 2 },
      { accessor: { export: 'featureFlag' }, reads: 2 },
      { accessor: { component: 'FeatureToggle', keyProp: 'featureFlag' }, reads: 2 },
    ]);
  });

  it('proposes nothing for names that do not say flag, for a single place, or for strings that are no found key', () => {
    expect(proposeShapes([MIGRATION('change-requests'), PAGE.replace(/session-inspector/, 'other')], keys)).toEqual([]);
    expect(proposeShapes([ROUTES], new Set())).toEqual([]);
  });

  it('proposes no form that holds other strings more often than found keys (country flags, a CLI option table)', () => {
    const regions = `export const REGIONS = [
  { name: 'EU', flag: '🇪🇺' },
  { name: 'US', flag: '🇺🇸' },
  { name: 'JP', flag: '🇯🇵' },
];
`;
    expect(proposeShapes([ROUTES, regions], keys)).toEqual([]);
    // As many keys as other strings: still proposed, for review.
    expect(proposeShapes([ROUTES, `export const tags = [{ flag: 'beta' }, { flag: 'new' }];\n`], keys)).toEqual([{ accessor: { property: 'flag' }, reads: 2 }]);
  });
});
