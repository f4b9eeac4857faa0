/**
 * `flagdebt scan` on hostile inputs: every run must end on its own (child process with a time
 * limit), print a JSON report, name the hostile file in `problems` when it could not be read as
 * code, never print a stack trace, and still report the ordinary file next to it.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FLAG,
  SYNTAX_ERROR,
  TRICKY_KEYS,
  WITH_BOM,
  WITH_CRLF,
  addSymlinkLoops,
  binaryBytes,
  deeplyNested,
  hostileProject,
  hugeFile,
  makeUnreadable,
  minifiedBundle,
  nonUtf8,
  registryYaml,
  type HostileProject,
} from './hostile-project.js';
import { STACK_LINE, canRunAs, scanJson, type ScanJson } from './tools.js';

let project: HostileProject | undefined;
afterEach(() => project?.cleanup());

function open(extra: Parameters<typeof hostileProject>[0]): string {
  project = hostileProject(extra);
  return project.dir;
}

const refsIn = (json: ScanJson, file: string) => json.references.filter((r) => r.file === file && r.kind === 'evaluation');
const problemFor = (json: ScanJson, file: string) => json.problems.find((p) => p.file === file);

/** The ordinary file is always reported, exactly once, at its real position. */
function expectGoodFileReported(json: ScanJson): void {
  expect(refsIn(json, 'src/good.ts').map((r) => [r.flag, r.line, r.column])).toEqual([[FLAG, 4, 7]]);
}

describe('flagdebt scan on hostile files', () => {
  it('reports a file with syntax errors as a problem and scans the rest', () => {
    const { run, json } = scanJson(open({ 'src/broken.ts': SYNTAX_ERROR }));
    expect(run.stderr).not.toMatch(STACK_LINE);
    expectGoodFileReported(json);
    expect(problemFor(json, 'src/broken.ts')?.message).toMatch(/pars|syntax|expected/i);
  });

  it('skips a binary file with a .ts name', () => {
    const { run, json } = scanJson(open({ 'src/blob.ts': binaryBytes() }));
    expect(run.stderr).not.toMatch(STACK_LINE);
    expectGoodFileReported(json);
    expect(refsIn(json, 'src/blob.ts')).toEqual([]);
    expect(problemFor(json, 'src/blob.ts')?.message).toMatch(/binary/i);
  });

  it('handles a 5 MB single-line minified bundle without hanging', () => {
    const { run, json } = scanJson(open({ 'src/vendor.bundle.ts': minifiedBundle() }));
    expect(run.stderr).not.toMatch(STACK_LINE);
    expectGoodFileReported(json);
    // Either indexed (every read, all on line 1) or skipped with a reason; never half of it.
    const refs = refsIn(json, 'src/vendor.bundle.ts');
    if (refs.length === 0) expect(problemFor(json, 'src/vendor.bundle.ts')?.message).toMatch(/minified|large|long|skipp/i);
    else expect(refs.every((r) => r.line === 1) && refs.length > 10).toBe(true);
  });

  it('indexes a 50,000-line file at the right lines', () => {
    const { json } = scanJson(open({ 'src/generated/rows.ts': hugeFile() }));
    expectGoodFileReported(json);
    const lines = refsIn(json, 'src/generated/rows.ts').map((r) => r.line);
    expect(lines).toEqual(Array.from({ length: 10 }, (_, i) => 3 + i * 5000));
  });

  it('survives 10,000 levels of nested expressions', () => {
    const { run, json } = scanJson(open({ 'src/deep.ts': deeplyNested() }));
    expect(run.stderr).not.toMatch(STACK_LINE);
    expectGoodFileReported(json);
    const refs = refsIn(json, 'src/deep.ts');
    if (refs.length === 0) expect(problemFor(json, 'src/deep.ts')).toBeDefined();
    else expect(refs.map((r) => [r.flag, r.line, r.column])).toEqual([[FLAG, 104, 1]]);
  });

  it('reads a file with bytes that are not UTF-8', () => {
    const { json } = scanJson(open({ 'src/latin1.ts': nonUtf8() }));
    expectGoodFileReported(json);
    expect(refsIn(json, 'src/latin1.ts').map((r) => [r.line, r.column])).toEqual([[6, 10]]);
  });

  it('counts lines and columns correctly with a BOM and with CRLF line endings', () => {
    const { json } = scanJson(open({ 'src/bom.ts': WITH_BOM, 'src/crlf.ts': WITH_CRLF }));
    expectGoodFileReported(json);
    expect(refsIn(json, 'src/bom.ts').map((r) => [r.line, r.column])).toEqual([[4, 7]]);
    expect(refsIn(json, 'src/crlf.ts').map((r) => [r.line, r.column])).toEqual([[4, 7]]);
  });

  it('terminates on symlink loops and reports each real file once', () => {
    const dir = open({});
    addSymlinkLoops(dir);
    const { run, json } = scanJson(dir);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expectGoodFileReported(json);
    expect(json.references.filter((r) => r.file.includes('loop/'))).toEqual([]);
  });

  it('reports an unreadable file as a problem and scans the rest', (ctx) => {
    // chmod 000 does not stop root (CAP_DAC_OVERRIDE), and CI containers usually run as root:
    // then the CLI is started as `nobody`, which is denied like any ordinary user.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if (asUser.uid !== undefined && !canRunAs(asUser.uid, asUser.gid)) {
      ctx.skip('`nobody` cannot read this checkout (a parent folder is closed to other users), so no ordinary user can run the CLI here');
    }
    const dir = open({ 'src/secret.ts': "import { flags } from './flags';\nexport const s = flags.isEnabled('hx-flag');\n" });
    makeUnreadable(join(dir, 'src/secret.ts'));
    chmodSync(dir, 0o755);
    const { run, json } = scanJson(dir, [], asUser);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expectGoodFileReported(json);
    expect(refsIn(json, 'src/secret.ts')).toEqual([]);
    expect(problemFor(json, 'src/secret.ts')?.message).toMatch(/permission|EACCES|read/i);
  });

  it.runIf(process.getuid?.() === 0)('as root, reads a chmod 000 file like any other', () => {
    const dir = open({ 'src/secret.ts': "import { flags } from './flags';\nexport const s = flags.isEnabled('hx-flag');\n" });
    makeUnreadable(join(dir, 'src/secret.ts'));
    const { json } = scanJson(dir);
    expect(refsIn(json, 'src/secret.ts').map((r) => [r.line, r.column])).toEqual([[2, 18]]);
    expect(problemFor(json, 'src/secret.ts')).toBeUndefined();
  });

  it('matches keys with unicode and regex metacharacters literally', () => {
    const reads = TRICKY_KEYS.map((k, i) => `export const k${i} = flags.isEnabled(${JSON.stringify(k)});`).join('\n');
    const dir = open({ 'flags.yaml': registryYaml([FLAG, ...TRICKY_KEYS]), 'src/tricky.ts': `import { flags } from './flags';\n\n${reads}\n` });
    const { json } = scanJson(dir);
    expectGoodFileReported(json);
    expect(refsIn(json, 'src/tricky.ts').map((r) => [r.flag, r.line])).toEqual(TRICKY_KEYS.map((k, i) => [k, 3 + i]));
    expect(json.unregistered).toEqual([]);
    expect(json.unused).toEqual([]);
  });
});

