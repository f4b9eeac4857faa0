/**
 * `flagdebt remove` on hostile inputs: the run ends on its own, never prints a stack trace,
 * still rewrites the ordinary file, leaves what it cannot handle byte-for-byte untouched, and
 * keeps what it rewrites faithful (BOM, CRLF, bytes outside the edit).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FLAG,
  GOOD_FILE,
  SYNTAX_ERROR,
  TRICKY_KEYS,
  WITH_BOM,
  WITH_CRLF,
  addSymlinkLoops,
  binaryBytes,
  deeplyNested,
  hostileProject,
  hugeFile,
  minifiedBundle,
  nonUtf8,
  registryYaml,
  type HostileProject,
} from './hostile-project.js';
import { NOW, STACK_LINE, runCli, type CliRun } from './tools.js';
import { testCount } from '../scale.js';

/** A generated file of this many lines (a read every 5,000): 50,000 in `npm run test:long`. */
const HUGE_LINES = testCount(20_000, 50_000);

let project: HostileProject | undefined;
afterEach(() => project?.cleanup());

function open(extra: Parameters<typeof hostileProject>[0]): string {
  project = hostileProject(extra);
  return project.dir;
}

function remove(dir: string, key = FLAG): CliRun {
  const run = runCli(['remove', key, '--value', 'true', '--dir', dir, '--allow-dirty', '--now', NOW]);
  expect(run.timedOut, `flagdebt remove did not finish (${run.ms.toFixed(0)} ms)`).toBe(false);
  expect(run.stderr).not.toMatch(STACK_LINE);
  return run;
}

const read = (dir: string, file: string) => readFileSync(join(dir, file));
const text = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** The ordinary file got the removal: the ON branch is all that is left. */
function expectGoodFileRewritten(dir: string): void {
  const good = text(dir, 'src/good.ts');
  expect(good).not.toContain('hx-flag');
  expect(good).toContain('return `Pay ${total.toFixed(2)} now`;');
  expect(good).not.toContain("return 'Checkout';");
}

