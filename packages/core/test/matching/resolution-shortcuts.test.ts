/**
 * ModuleResolver answers the commonest imports without TypeScript (resolution-shortcuts.ts).
 * Every answer it gives must be TypeScript's own: each import below, in projects with `paths`,
 * `baseUrl`, none, and options the shortcuts leave to TypeScript, is resolved both ways.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type ts from '../../src/typescript.cjs';
import { ModuleResolver } from '../../src/matching/module-resolver.js';
import { nodeSourceHost } from '../../src/matching/source-host.js';

const APP = {
  'src/flags.ts': 'export const A = 1;\n',
  'src/flags.tsx': 'export const B = 1;\n',
  'src/Banner.tsx': 'export default 1;\n',
  'src/Banner.styles.tsx': 'export const s = 1;\n',
  'src/Theme.styles.ts': 'export const t = 1;\n',
  'src/Theme.d.styles.ts': 'export declare const t: 1;\n',
  'src/legacy.js': 'exports.x = 1;\n',
  'src/types.d.ts': 'export type T = 1;\n',
  'src/lodash.debounce.ts': 'export default 1;\n',
  'src/cart/index.ts': 'export const Cart = 1;\n',
  'src/cart/Cart.ts': "import { A } from '../flags';\nexport const C = A;\n",
  'src/widget/package.json': '{ "main": "./main.ts" }\n',
  'src/widget/main.ts': 'export const W = 1;\n',
  'src/widget/index.ts': 'export const I = 1;\n',
  'src/deep/nested/Page.tsx': 'export default 1;\n',
  'lib/shared/util.ts': 'export const u = 1;\n',
};

const PROJECTS: Record<string, { tsconfig?: object; manifest?: object; files: Record<string, string>; nodeModules?: boolean }> = {
  // Unleash's frontend: every bare name is mapped into src first.
  paths: { tsconfig: { compilerOptions: { paths: { '*': ['./src/*'], '@lib/*': ['./lib/*', './src/*'], exact: ['./src/flags'], 'two/*/stars/*': ['./src/*'] } } }, files: APP },
  base: { tsconfig: { compilerOptions: { baseUrl: './src' } }, files: APP },
  plain: { manifest: { name: 'plain-app', exports: './src/cart/index.ts' }, files: APP },
  noexports: { manifest: { name: 'noexports' }, files: APP },
  installed: { files: APP, nodeModules: true },
  suffixes: { tsconfig: { compilerOptions: { moduleSuffixes: ['.ios', ''] } }, files: APP },
  rootdirs: { tsconfig: { compilerOptions: { rootDirs: ['./src', './lib'] } }, files: APP },
};

const SPECIFIERS = [
  './flags', '../flags', './flags.js', './flags.ts', './flags.tsx', './Banner', './Banner.tsx', './Banner.jsx', './Banner.js',
  './Banner.styles', './Theme.styles', './Missing.styles', './App.module.scss', './legacy', './legacy.js', './types', './types.d.ts',
  './lodash.debounce', './cart', './cart/', '../cart', './widget', './nowhere', './nowhere/deeper', './deep/nested/Page', '.', '..',
  'flags', 'cart', 'cart/Cart', 'widget', 'deep/nested/Page', 'Banner.styles', 'lodash.debounce', 'react', '@mui/material', '@mui/icons-material/Close',
  'node:fs', 'fs', '#internal', 'plain-app', 'plain-app/cart', 'noexports', 'exact', '@lib/shared/util', '@lib/flags', 'two/x/stars/y',
  'assets/logo.svg?react', 'shared/util', '../lib/shared/util',
];

let root: string;

beforeAll(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-resolution-shortcuts-')));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  for (const [name, project] of Object.entries(PROJECTS)) {
    if (project.tsconfig) write(`${name}/tsconfig.json`, JSON.stringify(project.tsconfig));
    if (project.manifest) write(`${name}/package.json`, JSON.stringify(project.manifest));
    for (const [rel, text] of Object.entries(project.files)) write(`${name}/${rel}`, text);
    if (project.nodeModules) write(`${name}/node_modules/react/index.d.ts`, 'export {};\n');
  }
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

interface Internals {
  shortcut(specifier: string, fromFile: string, options: ts.CompilerOptions): string | null | undefined;
  resolvedName(specifier: string, fromFile: string, options: ts.CompilerOptions, cache: ts.ModuleResolutionCache): string | null;
  resolverFor(config: unknown): { options: ts.CompilerOptions; cache: ts.ModuleResolutionCache };
  tsconfigs: { configFor(file: string): unknown };
}

describe('resolution shortcuts', () => {
  it("give TypeScript's answer whenever they answer", () => {
    const answered: Record<string, string | null> = {};
    let asked = 0;
    for (const name of Object.keys(PROJECTS)) {
      const resolver = new ModuleResolver(path.join(root, name), nodeSourceHost, undefined) as unknown as Internals;
      for (const importer of ['src/cart/Cart.ts', 'src/deep/nested/Page.tsx', 'lib/shared/util.ts', 'src/Banner.tsx']) {
        const from = path.join(root, name, importer);
        const { options, cache } = resolver.resolverFor(resolver.tsconfigs.configFor(from));
        for (const specifier of SPECIFIERS) {
          const quick = resolver.shortcut(specifier, from, options);
          const slow = resolver.resolvedName(specifier, from, options, cache);
          asked++;
          if (quick === undefined) continue;
          expect(quick, `${specifier} from ${name}/${importer}`).toBe(slow);
          answered[`${name}: ${specifier} from ${importer}`] = quick && path.relative(path.join(root, name), quick);
        }
      }
    }
    // They do answer most of these, files and nothing alike: a shortcut that gave up would pass the loop above.
    expect(Object.keys(answered).length).toBeGreaterThan(asked / 2);
    expect(answered['paths: flags from src/cart/Cart.ts']).toBe('src/flags.ts');
    expect(answered['paths: ./Banner.styles from src/Banner.tsx']).toBe('src/Banner.styles.tsx');
    expect(answered['paths: ./Theme.styles from src/Banner.tsx']).toBe('src/Theme.d.styles.ts');
    expect(answered['paths: ./Banner.js from src/Banner.tsx']).toBe('src/Banner.tsx');
    expect(answered['paths: ./flags.tsx from src/Banner.tsx']).toBe('src/flags.tsx');
    expect(answered['paths: ../cart from src/deep/nested/Page.tsx']).toBeNull();
    expect(answered['paths: ./cart from src/Banner.tsx']).toBe('src/cart/index.ts');
    expect(answered['paths: @lib/flags from src/Banner.tsx']).toBe('src/flags.ts');
    expect(answered['paths: @mui/material from src/Banner.tsx']).toBeNull();
    expect(answered['paths: node:fs from src/Banner.tsx']).toBeNull();
    expect(answered['base: deep/nested/Page from src/Banner.tsx']).toBe('src/deep/nested/Page.tsx');
    expect(answered['noexports: noexports from src/Banner.tsx']).toBeNull();
    expect(answered['paths: ./App.module.scss from src/Banner.tsx']).toBeNull();
    // Left to TypeScript: a folder with a package.json, node_modules, a self-reference, suffixes, rootDirs.
    expect('paths: ./widget from src/Banner.tsx' in answered).toBe(false);
    expect('installed: react from src/Banner.tsx' in answered).toBe(false);
    expect('plain: plain-app/cart from src/Banner.tsx' in answered).toBe(false);
    expect(Object.keys(answered).some((k) => k.startsWith('suffixes:') || k.startsWith('rootdirs: ./'))).toBe(false);
  });
});
