/**
 * The disk host's files are read and decoded in one call (load-sources.ts `readDiskText`); every
 * other host through `readSource` and `screenRaw`. Both must give the same texts and the same
 * problems, whatever the file: binary, huge, minified, multi-byte, malformed UTF-8, missing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSources } from '../../src/files/load-sources.js';
import { diskScanHost } from '../../src/files/scan-host.js';

const FILES: Record<string, string | Buffer> = {
  'plain.ts': "export const on = useFlag('new-cart');\n",
  'bom.ts': '\ufeffexport const x = 1;\n',
  'accents.tsx': `export const t = [\n${`  '${'é'.repeat(60)}',\n`.repeat(50)}];\n`,
  'binary.ts': Buffer.concat([Buffer.from('const a = 1;\n'), Buffer.from([0, 1, 2]), Buffer.alloc(100, 65)]),
  // A NUL past the first 8 KB of bytes but within the first 8 K characters.
  'late-nul.ts': Buffer.concat([Buffer.from('é'.repeat(5000)), Buffer.from([0]), Buffer.from('x')]),
  'huge.ts': 'a'.repeat(3 * 1024 * 1024),
  // Over the byte limit, under it in characters; and under it in bytes, over a third in characters.
  'huge-accents.ts': 'é'.repeat(1100 * 1024),
  'long-accents.ts': `${'é'.repeat(800 * 1024)}\n`,
  'malformed.ts': Buffer.concat([Buffer.from('x'), Buffer.from([0xe2, 0x82]), Buffer.from('y\n'), Buffer.from([0xff, 0xfe]), Buffer.from('ok\n')]),
  'minified.js': 'var a=1;'.repeat(1000),
};

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-load-sources-'));
  for (const [name, content] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), content);
  fs.mkdirSync(path.join(dir, 'folder.ts'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('loadSources', () => {
  it('reads the disk in one call as the raw read would', () => {
    const files = [...Object.keys(FILES), 'folder.ts', 'missing.ts'].map((name) => path.join(dir, name));
    const fast = loadSources(files, diskScanHost);
    const raw = loadSources(files, { ...diskScanHost });
    expect([...fast.texts]).toEqual([...raw.texts]);
    expect(fast.problems).toEqual(raw.problems);
    const name = (file: string) => path.basename(file);
    expect([...fast.texts.keys()].map(name)).toEqual(['plain.ts', 'bom.ts', 'accents.tsx', 'malformed.ts']);
    expect(Object.fromEntries(fast.problems.map((p) => [name(p.file), p.message]))).toEqual({
      'binary.ts': 'binary file (NUL bytes), skipped',
      'late-nul.ts': 'binary file (NUL bytes), skipped',
      'huge.ts': 'file too large (3.0 MB, limit 2 MB), skipped',
      'huge-accents.ts': 'file too large (2.1 MB, limit 2 MB), skipped',
      'long-accents.ts': 'minified file (very long lines), skipped',
      'minified.js': 'minified file (very long lines), skipped',
      'folder.ts': 'could not read: is a directory',
    });
  });
});
