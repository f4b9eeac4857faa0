import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceHost } from '../../src/index.js';
import { FlagProject } from '../../src/index.js';
import { ACCESSORS } from './helpers.js';

/** In-memory project: generated inputs that would be silly as fixture files. */
function memoryProject(files: Record<string, string>): { project: FlagProject; abs: (rel: string) => string; store: Map<string, string> } {
  const root = path.resolve('/virtual/app');
  const abs = (rel: string) => path.join(root, rel);
  const store = new Map(Object.entries(files).map(([k, v]) => [abs(k), v]));
  const host: SourceHost = { readFile: (f) => store.get(f), fileExists: (f) => store.has(f) };
  return { project: new FlagProject({ root, accessors: ACCESSORS, host }), abs, store };
}

describe('robustness', () => {
  it('walks 10,000-long chains without recursion, and resolves keys under hundreds of parentheses', () => {
    const { project, abs } = memoryProject({
      'src/chain.ts': `export const total = flags.isEnabled('chain-key')${' + x'.repeat(10_000)};\n`,
      'src/parens.ts': `export const a = flags.isEnabled(${'('.repeat(400)}'deep-key'${')'.repeat(400)});\n`,
      'src/calls.ts': `export const b = ${'wrap('.repeat(300)}flags.isEnabled('inner-key')${')'.repeat(300)};\n`,
    });
    expect(project.readsIn(abs('src/chain.ts')).map((r) => r.key)).toEqual(['chain-key']);
    expect(project.readsIn(abs('src/parens.ts')).map((r) => r.key)).toEqual(['deep-key']);
    expect(project.readsIn(abs('src/calls.ts')).map((r) => [r.key, r.column])).toEqual([['inner-key', 18 + 'wrap('.length * 300]]);
    expect(project.problems(abs('src/chain.ts'))).toEqual([]);
  });

  it('reports, instead of throwing, a file nested too deeply for the parser', () => {
    const depth = 10_000;
    const { project, abs } = memoryProject({
      'src/generated.ts': `export const a = flags.isEnabled(${'('.repeat(depth)}'deep-key'${')'.repeat(depth)});\n`,
    });
    expect(project.readsIn(abs('src/generated.ts'))).toEqual([]);
    expect(project.problems(abs('src/generated.ts'))).toMatchObject([{ severity: 'warning', code: 'matching/too-deep', file: abs('src/generated.ts') }]);
  });

  it('reads what it can from a file with syntax errors', () => {
    const { project, abs } = memoryProject({
      'src/broken.ts': "export function x( {\n  if (flags.isEnabled('still-found')) {\n    return <<< ;\n}\n",
    });
    expect(project.readsIn(abs('src/broken.ts')).map((r) => [r.key, r.line, r.column])).toEqual([['still-found', 2, 7]]);
  });

  it('keeps offsets into the text as given when it starts with a BOM', () => {
    const text = "\uFEFFimport { flags } from './sdk.js';\nflags.isEnabled('bom-key');\n";
    const { project, abs } = memoryProject({ 'src/bom.ts': text });
    const [r] = project.readsIn(abs('src/bom.ts'));
    expect(text.slice(r.span.start, r.span.end)).toBe("flags.isEnabled('bom-key')");
    expect([r.line, r.column]).toEqual([2, 1]);
  });

  it('uses text passed by the caller over the host, and re-resolves after invalidate', () => {
    const { project, abs } = memoryProject({
      'src/keys.ts': "export const K = 'from-disk';\n",
      'src/use.ts': "import { K } from './keys.js';\nflags.isEnabled(K);\n",
    });
    expect(project.readsIn(abs('src/use.ts')).map((r) => r.key)).toEqual(['from-disk']);
    expect(project.readsIn(abs('src/use.ts'), "flags.isEnabled('edited');\n").map((r) => r.key)).toEqual(['edited']);
    project.sourceFile(abs('src/keys.ts'), "export const K = 'edited-key';\n");
    expect(project.readsIn(abs('src/use.ts'), "import { K } from './keys.js';\nflags.isEnabled(K);\n").map((r) => r.key)).toEqual(['edited-key']);
  });

  it('sees a file that appeared on disk once it is invalidated', () => {
    const { project, abs, store } = memoryProject({ 'src/use.ts': "import { K } from './keys';\nflags.isEnabled(K);\n" });
    expect(project.readsIn(abs('src/use.ts')).map((r) => r.kind)).toEqual(['dynamic']);
    store.set(abs('src/keys.ts'), "export const K = 'late-key';\n");
    project.invalidate(abs('src/keys.ts'));
    expect(project.readsIn(abs('src/use.ts')).map((r) => r.key)).toEqual(['late-key']);
  });

  it('returns copies, so callers can annotate reads without changing later answers', () => {
    const { project, abs } = memoryProject({ 'src/a.ts': "flags.isEnabled('copy-key');\n" });
    const first = project.readsIn(abs('src/a.ts'));
    first[0].key = 'mutated';
    expect(project.readsIn(abs('src/a.ts'))[0].key).toBe('copy-key');
  });

  it('follows a workspace package linked into node_modules to its sources, but not installed packages', () => {
    const root = path.resolve('/virtual/mono');
    const linked = path.join(root, 'node_modules/@acme/flags');
    const files = new Map<string, string>([
      [path.join(root, 'packages/flags/package.json'), '{ "name": "@acme/flags", "exports": { ".": "./src/index.ts" } }'],
      [path.join(root, 'packages/flags/src/index.ts'), "export const SHARED = 'shared-key';\n"],
      [path.join(root, 'node_modules/vendor-flags/package.json'), '{ "name": "vendor-flags", "main": "index.js" }'],
      [path.join(root, 'node_modules/vendor-flags/index.js'), "export const VENDOR = 'vendor-key';\n"],
      [path.join(root, 'apps/web/src/main.ts'), "import { SHARED } from '@acme/flags';\nimport { VENDOR } from 'vendor-flags';\nflags.isEnabled(SHARED);\nflags.isEnabled(VENDOR);\n"],
    ]);
    const real = (f: string) => (f.startsWith(linked) ? path.join(root, 'packages/flags', f.slice(linked.length)) : f);
    const host: SourceHost = {
      readFile: (f) => files.get(real(f)),
      fileExists: (f) => files.has(real(f)),
      directoryExists: (d) => [...files.keys()].some((f) => f.startsWith(real(d) + path.sep)),
      realpath: real,
    };
    const project = new FlagProject({ root, accessors: ACCESSORS, host });
    expect(project.readsIn(path.join(root, 'apps/web/src/main.ts')).map((r) => r.key)).toEqual(['shared-key', null]);
  });

  it('treats an unreadable file as empty', () => {
    const { project, abs } = memoryProject({});
    expect(project.readsIn(abs('src/missing.ts'))).toEqual([]);
    expect(project.declarationsIn(abs('src/missing.ts'))).toEqual([]);
  });
});
