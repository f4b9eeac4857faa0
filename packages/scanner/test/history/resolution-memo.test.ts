import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FlagdebtConfig } from '@flagdebt/core';
import type { TreeChange, TreeEntry } from '../../src/history/git.js';
import { ResolutionMemo } from '../../src/history/resolution-memo.js';

// Which resolved imports survive a commit: the rules `ResolutionMemo.advance` applies, each with
// the entry it must forget and one it must keep.
const root = '/repo';
const abs = (rel: string) => path.join(root, rel);
const key = (fromDir: string, specifier: string) => `${abs(fromDir)}\u0000${specifier}`;

/** A tree of `files` (path -> text); blob ids are the texts themselves. */
function treeOf(files: Record<string, string>): { tree: Map<string, TreeEntry>; text: (blob: string) => string } {
  return { tree: new Map(Object.entries(files).map(([rel, text]) => [rel, { blob: text, mode: '100644' }])), text: (blob) => blob };
}

const added = (rel: string, text = 'export {};'): TreeChange => ({ path: rel, after: { blob: text, mode: '100644' } });
const deleted = (rel: string, text = 'export {};'): TreeChange => ({ path: rel, before: { blob: text, mode: '100644' } });
const edited = (rel: string, before: string, after: string): TreeChange => ({ path: rel, before: { blob: before, mode: '100644' }, after: { blob: after, mode: '100644' } });

function filled(): ResolutionMemo {
  const memo = new ResolutionMemo(root);
  const entries = memo.for({} as FlagdebtConfig);
  entries.set(key('src/app', './keys'), abs('src/app/keys.ts'));
  entries.set(key('src/app', './money'), abs('src/app/money.ts'));
  entries.set(key('src/app', '../flags'), null);
  entries.set(key('src/app', 'react'), null);
  entries.set(key('src/app', '@acme/flags'), abs('packages/flags/src/index.ts'));
  entries.set(key('src/app', '@acme/ui'), null);
  entries.set(key('src/app', '@acme/ui/button'), null);
  entries.set(key('src/app', '@keys'), null);
  return memo;
}

const kept = (memo: ResolutionMemo) => [...memo.current.keys()].map((k) => k.slice(k.indexOf('\u0000') + 1)).sort();

describe('resolved imports kept from one commit to the next', () => {
  it('keeps everything when only texts of source files changed', () => {
    const memo = filled();
    const { tree, text } = treeOf({ 'src/app/keys.ts': 'b' });
    memo.advance(tree, [edited('src/app/keys.ts', 'a', 'b')], text);
    expect(memo.current.size).toBe(8);
    expect(memo.previous).toBeUndefined();
  });

  it('forgets what a deleted file answered, and what it may answer when it comes back', () => {
    const memo = filled();
    const { tree, text } = treeOf({});
    memo.advance(tree, [deleted('src/app/keys.ts')], text);
    // The entry that resolved to it, and package specifiers that resolved to a file; not `react`.
    expect(kept(memo)).toEqual(['../flags', './money', '@acme/ui', '@acme/ui/button', '@keys', 'react']);
    memo.current.set(key('src/app', './keys'), null);
    memo.advance(tree, [added('src/app/keys.ts')], text);
    expect(kept(memo)).not.toContain('./keys');
  });

  it('forgets specifiers an added index file answers to, by its folder name', () => {
    const memo = filled();
    const { tree, text } = treeOf({ 'src/flags/index.ts': 'export {};' });
    memo.advance(tree, [added('src/flags/index.ts')], text);
    expect(kept(memo)).not.toContain('../flags');
    expect(kept(memo)).toContain('./money');
  });

  it('forgets the specifiers of the package whose folder gains a file', () => {
    const memo = filled();
    const { tree, text } = treeOf({ 'packages/ui/package.json': '{"name":"@acme/ui"}', 'packages/ui/src/index.ts': 'export {};' });
    memo.advance(tree, [added('packages/ui/src/index.ts')], text);
    expect(kept(memo)).toEqual(['../flags', './keys', './money', '@keys', 'react']);
  });

  it('forgets an exact tsconfig paths key when any file appears', () => {
    const memo = filled();
    const tsconfig = JSON.stringify({ compilerOptions: { paths: { '@keys': ['./src/app/constants.ts'], '@lib/*': ['./src/lib/*'] } } });
    const { tree, text } = treeOf({ 'tsconfig.json': tsconfig, 'src/app/constants.ts': 'export {};' });
    memo.advance(tree, [added('src/app/constants.ts')], text);
    expect(kept(memo)).not.toContain('@keys');
    expect(kept(memo)).toContain('react');
  });

  it('starts over when a steering file changes what resolution reads, keeping the entries of the commit before', () => {
    const memo = filled();
    const before = memo.current;
    const { tree, text } = treeOf({ 'tsconfig.json': '{"compilerOptions":{"baseUrl":"src"}}' });
    memo.advance(tree, [edited('tsconfig.json', '{}', '{"compilerOptions":{"baseUrl":"src"}}')], text);
    expect(memo.current.size).toBe(0);
    expect(memo.previous).toBe(before);
    // A dependency bump in a package.json changes nothing resolution reads.
    const again = filled();
    again.advance(tree, [edited('package.json', '{"name":"a","dependencies":{"x":"1"}}', '{"name":"a","dependencies":{"x":"2"}}')], text);
    expect(again.current.size).toBe(8);
  });

  it('knows the exact paths keys of tsconfig files that came and went in earlier commits', () => {
    // The tsconfig files are brought forward from commit to commit, not looked for in every tree:
    // one that arrives must count from then on, one that goes must stop counting.
    const tsconfig = JSON.stringify({ compilerOptions: { paths: { '@keys': ['./src/app/constants.ts'] } } });
    const memo = filled();
    const files: Record<string, string> = { 'src/app/keys.ts': 'k' };
    const advance = (changes: TreeChange[] | null) => {
      for (const change of changes ?? []) {
        if (change.after) files[change.path] = change.after.blob;
        else delete files[change.path];
      }
      const { tree, text } = treeOf({ ...files });
      memo.advance(tree, changes, text);
    };
    // Each commit's scans fill the memo again.
    const refill = () => {
      for (const [k, v] of filled().current) memo.current.set(k, v);
    };
    advance([added('src/app/money.ts')]);
    refill();
    advance([added('tsconfig.json', tsconfig)]);
    refill();
    advance([added('src/app/constants.ts')]);
    expect(kept(memo)).not.toContain('@keys');
    refill();
    advance([deleted('tsconfig.json', tsconfig)]);
    refill();
    advance([added('src/app/tax.ts')]);
    expect(kept(memo)).toContain('@keys');
    refill();
    // A tree listed afresh: its own tsconfig files count, not what the last tree had.
    files['tsconfig.json'] = tsconfig;
    advance(null);
    refill();
    advance([added('src/app/fees.ts')]);
    expect(kept(memo)).not.toContain('@keys');
  });

  it('starts over for another config', () => {
    const memo = filled();
    expect(memo.for({} as FlagdebtConfig).size).toBe(0);
  });
});
