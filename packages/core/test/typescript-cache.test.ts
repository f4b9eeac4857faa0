import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The built shim: the cache is about how Node loads the file, which only a real process shows.
const shim = path.join(import.meta.dirname, '..', 'dist', 'typescript.cjs');
const script = `const ts = require(${JSON.stringify(shim)}); const sf = ts.createSourceFile('a.ts', 'const a = 1;', 99); process.stdout.write(ts.version + ' ' + sf.statements.length);`;

function load(cacheSetting: string): string {
  return execFileSync(process.execPath, ['-e', script], { env: { ...process.env, FLAGDEBT_COMPILE_CACHE: cacheSetting }, encoding: 'utf8' });
}

describe('the compile cache for typescript.js', () => {
  let dir = '';
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const cacheFiles = () => fs.readdirSync(dir).filter((f) => f.endsWith('.v8cache'));

  it('is written by the first process, used as it is by the next, and replaced when V8 rejects it', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-cache-'));
    const version = (JSON.parse(fs.readFileSync(path.join(path.dirname(typescriptEntry()), '..', 'package.json'), 'utf8')) as { version: string }).version;
    expect(load(dir)).toBe(`${version} 1`);
    expect(cacheFiles()).toEqual([`typescript-${version}-${process.version}-${process.arch}.v8cache`]);
    const file = path.join(dir, cacheFiles()[0]);
    const first = fs.readFileSync(file);
    expect(first.length).toBeGreaterThan(100_000);

    fs.utimesSync(file, new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(load(dir)).toBe(`${version} 1`);
    // Accepted: not written again.
    expect(fs.statSync(file).mtime.getFullYear()).toBe(2000);

    fs.writeFileSync(file, 'not a code cache');
    expect(load(dir)).toBe(`${version} 1`);
    expect(fs.readFileSync(file).length).toBeGreaterThan(100_000);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('loads TypeScript all the same where the cache cannot be stored', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-cache-'));
    const notADirectory = path.join(dir, 'file');
    fs.writeFileSync(notADirectory, 'x');
    expect(load(path.join(notADirectory, 'cache'))).toMatch(/^\d+\.\d+\.\d+ 1$/);
    expect(fs.readdirSync(dir)).toEqual(['file']);
  });

  it('is not written when turned off', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-cache-'));
    const before = fs.readdirSync(dir);
    expect(load('0')).toMatch(/^\d+\.\d+\.\d+ 1$/);
    expect(fs.readdirSync(dir)).toEqual(before);
  });
});

function typescriptEntry(): string {
  return execFileSync(process.execPath, ['-e', `process.stdout.write(require.resolve('typescript'))`], { cwd: path.join(import.meta.dirname, '..'), encoding: 'utf8' });
}
