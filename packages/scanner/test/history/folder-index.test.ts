import { describe, expect, it } from 'vitest';
import { FolderIndex } from '../../src/history/folder-index.js';
import type { TreeChange } from '../../src/history/git.js';

const entry = { blob: 'b', mode: '100644' };

/** Every folder of `paths` with its subfolders, as a plain object (the index's whole answer). */
function folders(index: FolderIndex, paths: Iterable<string>): Record<string, string[]> {
  const all = new Set<string>(['']);
  for (const rel of paths) {
    const segs = rel.split('/');
    for (let i = 1; i < segs.length; i++) all.add(segs.slice(0, i).join('/'));
  }
  // Folders that went away too: asked about, they must have no subfolders.
  for (const gone of ['src/legacy', 'src/legacy/old', 'docs', 'tools/bin']) all.add(gone);
  const out: Record<string, string[]> = {};
  for (const folder of [...all].sort()) {
    const names = index.subfolders(folder);
    if (names && names.size > 0) out[folder] = [...names].sort();
  }
  return out;
}

describe('FolderIndex', () => {
  const before = ['README.md', 'src/index.ts', 'src/legacy/old/a.ts', 'src/legacy/b.ts', 'src/app/pages/Home.tsx', 'src/app/pages/Cart.tsx', 'docs/guide.md', 'tools/bin/run.js'];
  const changes: TreeChange[] = [
    { path: 'src/legacy/old/a.ts', before: entry },
    { path: 'src/legacy/b.ts', before: entry },
    { path: 'docs/guide.md', before: entry },
    { path: 'src/app/pages/Cart.tsx', before: entry },
    { path: 'src/index.ts', before: entry, after: { blob: 'c', mode: '100644' } },
    { path: 'src/app/hooks/useCart.ts', after: entry },
    { path: 'packages/ui/src/Button.tsx', after: entry },
    { path: 'tools/bin', before: undefined, after: entry },
    { path: 'tools/bin/run.js', before: entry },
  ];
  const after = ['README.md', 'src/index.ts', 'src/app/pages/Home.tsx', 'src/app/hooks/useCart.ts', 'packages/ui/src/Button.tsx', 'tools/bin'];

  it('brought forward by changes, answers as one made from the new tree', () => {
    const first = FolderIndex.of(before);
    const next = first.after(changes);
    expect(folders(next, after)).toEqual(folders(FolderIndex.of(after), after));
    // Folders left empty are gone, new ones are there, a file replacing a folder is no folder.
    expect(next.subfolders('src')).toEqual(new Set(['app']));
    expect(next.subfolders('')).toEqual(new Set(['src', 'packages', 'tools']));
    expect(next.subfolders('tools')).toBeUndefined();
  });

  it('leaves the index it came from as it was', () => {
    const first = FolderIndex.of(before);
    const snapshot = folders(first, before);
    first.after(changes);
    expect(folders(first, before)).toEqual(snapshot);
    expect(first.subfolders('src')).toEqual(new Set(['legacy', 'app']));
  });
});