describe('flagdebt remove on hostile files', () => {
  it('leaves a file with syntax errors untouched, says so, and still removes the flag elsewhere', () => {
    const dir = open({ 'src/broken.ts': SYNTAX_ERROR });
    const run = remove(dir);
    expect(run.code).toBe(0);
    expect(text(dir, 'src/broken.ts')).toBe(SYNTAX_ERROR);
    expect(run.stdout + run.stderr).toMatch(/src\/broken\.ts/);
    expectGoodFileRewritten(dir);
  });

  it('never rewrites a binary file with a .ts name', () => {
    const bytes = binaryBytes();
    const dir = open({ 'src/blob.ts': bytes });
    expect(remove(dir).code).toBe(0);
    expect(read(dir, 'src/blob.ts').equals(bytes)).toBe(true);
    expectGoodFileRewritten(dir);
  });

  it('finishes on a 5 MB minified bundle and does not corrupt it', () => {
    const bundle = minifiedBundle();
    const dir = open({ 'src/vendor.bundle.ts': bundle });
    expect(remove(dir).code).toBe(0);
    expectGoodFileRewritten(dir);
    const after = text(dir, 'src/vendor.bundle.ts');
    // Untouched, or every read folded on one line with the rest intact.
    if (after !== bundle) {
      expect(after).not.toContain('hx-flag');
      expect(after.split('\n').filter(Boolean)).toHaveLength(1);
      expect(after).toContain('var m1=function(a,b){return a*1+b-(a>b?a:b)};');
    }
  });

  it(`rewrites the reads of a ${HUGE_LINES.toLocaleString('en')}-line file and nothing else`, () => {
    const huge = hugeFile(HUGE_LINES);
    const dir = open({ 'src/generated/rows.ts': huge });
    expect(remove(dir).code).toBe(0);
    const after = text(dir, 'src/generated/rows.ts');
    expect(after).not.toContain('hx-flag');
    // Every read folded to its ON branch; the import that only served them may go.
    const body = (t: string) => t.slice(t.indexOf('export const r0'));
    const expected = body(huge).replace(/export const r(\d+) = flags\.isEnabled\('hx-flag', false\) \? \d+ : -\d+;/g, 'export const r$1 = $1;');
    expect(body(after)).toBe(expected);
  });

  it('survives 10,000 levels of nesting: folds the read, or leaves the file and says so', () => {
    const deep = deeplyNested();
    const dir = open({ 'src/deep.ts': deep });
    const run = remove(dir);
    expect(run.code).toBe(0);
    expectGoodFileRewritten(dir);
    const after = text(dir, 'src/deep.ts');
    if (after === deep) expect(run.stdout + run.stderr).toContain('src/deep.ts');
    else {
      expect(after).not.toContain('hx-flag');
      expect(after.slice(after.indexOf('export const arrays'))).toBe(deep.slice(deep.indexOf('export const arrays')));
    }
  });

  it('keeps bytes that are not UTF-8 exactly as they were', () => {
    const dir = open({ 'src/latin1.ts': nonUtf8() });
    expect(remove(dir).code).toBe(0);
    expectGoodFileRewritten(dir);
    const after = read(dir, 'src/latin1.ts');
    expect(after.includes(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe, 0x80]))).toBe(true);
    expect(after.toString('latin1')).not.toContain('hx-flag');
  });

  it('keeps a BOM and CRLF line endings', () => {
    const dir = open({ 'src/bom.ts': WITH_BOM, 'src/crlf.ts': WITH_CRLF });
    expect(remove(dir).code).toBe(0);
    const bom = text(dir, 'src/bom.ts');
    expect(bom.startsWith('\uFEFF')).toBe(true);
    expect(bom).not.toContain('hx-flag');
    const crlf = text(dir, 'src/crlf.ts');
    expect(crlf).not.toContain('hx-flag');
    expect(crlf.replace(/\r\n/g, '')).not.toContain('\n');
    expect(crlf.endsWith('\r\n')).toBe(true);
  });

  it('terminates on symlink loops and edits the real file once', () => {
    const dir = open({});
    addSymlinkLoops(dir);
    expect(remove(dir).code).toBe(0);
    expectGoodFileRewritten(dir);
  });

  it('removes a key full of regex metacharacters without touching look-alikes', () => {
    const key = 'a.b*c+(d)?[e]';
    const source = [
      "import { flags } from './flags';",
      '',
      `export const exact = flags.isEnabled(${JSON.stringify(key)}) ? 'on' : 'off';`,
      "export const lookAlike = flags.isEnabled('aXbbbc+(d)?[e]') ? 'on' : 'off';",
      ...TRICKY_KEYS.filter((k) => k !== key).map((k, i) => `export const other${i} = flags.isEnabled(${JSON.stringify(k)});`),
      '',
    ].join('\n');
    const dir = open({ 'flags.yaml': registryYaml([FLAG, ...TRICKY_KEYS, 'aXbbbc+(d)?[e]']), 'src/tricky.ts': source });
    expect(remove(dir, key).code).toBe(0);
    const after = text(dir, 'src/tricky.ts');
    expect(after).toContain("export const exact = 'on';");
    expect(after).toContain("export const lookAlike = flags.isEnabled('aXbbbc+(d)?[e]') ? 'on' : 'off';");
    for (const k of TRICKY_KEYS.filter((t) => t !== key)) expect(after).toContain(JSON.stringify(k));
    expect(text(dir, 'flags.yaml')).toMatch(/"a\.b\*c\+\(d\)\?\[e\]":\n(?:\s+.*\n)*?\s+state: archived/);
  });
});

describe('flagdebt remove on hostile registries and configs', () => {
  it('fails with exit 2 and a clear message when the registry is missing, writing nothing', () => {
    const dir = open({ 'flagdebt.config.json': '{ "registry": "config/flags.yaml" }\n' });
    const run = remove(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/config\/flags\.yaml/);
    expect(text(dir, 'src/good.ts')).toBe(GOOD_FILE);
  });

  it('removes an unregistered flag from code with an empty registry (the value is given)', () => {
    const dir = open({ 'flags.yaml': registryYaml([]) });
    const run = remove(dir);
    expect([0, 2]).toContain(run.code);
    if (run.code === 0) expectGoodFileRewritten(dir);
    else expect(run.stderr).toMatch(/hx-flag/);
    expect(text(dir, 'flags.yaml')).toBe(registryYaml([]));
  });

  it('archives one flag among 10,000 and leaves the others as they were', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => (i === 5_000 ? FLAG : `bulk-flag-${i}`));
    const dir = open({ 'flags.yaml': registryYaml(keys) });
    expect(remove(dir).code).toBe(0);
    expectGoodFileRewritten(dir);
    const before = registryYaml(keys).split('\n');
    const after = text(dir, 'flags.yaml').split('\n');
    const changed = after.filter((line, i) => line !== before[i]);
    expect(changed.some((l) => /state: archived/.test(l))).toBe(true);
    expect(after.filter((l) => /state: archived/.test(l))).toHaveLength(1);
  });

  it('asks for --value when the flag is not complete, with exit 2 and no stack trace', () => {
    const dir = open({});
    const run = runCli(['remove', FLAG, '--dir', dir, '--allow-dirty']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--value|value/);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(text(dir, 'src/good.ts')).toBe(GOOD_FILE);
  });
});
