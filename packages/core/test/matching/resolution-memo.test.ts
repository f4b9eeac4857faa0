/**
 * ModuleResolver keeps TypeScript's answers for bare specifiers by what they depend on (the
 * package scope and the node_modules folders above the importing folder) and for relative ones
 * by the path they name. Sharing an answer must never change it: every import of a small
 * monorepo, resolved by one resolver in turn, must equal a fresh resolver's answer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModuleResolver } from '../../src/matching/module-resolver.js';
import { nodeSourceHost } from '../../src/matching/source-host.js';

const FILES: Record<string, string> = {
  'package.json': '{ "name": "shop", "private": true, "imports": { "#flags": "./src/flags.ts" } }\n',
  'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "*": ["./src/*"], "@ui/*": ["./packages/ui/src/*"] } } }\n',
  'src/flags.ts': "export const Flags = { NewCart: 'new-cart' } as const;\n",
  'src/cart/index.ts': "export { Cart } from './Cart';\n",
  'src/cart/Cart.ts': "import { Flags } from '../flags';\nexport const Cart = Flags.NewCart;\n",
  'src/cart/lines/Line.ts': "import { Flags } from '../../flags';\nimport { Cart } from '..';\nexport const Line = [Flags, Cart];\n",
  'src/checkout/Checkout.ts': "import { Flags } from 'flags';\nimport { Cart } from '../cart';\nexport const Checkout = [Flags, Cart];\n",
  'src/checkout/react.ts': 'export const localReact = 1;\n',
  // A package with its own scope and node_modules: the same bare names resolve otherwise there.
  'packages/ui/package.json': '{ "name": "@shop/ui", "exports": { ".": "./src/index.ts", "./button": "./src/Button.ts" } }\n',
  'packages/ui/src/index.ts': "export { Button } from './Button';\n",
  'packages/ui/src/Button.ts': "import { Flags } from 'flags';\nexport const Button = Flags;\n",
  'packages/ui/src/forms/Field.ts': "import { Button } from '@shop/ui/button';\nexport const Field = Button;\n",
  'packages/ui/node_modules/flags/package.json': '{ "name": "flags", "main": "index.js" }\n',
  'packages/ui/node_modules/flags/index.js': 'exports.Flags = {};\n',
  'packages/ui/node_modules/left-pad/index.ts': 'export default 1;\n',
};

const SPECIFIERS = ['shop-src/flags', 'flags', '#flags', 'react', 'left-pad', '@shop/ui', '@shop/ui/button', '@ui/Button', '../flags', '../../flags', './Button', '..', '../cart', '../cart/', './index', '.', 'cart/Cart', 'checkout/react'];

let root: string;
let importers: string[];

beforeAll(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-resolution-memo-')));
  for (const [rel, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  // A folder of the project linked into one package's node_modules, as a workspace install does.
  fs.symlinkSync('../../../src', path.join(root, 'packages/ui/node_modules/shop-src'), 'dir');
  // And into a folder's own node_modules, inside the root package's scope.
  fs.mkdirSync(path.join(root, 'src/cart/node_modules'));
  fs.symlinkSync('../..', path.join(root, 'src/cart/node_modules/shop-src'), 'dir');
  importers = Object.keys(FILES)
    .filter((rel) => rel.endsWith('.ts'))
    .map((rel) => path.join(root, rel));
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('resolution memo', () => {
  it('answers every import as a fresh resolver does', () => {
    const shared = new ModuleResolver(root, nodeSourceHost, undefined);
    const answers: Record<string, string | null> = {};
    for (const from of importers) {
      for (const specifier of SPECIFIERS) {
        const fresh = new ModuleResolver(root, nodeSourceHost, undefined).resolve(specifier, from);
        const rel = path.relative(root, from);
        expect(shared.resolve(specifier, from), `${specifier} from ${rel}`).toBe(fresh);
        answers[`${specifier} from ${rel}`] = fresh && path.relative(root, fresh);
      }
    }
    // The monorepo does resolve differently by folder: the test would catch a memo that ignored it.
    expect(answers['flags from src/checkout/Checkout.ts']).toBe('src/flags.ts');
    expect(answers['shop-src/flags from packages/ui/src/Button.ts']).toBe('src/flags.ts');
    expect(answers['shop-src/flags from src/checkout/Checkout.ts']).toBeNull();
    expect(answers['shop-src/flags from src/cart/lines/Line.ts']).toBe('src/flags.ts');
    expect(answers['#flags from src/checkout/Checkout.ts']).toBe('src/flags.ts');
    expect(answers['#flags from packages/ui/src/Button.ts']).toBeNull();
    expect(answers['@shop/ui from src/checkout/Checkout.ts']).toBeNull();
    expect(answers['@shop/ui from packages/ui/src/Button.ts']).toBe('packages/ui/src/index.ts');
    expect(answers['../flags from src/cart/Cart.ts']).toBe('src/flags.ts');
    expect(answers['../flags from src/cart/lines/Line.ts']).toBeNull();
    expect(answers['.. from src/cart/lines/Line.ts']).toBe('src/cart/index.ts');
    expect(answers['@shop/ui/button from packages/ui/src/forms/Field.ts']).toBe('packages/ui/src/Button.ts');
  });

  it('forgets what it kept when told files changed', () => {
    const resolver = new ModuleResolver(root, nodeSourceHost, undefined);
    const from = path.join(root, 'src/checkout/Checkout.ts');
    expect(resolver.resolve('./Summary', from)).toBeNull();
    const added = path.join(root, 'src/checkout/Summary.ts');
    fs.writeFileSync(added, 'export const Summary = 1;\n');
    try {
      resolver.clear(added);
      // From another folder, naming the same file: the relative memo must not answer with the old null.
      expect(resolver.resolve('../checkout/Summary', path.join(root, 'src/cart/Cart.ts'))).toBe(added);
    } finally {
      fs.rmSync(added);
    }
  });
});
