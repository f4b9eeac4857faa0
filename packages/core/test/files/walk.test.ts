import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walkFiles } from '@flagdebt/core';
import { diskScanHost, prunedFolders } from '@flagdebt/core/files';

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

/** A small project tree on disk: `files` are relative paths with their contents. */
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-walk-'));
  temporary.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const relative = (root: string, files: string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/')).sort();

describe('walkFiles', () => {
  it('lists every regular file with its absolute path, dot files included', () => {
    const root = tree({ 'src/a.ts': '', 'src/deep/b.tsx': '', '.gitignore': 'out/\n', 'packages/web/.gitignore': '', 'README.md': '' });
    const files = walkFiles(root);
    expect(files.every((f) => path.isAbsolute(f))).toBe(true);
    expect(relative(root, files)).toEqual(['.gitignore', 'README.md', 'packages/web/.gitignore', 'src/a.ts', 'src/deep/b.tsx']);
  });

  it('never enters node_modules or .git, at any depth', () => {
    const root = tree({ 'src/a.ts': '', 'node_modules/x/index.ts': '', 'packages/web/node_modules/y.ts': '', '.git/HEAD': '', 'src/.git/config': '' });
    expect(relative(root, walkFiles(root))).toEqual(['src/a.ts']);
  });

  it('neither follows nor lists symbolic links, so a loop cannot hang it', () => {
    const root = tree({ 'src/a.ts': '', 'shared/b.ts': '' });
    fs.symlinkSync(path.join(root, 'shared'), path.join(root, 'src', 'shared'), 'dir');
    fs.symlinkSync('..', path.join(root, 'src', 'loop'), 'dir');
    fs.symlinkSync(path.join(root, 'src', 'a.ts'), path.join(root, 'src', 'alias.ts'));
    expect(relative(root, walkFiles(root))).toEqual(['shared/b.ts', 'src/a.ts']);
  });

  it('does not enter the folders it is told to prune', () => {
    const root = tree({ 'src/a.ts': '', 'dist/a.js': '', 'packages/web/dist/b.js': '', 'packages/web/distro/c.ts': '' });
    const entered: string[] = [];
    const files = walkFiles(root, {
      prune: (rel) => {
        entered.push(rel);
        return prunedFolders(['**/dist/**'])(rel);
      },
    });
    expect(relative(root, files)).toEqual(['packages/web/distro/c.ts', 'src/a.ts']);
    // Asked once per folder, with `/` separators and relative to the root.
    expect(entered.sort()).toEqual(['dist', 'packages', 'packages/web', 'packages/web/dist', 'packages/web/distro', 'src']);
  });

  it('gives nothing for a folder that does not exist', () => {
    expect(walkFiles(path.join(os.tmpdir(), 'flagdebt-walk-missing-folder'))).toEqual([]);
  });
});

describe('prunedFolders', () => {
  it('prunes only folders that an `X/**` exclude rules out whole', () => {
    const prune = prunedFolders(['**/dist/**', 'generated/**', '**/*.d.ts', '!keep/**', '**']);
    expect(prune('dist')).toBe(true);
    expect(prune('packages/web/dist')).toBe(true);
    expect(prune('generated')).toBe(true);
    expect(prune('src/generated')).toBe(false);
    expect(prune('distro')).toBe(false);
    // A file glob and a negation say nothing about whole folders.
    expect(prune('types')).toBe(false);
    expect(prune('keep')).toBe(false);
  });
});

describe('diskScanHost.listFiles', () => {
  it('lists what `include` matches and `exclude` does not, and every .gitignore', async () => {
    const root = tree({ 'src/a.ts': '', 'src/a.d.ts': '', 'src/notes.md': '', 'build/out.ts': '', '.gitignore': '', 'src/.gitignore': '' });
    const listed = await diskScanHost.listFiles(root, { include: ['**/*.ts'], exclude: ['**/build/**', '**/*.d.ts'] });
    expect(relative(root, listed)).toEqual(['.gitignore', 'src/.gitignore', 'src/a.ts']);
    const docs = await diskScanHost.listFiles(root, { include: ['**/*.md'], exclude: [] });
    expect(relative(root, docs)).toEqual(['.gitignore', 'src/.gitignore', 'src/notes.md']);
  });
});
