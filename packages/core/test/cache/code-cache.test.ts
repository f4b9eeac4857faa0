/**
 * requireWithCodeCache (the ESLint plugin's bundle is loaded through it): V8's code cache kept
 * per content of the file, refreshed when a run compiled more than it holds. Real processes,
 * since the cache is about how a process starts.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const CODE_CACHE = path.join(import.meta.dirname, '..', '..', 'dist', 'cache', 'code-cache.cjs');

let dir: string;
let cache: string;
let bundle: string;

/** A module with a function that only runs when asked to (so its compiled code only then exists). */
function writeBundle(extra = ''): void {
  const helpers = Array.from({ length: 40 }, (_, i) => `function helper${i}(x) { return [x, ${i}].map((v) => String(v).padStart(${i % 7}, '0')).join('-'); }`).join('\n');
  fs.writeFileSync(bundle, `${helpers}\nexports.answer = () => 42;\nexports.work = () => [${Array.from({ length: 40 }, (_, i) => `helper${i}(1)`).join(', ')}].length;\n${extra}`);
}

function run(body: string, setting = cache): string {
  const script = `const { requireWithCodeCache } = require(${JSON.stringify(CODE_CACHE)}); const m = requireWithCodeCache(${JSON.stringify(bundle)}); ${body}`;
  return execFileSync(process.execPath, ['-e', script], { env: { ...process.env, FLAGDEBT_COMPILE_CACHE: setting }, encoding: 'utf8' });
}

const cacheFiles = () => fs.readdirSync(cache).filter((f) => f.endsWith('.v8cache'));

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-code-cache-'));
  cache = path.join(dir, 'cache');
  bundle = path.join(dir, 'plugin.cjs');
  writeBundle();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('requireWithCodeCache', () => {
  it('runs the module, writes its cache at exit, and a later process uses it as it is', () => {
    expect(run('process.stdout.write(String(m.work()))')).toBe('40');
    expect(cacheFiles()).toEqual([expect.stringMatching(new RegExp(`^plugin\\.cjs-[0-9a-f]{16}-${process.version}-${process.arch}\\.v8cache$`))]);
    const file = path.join(cache, cacheFiles()[0]);
    fs.utimesSync(file, new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(run('process.stdout.write(String(m.work()))')).toBe('40');
    // Accepted and no larger: not written again.
    expect(fs.statSync(file).mtime.getFullYear()).toBe(2000);
  });

  it('replaces a thin cache (a first run that only loaded the module) once a run compiles more', () => {
    run('process.stdout.write(String(m.answer()))');
    const file = path.join(cache, cacheFiles()[0]);
    const thin = fs.statSync(file).size;
    run('process.stdout.write(String(m.work()))');
    expect(fs.statSync(file).size).toBeGreaterThan(thin);
  });

  it('keeps one cache per content: a rebuilt module gets its own, and the old one goes', () => {
    run('m.work()');
    const [before] = cacheFiles();
    writeBundle('exports.more = 1;\n');
    expect(run('process.stdout.write(String(m.more))')).toBe('1');
    expect(cacheFiles()).toHaveLength(1);
    expect(cacheFiles()[0]).not.toBe(before);
  });

  it('replaces a damaged cache, and runs all the same where none can be written or caching is off', () => {
    run('m.work()');
    const file = path.join(cache, cacheFiles()[0]);
    fs.writeFileSync(file, 'not a code cache');
    expect(run('process.stdout.write(String(m.work()))')).toBe('40');
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    const notADirectory = path.join(dir, 'file');
    fs.writeFileSync(notADirectory, 'x');
    expect(run('process.stdout.write(String(m.answer()))', path.join(notADirectory, 'cache'))).toBe('42');
    fs.rmSync(cache, { recursive: true });
    expect(run('process.stdout.write(String(m.answer()))', '0')).toBe('42');
    expect(fs.existsSync(cache)).toBe(false);
  });
});

describe('requireWithCacheOnDemand', () => {
  /** Loads the bundle through it in a fresh process; `body` sees `m` (the exports) and `save`. */
  function onDemand(body: string, file = path.join(cache, 'bundle.v8cache')): string {
    const script = `const { requireWithCacheOnDemand } = require(${JSON.stringify(CODE_CACHE)}); const { exports: m, save } = requireWithCacheOnDemand(${JSON.stringify(bundle)}, ${JSON.stringify(file)}); ${body}`;
    return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  }
  const file = () => path.join(cache, 'bundle.v8cache');

  it('writes the cache only when asked, once, and a later process uses it as it is', () => {
    // Not at exit (a worker thread is terminated, it never gets there): only through save().
    expect(onDemand('process.stdout.write(String(m.work()))')).toBe('40');
    expect(fs.existsSync(file())).toBe(false);
    expect(onDemand('m.work(); process.stdout.write(String([save(), save()]))')).toBe('true,false');
    const written = fs.statSync(file()).size;
    fs.utimesSync(file(), new Date(2000, 0, 1), new Date(2000, 0, 1));
    // Accepted: nothing to save.
    expect(onDemand('process.stdout.write(String([m.work(), save()]))')).toBe('40,false');
    expect(fs.statSync(file()).mtime.getFullYear()).toBe(2000);
    expect(fs.statSync(file()).size).toBe(written);
  });

  it('replaces a damaged cache, registers the module for a later require, and runs where no cache can be written', () => {
    fs.mkdirSync(cache, { recursive: true });
    fs.writeFileSync(file(), 'not a code cache');
    expect(onDemand(`process.stdout.write(String([save(), require(${JSON.stringify(bundle)}) === m]))`)).toBe('true,true');
    expect(fs.statSync(file()).size).toBeGreaterThan(1000);
    const notADirectory = path.join(dir, 'file');
    fs.writeFileSync(notADirectory, 'x');
    expect(onDemand('process.stdout.write(String([m.answer(), save()]))', path.join(notADirectory, 'c.v8cache'))).toBe('42,false');
  });
});