describe('flagdebt scan on hostile registries and configs', () => {
  it('handles a registry with 10,000 flags', () => {
    const keys = [FLAG, ...Array.from({ length: 9_999 }, (_, i) => `bulk-flag-${i}`)];
    const { json } = scanJson(open({ 'flags.yaml': registryYaml(keys) }));
    expectGoodFileReported(json);
    expect(json.summary.flags).toBe(10_000);
    expect(json.unused).toHaveLength(9_999);
  });

  it('treats an empty registry as no flags: every read is unregistered', () => {
    const { json } = scanJson(open({ 'flags.yaml': registryYaml([]) }));
    expect(json.summary.flags).toBe(0);
    expect(json.unregistered.map((u) => [u.flag, u.file])).toEqual([[FLAG, 'src/good.ts']]);
  });

  it('fails with exit 2 and one clear message when the registry is missing', async () => {
    const dir = open({ 'flagdebt.config.json': '{ "registry": "config/flags.yaml" }\n' });
    const { runCli } = await import('./tools.js');
    const run = runCli(['scan', dir, '--format', 'json']);
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/config\/flags\.yaml/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('fails with exit 2 when the config itself is not JSON', async () => {
    const dir = open({ 'flagdebt.config.json': '{ "registry": "flags.yaml", ' });
    writeFileSync(join(dir, 'flagdebt.config.json'), '{ "registry": "flags.yaml", ');
    const { runCli } = await import('./tools.js');
    const run = runCli(['scan', dir, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/flagdebt\.config\.json/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});
