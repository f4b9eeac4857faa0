/**
 * The prefetching scan host (files/prefetch.ts) must answer exactly as the disk host: the same
 * listing for any include/exclude, the same bytes, sizes and errors. Its thread runs from the
 * built modules (a worker cannot run TypeScript sources), so this imports dist/.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Files from '../../src/files/index.js';

const dist = (rel: string) => new URL(`../../dist/files/${rel}`, import.meta.url).href;
let files: typeof Files;
let root: string;

const SOURCES: Record<string, string> = {
  'package.json': '{ "name": "shop" }\n',
  '.gitignore': 'coverage\n',
  'src/cart.ts': "import { flags } from './flags';\nexport const v2 = flags.isEnabled('new-cart');\n",
  'src/flags.ts': 'export const flags = { isEnabled: (key: string) => key.length > 3 };\n',
  'src/ui/Cart.tsx': 'export function Cart() {\n  return null;\n}\n',
  'src/types.d.ts': 'declare const x: number;\n',
  'dist/cart.js': 'exports.v2 = true;\n',
  'packages/api/dist/server.js': 'module.exports = {};\n',
  'packages/api/src/server.mts': 'export const port = 3000;\n',
  'scripts/seed.cjs': 'module.exports = 1;\n',
  'README.md': '# shop\n',
};

beforeAll(async () => {
  files = (await import(dist('index.js'))) as typeof Files;
  root = mkdtempSync(path.join(os.tmpdir(), 'flagdebt-prefetch-'));
  for (const [rel, text] of Object.entries(SOURCES)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  // Over the 2 MB limit: only its size is known.
  writeFileSync(path.join(root, 'src/generated.ts'), `export const big = '${'x'.repeat(2 * 1024 * 1024)}';\n`);
  writeFileSync(path.join(root, 'src/secret.ts'), 'export const s = 1;\n');
  chmodSync(path.join(root, 'src/secret.ts'), 0o000);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

function read(host: Files.ScanHost, file: string): unknown {
  try {
    const raw = host.readSource!(file, files.MAX_FILE_BYTES);
    return raw && { size: raw.size, text: raw.bytes && Buffer.from(raw.bytes).toString('utf8') };
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code };
  }
}

describe('prefetching scan host', () => {
  it('lists and reads as the disk host, for the default globs and for others', async () => {
    const { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } = await import(new URL('../../dist/config/defaults.js', import.meta.url).href);
    const cases = [
      { include: [...DEFAULT_INCLUDE], exclude: [...DEFAULT_EXCLUDE] },
      // Enters dist/: the thread did not, so the disk is walked instead.
      { include: ['**/*'], exclude: [] },
      { include: ['src/**'], exclude: ['**/ui/**', '**/*.d.ts'] },
    ];
    for (const options of cases) {
      const host = files.prefetchingScanHost(root);
      const listed = await host.listFiles(root, options);
      expect(listed).toEqual(await files.diskScanHost.listFiles(root, options));
      for (const file of listed) expect(read(host, file), file).toEqual(read(files.diskScanHost, file));
    }
  });

  it("answers from the thread's reads once it has listed the folder", async () => {
    const { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } = await import(new URL('../../dist/config/defaults.js', import.meta.url).href);
    const host = files.prefetchingScanHost(root);
    const listed = await host.listFiles(root, { include: [...DEFAULT_INCLUDE], exclude: [...DEFAULT_EXCLUDE] });
    const cart = path.join(root, 'src/cart.ts');
    expect(listed).toContain(cart);
    // Changed after the thread read it: the host still has the bytes the thread read.
    writeFileSync(cart, 'export const v2 = false;\n');
    try {
      expect(read(host, cart)).toEqual({ size: Buffer.byteLength(SOURCES['src/cart.ts']), text: SOURCES['src/cart.ts'] });
      expect(read(files.diskScanHost, cart)).toEqual({ size: 25, text: 'export const v2 = false;\n' });
    } finally {
      writeFileSync(cart, SOURCES['src/cart.ts']);
    }
  });
});
