/**
 * A scan answers module resolution's probes of missing files from the folders its listing read
 * (`absentFromListing`) instead of the disk. It may only ever say "missing" for what the disk
 * does not have, whatever the case of the name, and must leave unread folders to the disk.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absentFromListing, diskListing, diskScanHost } from '../../src/files/scan-host.js';

const FILES = ['src/App.tsx', 'src/flags.ts', 'src/cart/index.ts', 'src/cart/Cart.styles.tsx', 'dist/bundle.js', 'README.md', 'tsconfig.json', 'src/assets/logo.svg', 'node_modules/react/index.js'];

let root: string;

beforeAll(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-folder-names-')));
  for (const rel of FILES) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), 'x\n');
  }
  fs.symlinkSync('cart', path.join(root, 'src/linked'), 'dir');
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('folder names from the listing', () => {
  it('says missing only for what the disk lacks, and answers the usual probes', () => {
    const { files, folders } = diskListing(root, { include: ['**/*'], exclude: ['**/dist/**'] });
    expect(files).toEqual(diskScanHost.listFiles(root, { include: ['**/*'], exclude: ['**/dist/**'] }));
    const probes = [
      'src/App.ts', 'src/App.tsx', 'src/app.tsx', 'src/APP.TSX', 'src/flags.d.ts', 'src/flags.js', 'src/cart', 'src/cart/index.ts', 'src/cart/index.tsx',
      'src/cart/Cart.styles', 'src/cart/Cart.styles.tsx', 'src/cart/Cart.d.styles.ts', 'src/linked', 'src/linked/index.ts', 'src/@mui/material/index.ts',
      'src/assets/logo.svg?react', 'src/assets/logo.svg', 'node_modules', 'node_modules/react/index.js', 'node_modules/vue/index.js', 'dist/bundle.js',
      'dist/other.js', 'jsconfig.json', 'tsconfig.json', 'TSCONFIG.JSON', 'src/x~1.ts', 'src/trailing.', 'src/../src/App.tsx', 'src/caf\u00e9.ts', '../elsewhere.ts',
    ];
    const answered: string[] = [];
    for (const rel of probes) {
      const abs = path.resolve(root, rel);
      if (!absentFromListing(folders, abs)) continue;
      answered.push(rel);
      expect(fs.existsSync(abs), rel).toBe(false);
    }
    // Missing names in folders the listing read, and below a name such a folder lacks.
    expect(answered).toEqual(expect.arrayContaining(['src/App.ts', 'src/flags.d.ts', 'src/cart/index.tsx', 'src/cart/Cart.styles', 'src/@mui/material/index.ts', 'src/assets/logo.svg?react', 'jsconfig.json']));
    // Never a name the folder holds in another case, nor anything in a folder not read
    // (pruned, node_modules, a link, outside the root), nor names a file system may alias.
    for (const rel of ['src/app.tsx', 'src/APP.TSX', 'TSCONFIG.JSON', 'node_modules/vue/index.js', 'dist/other.js', 'src/linked/index.ts', 'src/x~1.ts', 'src/trailing.', 'src/caf\u00e9.ts', '../elsewhere.ts']) {
      expect(answered, rel).not.toContain(rel);
    }
  });
});
