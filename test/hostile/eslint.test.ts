/**
 * The ESLint plugin on hostile files (recommended config, typescript-eslint's parser), in a
 * child process with a time limit. A file the parser rejects is ESLint's fatal error, not the
 * plugin's crash; every other file must get the plugin's ordinary verdict.
 *
 * The bundle and the generated file are smaller here than in the scanner and codemod tests:
 * ESLint itself, without the plugin (FLAGDEBT_LINT_BASELINE=1 in lint-child.mjs), runs out of
 * memory (4 GB heap) on the 5 MB single-line bundle and needs minutes for 50,000 lines on a
 * shared 2-core machine, which says nothing about the plugin. Projects exclude bundles with
 * `ignores`; the plugin's share of the time was measured as negligible (bench/RESULTS.md).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNTAX_ERROR, TRICKY_KEYS, WITH_BOM, WITH_CRLF, addSymlinkLoops, binaryBytes, deeplyNested, hostileProject, hugeFile, minifiedBundle, nonUtf8, registryYaml, FLAG, type HostileProject } from './hostile-project.js';
import { REPO } from './tools.js';

const CHILD = join(REPO, 'test/hostile/lint-child.mjs');

interface LintResult {
  file: string;
  fatal: number;
  messages: Array<{ ruleId: string | null; message: string; line: number }>;
}

function lint(dir: string, files: string[]): LintResult[] {
  const run = spawnSync(process.execPath, [CHILD, dir, ...files], { encoding: 'utf8', timeout: 180_000, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 });
  expect((run.error as NodeJS.ErrnoException | undefined)?.code, 'ESLint did not finish in time').not.toBe('ETIMEDOUT');
  expect(run.stderr).toBe('');
  const out = JSON.parse(run.stdout) as LintResult[] | { crashed: string };
  if (!Array.isArray(out)) throw new Error(`ESLint crashed: ${out.crashed}`);
  return out;
}

describe('ESLint plugin on hostile files', () => {
  let project: HostileProject;
  let results: Map<string, LintResult>;

  beforeAll(() => {
    project = hostileProject({
      'flags.yaml': registryYaml([FLAG, 'hx-other', ...TRICKY_KEYS]),
      'src/broken.ts': SYNTAX_ERROR,
      'src/blob.ts': binaryBytes(),
      'src/vendor.bundle.ts': minifiedBundle(256 * 1024),
      'src/generated/rows.ts': hugeFile(5_000),
      'src/deep.ts': deeplyNested(),
      'src/latin1.ts': nonUtf8(),
      'src/bom.ts': WITH_BOM,
      'src/crlf.ts': WITH_CRLF,
      'src/tricky.ts': `import { flags } from './flags';\n\n${TRICKY_KEYS.map((k, i) => `export const k${i} = flags.isEnabled(${JSON.stringify(k)}, false);`).join('\n')}\nexport const typo = flags.isEnabled('hx-flagg', false);\n`,
    });
    addSymlinkLoops(project.dir);
    const files = ['good', 'broken', 'blob', 'vendor.bundle', 'generated/rows', 'deep', 'latin1', 'bom', 'crlf', 'tricky'].map((f) => `src/${f}.ts`);
    results = new Map(lint(project.dir, files).map((r) => [r.file, r]));
  }, 200_000);

  afterAll(() => project.cleanup());

  const flagdebtMessages = (file: string) => results.get(file)!.messages.filter((m) => m.ruleId?.startsWith('flagdebt/'));

  it('lints the ordinary files without complaint', () => {
    for (const file of ['src/good.ts', 'src/bom.ts', 'src/crlf.ts', 'src/latin1.ts']) {
      expect(results.get(file)!.fatal, file).toBe(0);
      expect(flagdebtMessages(file), file).toEqual([]);
    }
  });

  it('reports unparsable files as parse errors, not as plugin crashes', () => {
    for (const file of ['src/broken.ts', 'src/blob.ts']) {
      expect(results.get(file)!.fatal, file).toBe(1);
      expect(results.get(file)!.messages[0].message).toMatch(/Parsing error/);
    }
  });

  it('finishes on a minified bundle and a long generated file with the ordinary verdict', () => {
    for (const file of ['src/vendor.bundle.ts', 'src/generated/rows.ts']) expect(results.get(file)!.fatal, file).toBe(0);
    expect(flagdebtMessages('src/generated/rows.ts')).toEqual([]);
    // The bundle reads the flag without a default, the one thing recommended flags there.
    const bundle = flagdebtMessages('src/vendor.bundle.ts');
    expect(bundle.length).toBeGreaterThan(0);
    expect(new Set(bundle.map((m) => m.ruleId))).toEqual(new Set(['flagdebt/safe-default']));
  });

  it('turns 10,000 levels of nesting into a parse error, not a crash', () => {
    const deep = results.get('src/deep.ts')!;
    expect(deep.fatal).toBe(1);
    expect(deep.messages.map((m) => m.message)).toEqual([expect.stringMatching(/^Parsing error/)]);
  });

  it('checks keys with unicode and regex metacharacters literally', () => {
    const messages = flagdebtMessages('src/tricky.ts');
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['flagdebt/registered', 8]]);
    expect(messages[0].message).toContain('hx-flagg');
  });
});

describe('ESLint plugin with hostile registries and configs', () => {
  const lintGood = (files: Parameters<typeof hostileProject>[0]): LintResult => {
    const project = hostileProject(files);
    try {
      return lint(project.dir, ['src/good.ts'])[0];
    } finally {
      project.cleanup();
    }
  };

  it('reads a registry with 10,000 flags', () => {
    const result = lintGood({ 'flags.yaml': registryYaml([FLAG, ...Array.from({ length: 9_999 }, (_, i) => `bulk-flag-${i}`)]) });
    expect(result.messages).toEqual([]);
  }, 200_000);

  it('reports reads as unregistered with an empty registry', () => {
    const result = lintGood({ 'flags.yaml': registryYaml([]) });
    expect(result.messages.map((m) => [m.ruleId, m.line])).toEqual([['flagdebt/registered', 4]]);
    expect(result.messages[0].message).toContain('hx-flag');
  }, 200_000);

  it('reports a missing registry once, as a message with the fix, not a crash', () => {
    const result = lintGood({ 'flagdebt.config.json': '{ "registry": "config/flags.yaml" }\n' });
    expect(result.fatal).toBe(0);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0].message).toMatch(/config\/flags\.yaml.*not found/);
    expect(result.messages[0].line).toBe(1);
  }, 200_000);
});
