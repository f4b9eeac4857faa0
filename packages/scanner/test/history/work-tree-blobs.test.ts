import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { history } from '../../src/history/history.js';
import type { HistoryResult } from '../../src/history/types.js';
import { WorkTreeBlobs, objectId } from '../../src/history/work-tree-blobs.js';
import { buildFixtureRepo, git } from './fixture-repo.js';

// History takes a blob from the checkout when the file at its path hashes to the blob's id, and
// from git otherwise. Local edits, line-ending conversions and deleted files must never leak into
// a point: the points of an edited checkout are those of a pristine one.

let tmp: string;

beforeAll(() => {
  tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'flagdebt-work-tree-blobs-test-')));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function hashObject(repo: string, content: Buffer): string {
  return execFileSync('git', ['hash-object', '--stdin'], { cwd: repo, input: content, encoding: 'utf8' }).trim();
}

describe('objectId', () => {
  const contents = [Buffer.alloc(0), Buffer.from('export const x = 1;\n'), Buffer.from('line\r\nline\r\n'), Buffer.from([0, 255, 10, 13, 128, 7])];

  it("is git's id of a blob, SHA-1 and SHA-256", () => {
    const sha1 = path.join(tmp, 'sha1');
    const sha256 = path.join(tmp, 'sha256');
    mkdirSync(sha1);
    mkdirSync(sha256);
    git(sha1, ['init', '-q']);
    git(sha256, ['init', '-q', '--object-format=sha256']);
    for (const content of contents) {
      const id1 = hashObject(sha1, content);
      const id256 = hashObject(sha256, content);
      expect(id1).toHaveLength(40);
      expect(id256).toHaveLength(64);
      expect(objectId(content, 40)).toBe(id1);
      expect(objectId(content, 64)).toBe(id256);
    }
    expect(objectId(contents[1], 12)).toBeUndefined();
  });
});

describe('WorkTreeBlobs', () => {
  let root: string;
  const text = Buffer.from("import { flags } from './client';\n");

  beforeAll(() => {
    root = path.join(tmp, 'tree');
    mkdirSync(path.join(root, 'src', 'folder'), { recursive: true });
    writeFileSync(path.join(root, 'src', 'a.ts'), text);
  });

  it('gives the bytes of a file only when they are the blob', () => {
    const blobs = new WorkTreeBlobs(root);
    const id = objectId(text, 40)!;
    expect(blobs.read('src/a.ts', id)?.equals(text)).toBe(true);
    expect(blobs.read('src/a.ts', objectId(Buffer.from('other'), 40)!)).toBeUndefined();
    expect(blobs.read('src/missing.ts', id)).toBeUndefined();
    expect(blobs.read('src/folder', id)).toBeUndefined();
    expect(blobs.counts).toEqual({ tries: 4, hits: 1 });
  });

  it.skipIf(process.platform === 'win32')('does not wait on a FIFO left where the commit had a file', () => {
    execFileSync('mkfifo', [path.join(root, 'src', 'pipe.ts')]);
    expect(new WorkTreeBlobs(root).read('src/pipe.ts', objectId(text, 40)!)).toBeUndefined();
  });

  it('does not look for a blob that a later commit replaced', () => {
    const id = objectId(text, 40)!;
    const blobs = new WorkTreeBlobs(root, new Map([['src/a.ts', objectId(Buffer.from('later'), 40)]]));
    expect(blobs.read('src/a.ts', id)).toBeUndefined();
    expect(blobs.counts.tries).toBe(0);
    // The path's last change is this very blob (or the path never changed): it is looked for.
    expect(new WorkTreeBlobs(root, new Map([['src/a.ts', id]])).read('src/a.ts', id)?.equals(text)).toBe(true);
  });

  it('stops looking in a work tree that almost never matches', () => {
    const blobs = new WorkTreeBlobs(root);
    const other = objectId(Buffer.from('not on disk'), 40)!;
    for (let i = 0; i < 300; i++) blobs.read('src/a.ts', other);
    expect(blobs.counts.tries).toBe(256);
    expect(blobs.read('src/a.ts', objectId(text, 40)!)).toBeUndefined();
  });
});

describe('history from an edited checkout', () => {
  let repo: string;
  let pristine: HistoryResult;
  let edited: HistoryResult;
  const found: { pristine: number; edited: number; editedPaths: string[] } = { pristine: 0, edited: 0, editedPaths: [] };

  beforeAll(async () => {
    repo = path.join(tmp, 'repo');
    mkdirSync(repo);
    buildFixtureRepo('warehouse', repo);
    const spy = vi.spyOn(WorkTreeBlobs.prototype, 'read');
    pristine = await history({ dir: repo, every: 1 });
    found.pristine = spy.mock.results.filter((r) => r.value !== undefined).length;
    spy.mockClear();

    // Uncommitted: a new unregistered read, CRLF line endings, a deleted module.
    const page = path.join(repo, 'src/search/SearchPage.tsx');
    writeFileSync(page, `${readFileSync(page, 'utf8')}\nexport const localOnly = () => flags.isEnabled('local-only-experiment', false);\n`);
    const client = path.join(repo, 'src/client.ts');
    writeFileSync(client, readFileSync(client, 'utf8').replace(/\n/g, '\r\n'));
    rmSync(path.join(repo, 'src/modes.ts'));
    edited = await history({ dir: repo, every: 1 });
    found.edited = spy.mock.results.filter((r) => r.value !== undefined).length;
    found.editedPaths = spy.mock.calls.filter((_call, i) => spy.mock.results[i].value !== undefined).map(([rel]) => rel);
    spy.mockRestore();
  });

  it('reads unchanged files from the checkout', () => {
    expect(pristine.points.length).toBeGreaterThan(5);
    expect(found.pristine).toBeGreaterThan(5);
  });

  it('gives the points of the commits, not of the edits', () => {
    expect(edited.points).toEqual(pristine.points);
    expect(found.edited).toBeGreaterThan(0);
    expect(found.edited).toBeLessThan(found.pristine);
    expect(found.editedPaths).not.toContain('src/search/SearchPage.tsx');
    expect(found.editedPaths).not.toContain('src/client.ts');
    expect(found.editedPaths).not.toContain('src/modes.ts');
  });
});
