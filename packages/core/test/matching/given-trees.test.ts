/**
 * A tree someone else already parsed (typescript-eslint's, in the ESLint plugin) stands in for
 * the project's own parse, but only when it is exactly that: same TypeScript copy, same path,
 * same text, parent links set, no syntax error. Anything else is parsed again, never trusted.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { FlagProject } from '../../src/index.js';
import { ACCESSORS, fixtureDir, summarize } from './helpers.js';

const root = fixtureDir('sealed-wrappers');
const summary = path.join(root, 'src/cart/summary.ts');
const hooks = path.join(root, 'src/flags/hooks.ts');

function parse(file: string, text: string, parents = true, typescript: typeof ts = ts): ts.SourceFile {
  return typescript.createSourceFile(file, text, typescript.ScriptTarget.Latest, parents, typescript.ScriptKind.TS);
}

/** A second, separate instance of the typescript module (as ts-morph bundles one). */
function otherTypeScript(): typeof ts {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('typescript');
  const shared = require.cache[entry];
  delete require.cache[entry];
  try {
    return require('typescript') as typeof ts;
  } finally {
    require.cache[entry] = shared;
  }
}

function project(): FlagProject {
  return new FlagProject({ root, accessors: ACCESSORS, tsconfig: false });
}

describe('a tree parsed elsewhere', () => {
  const text = fs.readFileSync(hooks, 'utf8');
  const expected = summarize(project().readsIn(hooks));

  it('is used as it is, with the same reads as the project would find itself', () => {
    const p = project();
    const tree = parse(hooks, text);
    const sourceFile = vi.spyOn(p, 'sourceFile');
    expect(summarize(p.readsIn(hooks, text, tree))).toEqual(expected);
    // The tree the reads were taken from.
    expect(sourceFile.mock.results.map((r) => r.value)).toEqual([tree]);
    expect(expected.map((r) => r.key)).toEqual(['express-shipping']);
  });

  it('is let go once the reads are taken; a file that resolves through it later gets the text parsed again', () => {
    const p = project();
    const tree = parse(hooks, text);
    p.readsIn(hooks, text, tree);
    const again = p.sourceFile(hooks);
    expect(again).not.toBe(tree);
    expect(again.text).toBe(text);
    expect(summarize(p.readsIn(summary)).map((r) => [r.key, r.via])).toEqual([['express-shipping', 'useExpressShipping']]);
    // The same text linted again keeps what was learnt: no edit, nothing forgotten.
    expect(summarize(p.readsIn(hooks, text, parse(hooks, text)))).toEqual(expected);
  });

  it('keeps nothing of the tree let go, not even its wrappers, but their names', () => {
    const p = project();
    p.readsIn(hooks, text, parse(hooks, text));
    // Taking the reads analysed the wrapper in the borrowed tree; it is dropped with the tree
    // (kept, it would keep the tree).
    expect(p.wrappers()).toEqual([]);
    expect(p.candidateWords()).toContain('useExpressShipping');
  });

  it("keeps an unsaved buffer's text for the files that resolve through it", () => {
    const p = project();
    const buffer = text.replace("'express-shipping'", "'express-v2'");
    p.readsIn(hooks, buffer, parse(hooks, buffer));
    expect(summarize(p.readsIn(summary)).map((r) => [r.key, r.via])).toEqual([['express-v2', 'useExpressShipping']]);
  });

  it('is parsed again when it was made from another text', () => {
    const p = project();
    const stale = parse(hooks, text.replace('express-shipping', 'old-shipping'));
    expect(summarize(p.readsIn(hooks, text, stale))).toEqual(expected);
    expect(p.sourceFile(hooks)).not.toBe(stale);
  });

  it('is parsed again when it belongs to another path', () => {
    const p = project();
    const elsewhere = parse(path.join(root, 'src/flags/other.ts'), text);
    expect(summarize(p.readsIn(hooks, text, elsewhere))).toEqual(expected);
    expect(p.sourceFile(hooks)).not.toBe(elsewhere);
  });

  it('is parsed again when it has no parent links (scope lookup walks up them)', () => {
    const p = project();
    const orphan = parse(hooks, text, false);
    expect(summarize(p.readsIn(hooks, text, orphan))).toEqual(expected);
    expect(p.sourceFile(hooks)).not.toBe(orphan);
  });

  it('is parsed again when it has a syntax error', () => {
    const broken = `${text}\nexport const oops = (;\n`;
    const p = project();
    const tree = parse(hooks, broken);
    const own = summarize(project().readsIn(hooks, broken));
    expect(summarize(p.readsIn(hooks, broken, tree))).toEqual(own);
    expect(p.sourceFile(hooks)).not.toBe(tree);
  });

  it('is parsed again when another copy of TypeScript made it (its syntax kinds may differ)', () => {
    const other = otherTypeScript();
    expect(other).not.toBe(ts);
    const foreign = parse(hooks, text, true, other);
    const p = project();
    expect(summarize(p.readsIn(hooks, text, foreign))).toEqual(expected);
    expect(p.sourceFile(hooks)).not.toBe(foreign);
  });
});
