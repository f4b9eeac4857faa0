import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobReader } from '../../src/history/git.js';

/**
 * The batch reader parses `git cat-file --batch` output as it arrives in pipe-sized chunks: an
 * object's content, its header and the newline after it can each be cut anywhere. Blobs of every
 * size class (empty, a few bytes, across many 64 KB chunks, content full of newlines and bytes that
 * look like headers) must come back byte for byte, in request order, with missing ids as undefined.
 */
describe('BlobReader', () => {
  let repo: string;
  const contents: Buffer[] = [];
  const ids: string[] = [];

  beforeAll(() => {
    repo = mkdtempSync(path.join(os.tmpdir(), 'flagdebt-blobs-'));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const big = Buffer.alloc(700_000);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
    const lines = Buffer.from(Array.from({ length: 5000 }, (_, i) => `${'f'.repeat(40)} blob ${i}\n`).join(''));
    contents.push(Buffer.alloc(0), Buffer.from('x'), Buffer.from('export const a = 1;\n'), big, lines, Buffer.from('\n\n\n'), Buffer.from('é ünïcode ✓\n'));
    for (let i = 0; i < 40; i++) contents.push(Buffer.from(`export const flag${i} = '${'k'.repeat(i * 97)}';\n`));
    for (const content of contents) {
      ids.push(execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo, input: content, encoding: 'utf8' }).trim());
    }
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('returns every blob byte for byte, in order, in one batch and one by one', async () => {
    const reader = new BlobReader(repo);
    try {
      const missing = '0123456789abcdef0123456789abcdef01234567';
      const wanted = [...ids, missing, ...ids.slice().reverse()];
      const batch = await Promise.all(reader.readMany(wanted));
      const expected = [...contents, undefined, ...contents.slice().reverse()];
      expect(batch.map((b) => b?.toString('base64'))).toEqual(expected.map((b) => b?.toString('base64')));
      // Single requests after a batch, and interleaved with another batch.
      const single = reader.read(ids[3]);
      const again = reader.readMany([ids[1], ids[0], ids[4]]);
      expect((await single)?.equals(contents[3])).toBe(true);
      expect((await Promise.all(again)).map((b) => b?.toString())).toEqual([contents[1], contents[0], contents[4]].map((b) => b.toString()));
    } finally {
      await reader.close();
    }
  });
});
