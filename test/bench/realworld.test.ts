/**
 * bench/realworld.mjs's own parts: the export of a mirrored commit (with the `cat-file`
 * fallback a snapshot that lacks blobs needs) and the dev set's scoring rules.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM benchmark modules, without type declarations
import { exportCommit } from '../../bench/realworld-export.mjs';
// @ts-expect-error plain ESM benchmark modules, without type declarations
import { score } from '../../bench/realworld-score.mjs';

interface Exported {
  how: string;
  missing: string[];
}
const exportTree = exportCommit as (gitDir: string, commit: string, dir: string) => Promise<Exported>;

describe('export of a commit', () => {
  let tmp: string;
  let gitDir: string;
  let commit: string;
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: path.join(tmp, 'src'),
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
    }).trim();

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'realworld-export-'));
    const src = path.join(tmp, 'src');
    fs.mkdirSync(path.join(src, 'apps/web/src'), { recursive: true });
    fs.mkdirSync(path.join(src, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(src, 'apps/web/src/flags.ts'), "export const useNewNav = () => useFlag('new-nav');\n");
    fs.writeFileSync(path.join(src, 'apps/web/package.json'), '{ "name": "@acme/web" }\n');
    fs.writeFileSync(path.join(src, 'assets/hero.png'), 'a large image the snapshot left out\n');
    fs.writeFileSync(path.join(src, 'build.sh'), '#!/bin/sh\necho build\n', { mode: 0o755 });
    fs.symlinkSync('apps/web/src/flags.ts', path.join(src, 'flags-link.ts'));
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'fixture');
    commit = git('rev-parse', 'HEAD');
    gitDir = path.join(tmp, 'bare.git');
    execFileSync('git', ['clone', '-q', '--bare', src, gitDir]);
  });

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('uses git archive when every blob is there, then the cached tree', async () => {
    const out = path.join(tmp, 'whole');
    expect(await exportTree(gitDir, commit, out)).toMatchObject({ how: 'archive', missing: [] });
    expect(fs.readFileSync(path.join(out, 'apps/web/src/flags.ts'), 'utf8')).toContain("useFlag('new-nav')");
    fs.writeFileSync(path.join(out, 'flagdebt.config.json'), '{}\n');
    expect((await exportTree(gitDir, commit, out)).how).toBe('cached');
    expect(fs.existsSync(path.join(out, 'flagdebt.config.json'))).toBe(true);
  });

  it('falls back to ls-tree + cat-file and skips a missing blob', async () => {
    const partial = path.join(tmp, 'partial.git');
    execFileSync('git', ['clone', '-q', '--bare', '--no-local', path.join(tmp, 'src'), partial]);
    // Unpack so the image's blob is one loose object that can be taken away, as a snapshot does.
    const packs = path.join(partial, 'objects/pack');
    for (const pack of fs.readdirSync(packs).filter((f) => f.endsWith('.pack'))) {
      const moved = path.join(tmp, pack);
      fs.renameSync(path.join(packs, pack), moved);
      fs.rmSync(path.join(packs, pack.replace(/\.pack$/, '.idx')));
      execFileSync('git', [`--git-dir=${partial}`, 'unpack-objects', '-q'], { input: fs.readFileSync(moved) });
    }
    const blob = execFileSync('git', [`--git-dir=${partial}`, 'rev-parse', `${commit}:assets/hero.png`], { encoding: 'utf8' }).trim();
    fs.rmSync(path.join(partial, 'objects', blob.slice(0, 2), blob.slice(2)));

    const out = path.join(tmp, 'partial');
    expect(await exportTree(partial, commit, out)).toEqual({ how: 'cat-file', missing: ['assets/hero.png'] });
    expect(fs.existsSync(path.join(out, 'assets/hero.png'))).toBe(false);
    expect(fs.readFileSync(path.join(out, 'apps/web/src/flags.ts'), 'utf8')).toContain("useFlag('new-nav')");
    expect(fs.statSync(path.join(out, 'build.sh')).mode & 0o111).not.toBe(0);
    expect(fs.readlinkSync(path.join(out, 'flags-link.ts'))).toBe('apps/web/src/flags.ts');
    expect(fs.existsSync(`${out}.part`)).toBe(false);
  });
});

describe('scoring against hand-checked reads', () => {
  const ref = (flag: string, file: string, line: number, kind = 'evaluation', test = false) => ({ flag, file, line, column: 1, kind, test, via: 'useFlag' });
  const reads = [
    { file: 'src/nav.tsx', line: 10, flag: 'new-nav', shape: 'useFlag' },
    { file: 'src/nav.tsx', line: 40, flag: 'new-nav', shape: 'JSX gate' },
    { file: 'src/cart.ts', line: 5, flag: 'new-cart', shape: 'X.key' },
  ];

  it('finds a read within 3 lines of an evaluation of the same flag in the same file', () => {
    const result = {
      references: [
        ref('new-nav', 'src/nav.tsx', 13), // 3 lines off: found
        ref('new-nav', 'src/nav.tsx', 44), // 4 lines off: neither found nor matching
        ref('new-cart', 'src/nav.tsx', 5), // other file
        ref('new-cart', 'src/cart.ts', 5, 'declaration'), // not an evaluation
        ref('new-cart', 'src/cart.test.ts', 5, 'evaluation', true), // a test: not counted
        ref('other', 'src/cart.ts', 5), // an unchecked flag: not counted
      ],
      unused: [{ flag: 'new-cart' }, { flag: 'old-banner' }],
    };
    const s = score(result, reads);
    expect(s).toMatchObject({ reads: 3, flags: 2, found: 1, evaluations: 3, matched: 1, unused: ['new-cart'] });
    expect(s.recall).toBeCloseTo(1 / 3);
    expect(s.precision).toBeCloseTo(1 / 3);
    expect(s.misses.map((m: { line: number }) => m.line)).toEqual([40, 5]);
    expect(s.misses[1].nearby).toEqual(['declaration new-cart via useFlag @5', 'evaluation other via useFlag @5']);
    expect(s.falseHits.map((r: { file: string; line: number }) => `${r.file}:${r.line}`)).toEqual(['src/nav.tsx:44', 'src/nav.tsx:5']);
  });

  it('has no precision when no checked flag is evaluated', () => {
    expect(score({ references: [], unused: [] }, reads)).toMatchObject({ found: 0, recall: 0, precision: null });
  });
});
