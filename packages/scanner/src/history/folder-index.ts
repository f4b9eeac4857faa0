/**
 * The folders of a commit's tree, for the snapshot's `directoryExists` and `listDirectories`
 * (module resolution asks tens of thousands of times per history run). Made once from the first
 * tree, then brought forward commit by commit from the changes: listing every path of a 20,000-
 * file tree again at each point cost more than the rest of the point's bookkeeping.
 */
import type { TreeChange } from './git.js';

export class FolderIndex {
  private constructor(
    /** Folder (repository-relative, '' for the root) -> names of its subfolders. */
    private readonly children: Map<string, Set<string>>,
    /** Folder -> how many files lie under it, at any depth (the root is not counted). */
    private readonly counts: Map<string, number>,
  ) {}

  static of(paths: Iterable<string>): FolderIndex {
    const index = new FolderIndex(new Map(), new Map());
    const own = new Set<string>();
    for (const rel of paths) index.add(rel, own);
    return index;
  }

  /** The index of the tree after `changes`; this one is left as it is (a snapshot may still ask it). */
  after(changes: readonly TreeChange[]): FolderIndex {
    const next = new FolderIndex(new Map(this.children), new Map(this.counts));
    // The subfolder sets are shared with this index until one is changed.
    const own = new Set<string>();
    for (const change of changes) if (change.before && !change.after) next.remove(change.path, own);
    for (const change of changes) if (!change.before && change.after) next.add(change.path, own);
    return next;
  }

  subfolders(folder: string): ReadonlySet<string> | undefined {
    return this.children.get(folder);
  }

  private add(rel: string, own: Set<string>): void {
    let parent = '';
    for (const name of rel.split('/').slice(0, -1)) {
      const folder = parent === '' ? name : `${parent}/${name}`;
      const count = this.counts.get(folder) ?? 0;
      this.counts.set(folder, count + 1);
      if (count === 0) this.ownSet(parent, own).add(name);
      parent = folder;
    }
  }

  private remove(rel: string, own: Set<string>): void {
    let parent = '';
    for (const name of rel.split('/').slice(0, -1)) {
      const folder = parent === '' ? name : `${parent}/${name}`;
      const count = (this.counts.get(folder) ?? 1) - 1;
      if (count > 0) this.counts.set(folder, count);
      else {
        this.counts.delete(folder);
        this.ownSet(parent, own).delete(name);
        if (this.children.get(parent)?.size === 0) this.children.delete(parent);
      }
      parent = folder;
    }
  }

  /** `folder`'s subfolder set, copied first if it is still shared with the index it came from. */
  private ownSet(folder: string, own: Set<string>): Set<string> {
    let names = this.children.get(folder);
    if (!names || !own.has(folder)) {
      names = new Set(names);
      this.children.set(folder, names);
      own.add(folder);
    }
    return names;
  }
}
