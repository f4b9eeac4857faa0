/**
 * The lint sees the same reads as the scan on core's monorepo fixtures: keys imported from
 * workspace packages and through each app's own tsconfig aliases resolve (static-key is quiet),
 * and a resolved key missing from the registry is reported (registered).
 */
import fs from 'node:fs';
import path from 'node:path';
import registered from '../src/rules/registered.js';
import staticKey from '../src/rules/static-key.js';
import { createRuleTester } from './rule-tester.js';

const MONOREPOS = path.resolve(import.meta.dirname, '../../core/test/fixtures/monorepo');

function source(repo: string, rel: string): { filename: string; code: string } {
  const filename = path.join(MONOREPOS, repo, rel);
  return { filename, code: fs.readFileSync(filename, 'utf8') };
}

const cart = source('npm-workspaces', 'apps/storefront/src/cart.ts');
const search = source('npm-workspaces', 'apps/storefront/src/search.ts');
const server = source('npm-workspaces', 'apps/storefront/src/server.js');
const web = source('pnpm-aliases', 'apps/web/app/checkout/page.tsx');
const admin = source('pnpm-aliases', 'apps/admin/src/pages/orders.tsx');

createRuleTester().run('static-key (monorepo)', staticKey, {
  valid: [cart, search, server, web, admin],
  invalid: [],
});

createRuleTester().run('registered (monorepo)', registered, {
  valid: [search, server, web, admin],
  invalid: [
    {
      ...cart,
      // Flag.CartUpsell comes from @shop/flags, whose main points at an unbuilt build/.
      errors: [{ messageId: 'unregistered', line: 7, data: { key: 'cart-upsell', registry: 'flags.yaml', didYouMean: '' } }],
    },
  ],
});
