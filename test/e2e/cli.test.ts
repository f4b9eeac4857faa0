import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FlagProject, loadConfig, loadConfigRegistry } from '@flagdebt/core';
import { installFakePrettier } from '../../packages/codemod/test/format/fake-formatters.js';
import { REPO, STACK_LINE, cli, cliProcess, tempProject } from '../helpers.js';

const FIXTURES = join(REPO, 'test/fixtures/cli');
const billing = join(FIXTURES, 'billing');

describe('flagdebt CLI', () => {
  it('prints its version and help, exit 0', async () => {
    const version = await cli(['--version']);
    expect(version.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(REPO, 'packages/cli/package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(manifest.version);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['scan', 'remove', 'history', 'registry', 'init']) expect(help.stdout).toContain(command);
  });

  it('exits 2 on an unknown command or option, without a stack trace', async () => {
    const unknown = await cli(['scna']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/);
    const badFormat = await cli(['scan', billing, '--format', 'xml']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/Allowed choices are text, json/);
    expect(badFormat.stderr).not.toMatch(STACK_LINE);
  });

  it('scans to JSON on stdout only, and exits 1 when the stale budget is exceeded', async () => {
    const result = await cli(['scan', billing, '--format', 'json', '--now', '2026-11-21']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/budget exceeded: .*stale/);
    const report = JSON.parse(result.stdout);
    expect(report.version).toBe(1);
    expect(report.now).toBe('2026-11-21');
    expect(report.summary).toMatchObject({ flags: 3, stale: 1, unused: 1, unregistered: 1 });
    expect(report.unused).toEqual([{ flag: 'tax-preview' }]);
    expect(report.unregistered).toEqual([
      { flag: 'tax-preveiw', file: 'src/billing/dunning.ts', line: 7, column: 31, suggestion: 'tax-preview' },
    ]);
    const pdf = report.flags.find((f: { key: string }) => f.key === 'invoice-pdf-v2');
    expect(pdf.stale).toBe(true);
    expect(pdf.reasons.join('\n')).toMatch(/complete for 93 days/);
    expect(report.references).toContainEqual({
      flag: 'invoice-pdf-v2', file: 'src/billing/invoice.ts', line: 10, column: 7, kind: 'evaluation', test: false, via: 'flags.isEnabled',
    });
  });

  it('scans the same with FLAGDEBT_PREFETCH=1 (the walk and reads in a worker thread)', async () => {
    const argv = ['scan', join(REPO, 'fixtures/shop'), '--format', 'json', '--now', '2026-11-21'];
    const plain = await cli(argv);
    const prefetched = await cli(argv, REPO, { FLAGDEBT_PREFETCH: '1' });
    expect(JSON.parse(plain.stdout).references.length).toBeGreaterThan(10);
    expect(prefetched).toEqual(plain);
  });

  it('writes a report with --output and keeps stdout empty', async () => {
    const temp = tempProject();
    try {
      const target = join(temp.dir, 'report.csv');
      const result = await cli(['scan', billing, '--format', 'csv', '--output', target, '--now', '2026-11-21']);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      const csv = readFileSync(target, 'utf8');
      expect(csv.split('\n')[0]).toMatch(/^flag,file,line,column,kind,test,via/);
      expect(csv).toContain('invoice-pdf-v2,src/billing/invoice.ts,10,7,evaluation,false,flags.isEnabled');
    } finally {
      temp.cleanup();
    }
  });

  it('reports every registry error with its location and a fix, exit 2, no stack trace', async () => {
    const result = cliProcess(['scan', join(FIXTURES, 'broken-registry')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stderr).toMatch(/flags\.yaml:3:11: error: \[invoice-pdf-v2\] .*relase/);
    expect(result.stderr).toMatch(/flags\.yaml:5:14: error: \[invoice-pdf-v2\] .*2026-13-45/);
    expect(result.stderr).toMatch(/\[invoice-pdf-v2\] .*value/);
    expect(result.stderr).toMatch(/\[tax-preview\] .*owner/);
    expect(result.stderr).toMatch(/\[tax-preview\] .*expires/);
    expect(result.stderr).toMatch(/fix: /);
  });

  it('reports config errors with their location, exit 2', async () => {
    const result = await cli(['scan', join(FIXTURES, 'broken-config')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/flagdebt\.config\.json:4:\d+: error: .*keyArg/);
    expect(result.stderr).toMatch(/flagdebt\.config\.json:6:\d+: error: .*budgett.*/);
    expect(result.stderr).toMatch(/budget/);
  });

  it('shows the stack trace only with --debug', async () => {
    const plain = cliProcess(['scan', join(FIXTURES, 'broken-config')]);
    const debug = cliProcess(['scan', join(FIXTURES, 'broken-config'), '--debug']);
    expect(plain.stderr).not.toMatch(STACK_LINE);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(STACK_LINE);
  });

  it('rejects a missing directory and an impossible --now, exit 2', async () => {
    const missing = await cli(['scan', join(FIXTURES, 'does-not-exist')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such directory/);
    const badDate = await cli(['scan', billing, '--now', '2026-02-30']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/"2026-02-30" is not a valid date/);
  });

  it('validates registries: exit 0 when valid, 2 with every error otherwise', async () => {
    const good = await cli(['registry', 'validate', join(billing, 'flags.yaml')]);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/valid/);
    const bad = await cli(['registry', 'validate'], join(FIXTURES, 'broken-registry'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/flags\.yaml: [5-9] errors/);
  });

  it('imports a vendor export to YAML and never overwrites a file without --force', async () => {
    const temp = tempProject({
      'openfeature.json': JSON.stringify({
        flags: {
          checkoutV2: { flagType: 'boolean', defaultValue: false, description: 'New checkout flow' },
          checkoutTheme: { flagType: 'string', defaultValue: 'blue' },
        },
      }),
      'flags.yaml': 'flags: {}\n',
    });
    try {
      const out = await cli(['registry', 'import', '--from', 'openfeature', 'openfeature.json'], temp.dir);
      expect(out.code).toBe(0);
      const registry = parse(out.stdout) as { flags: Record<string, { default: unknown }> };
      expect(Object.keys(registry.flags)).toEqual(['checkoutV2', 'checkoutTheme']);
      expect(registry.flags.checkoutTheme.default).toBe('blue');

      const refused = await cli(['registry', 'import', '--from', 'openfeature', 'openfeature.json', '--output', 'flags.yaml'], temp.dir);
      expect(refused.code).toBe(2);
      expect(readFileSync(join(temp.dir, 'flags.yaml'), 'utf8')).toBe('flags: {}\n');
      const unknownVendor = await cli(['registry', 'import', '--from', 'split', 'openfeature.json'], temp.dir);
      expect(unknownVendor.code).toBe(2);
      expect(unknownVendor.stderr).toMatch(/launchdarkly/);
    } finally {
      temp.cleanup();
    }
  });

  it('init proposes keyProperty accessors for keys passed in an options object, also built by a command factory', async () => {
    const temp = tempProject({
      'package.json': '{ "name": "workspace-api", "private": true }\n',
      'src/constants/flags.ts': ['export enum Flags {', "  Customers = 'customers',", "  Folders = 'folders',", "  Topics = 'topics',", '}', ''].join('\n'),
      // A NestJS-style use case: the options are built by a command factory that names the flag.
      'src/usecases/get-feature-flag.ts': [
        'export class GetFeatureFlagCommand {',
        '  static create(options: { orgId: string; key: string }): GetFeatureFlagCommand {',
        '    return Object.assign(new GetFeatureFlagCommand(), options);',
        '  }',
        '}',
        'export class AuditCommand {',
        '  static create(options: { key: string }): AuditCommand {',
        '    return Object.assign(new AuditCommand(), options);',
        '  }',
        '}',
        'export const getFeatureFlag = { execute: async (command: GetFeatureFlagCommand): Promise<boolean> => command instanceof GetFeatureFlagCommand };',
        'export const audit = { execute: async (command: AuditCommand): Promise<void> => void command };',
        '',
      ].join('\n'),
      'src/usecases/topics.ts': [
        "import { Flags } from '../constants/flags';",
        "import { audit, AuditCommand, getFeatureFlag, GetFeatureFlagCommand } from './get-feature-flag';",
        '',
        'export async function sendToTopic(orgId: string): Promise<string> {',
        "  await audit.execute(AuditCommand.create({ key: 'topic-sent' }));",
        '  const enabled = await getFeatureFlag.execute(GetFeatureFlagCommand.create({ orgId, key: Flags.Topics }));',
        "  return enabled ? 'sent' : 'skipped';",
        '}',
        '',
      ].join('\n'),
      'src/lib/flags.ts': [
        'export async function featureFlags(q: { workspace: string; flag_key: string }): Promise<boolean> {',
        "  return (await fetch(`/flags/${q.workspace}/${q.flag_key}`)).ok;",
        '}',
        'export function withWorkspace<T>(handler: () => T, options: { featureFlag?: string } = {}): () => T {',
        '  return handler;',
        '}',
        'export function track(event: string, props: { feature: string }): void {',
        '  console.info(event, props.feature);',
        '}',
        '',
      ].join('\n'),
      'src/routes/customers.ts': [
        "import { Flags } from '../constants/flags';",
        "import { featureFlags, track, withWorkspace } from '../lib/flags';",
        '',
        'export async function customersOn(workspace: string): Promise<boolean> {',
        "  track('customers-opened', { feature: 'customers-page' });",
        '  return featureFlags({ workspace, flag_key: Flags.Customers });',
        '}',
        "export const GET = withWorkspace(() => 'folders', { featureFlag: Flags.Folders });",
        '',
      ].join('\n'),
      // An admin screen that writes flags: its calls name a flag and pass the key in options, but write.
      'src/admin/flags-admin.ts': [
        "import { Flags } from '../constants/flags';",
        '',
        'declare function setFeatureFlag(options: { key: string; value: boolean }): Promise<void>;',
        'declare function updateFlag(options: { key: string }): Promise<void>;',
        'declare function flagOverride(options: { key: string; value: unknown }): Promise<void>;',
        '',
        'export async function enableTopics(): Promise<void> {',
        '  await setFeatureFlag({ key: Flags.Topics, value: true });',
        '  await updateFlag({ key: Flags.Topics });',
        '  await flagOverride({ key: Flags.Customers, value: false });',
        '}',
        '',
      ].join('\n'),
    });
    try {
      const result = await cli(['init', '--now', '2026-11-21'], temp.dir);
      expect(result.code).toBe(0);
      const config = JSON.parse(readFileSync(join(temp.dir, 'flagdebt.config.json'), 'utf8'));
      expect(config.accessors).toEqual([
        { call: 'featureFlags', keyArg: 0, keyProperty: 'flag_key' },
        { call: 'withWorkspace', keyArg: 1, keyProperty: 'featureFlag' },
        { call: 'getFeatureFlag.execute', keyArg: 0, keyProperty: 'key' },
      ]);
      expect(result.stderr).toContain('featureFlags (key in `flag_key` of argument 0)');
      // `audit.execute(AuditCommand.create({ key }))` names no flag: no accessor, no key.
      expect(JSON.stringify(config.accessors)).not.toContain('audit');
      // Writes are no reads: `setFeatureFlag`, `updateFlag`, an override with a `value`.
      expect(JSON.stringify(config.accessors)).not.toMatch(/setFeatureFlag|updateFlag|flagOverride/);
      // The enum lists exactly the keys read: it is the registry (docs/init.md), no flags.yaml.
      // `track`'s `feature` is no flag: the call does not name one.
      expect(config.registry).toEqual({ code: ['src/constants/flags.ts#Flags'] });
      expect(existsSync(join(temp.dir, 'flags.yaml'))).toBe(false);
      const { registry } = loadConfigRegistry(loadConfig(join(temp.dir, 'flagdebt.config.json')), { git: false });
      expect([...registry.flags.keys()].sort()).toEqual(['customers', 'folders', 'topics']);
      // The proposed config finds the same reads.
      const project = new FlagProject({ root: temp.dir, accessors: loadConfig(join(temp.dir, 'flagdebt.config.json')).accessors });
      const reads = project.readsIn(join(temp.dir, 'src/routes/customers.ts'));
      expect(reads.map((r) => `${r.line} ${r.kind} ${r.key}`)).toEqual(['6 evaluation customers', '8 evaluation folders']);
      const topics = project.readsIn(join(temp.dir, 'src/usecases/topics.ts'));
      expect(topics.map((r) => `${r.line} ${r.kind} ${r.key}`)).toEqual(['6 evaluation topics']);
    } finally {
      temp.cleanup();
    }
  });

  it('init detects SDK call shapes and writes a starter config and registry', async () => {
    const temp = tempProject({
      'package.json': '{ "name": "storefront", "private": true }\n',
      'src/server/ld.ts': [
        "import { init } from '@launchdarkly/node-server-sdk';",
        "export const ldClient = init(process.env.LD_SDK_KEY ?? '');",
        '',
      ].join('\n'),
      'src/server/checkout.ts': [
        "import { ldClient } from './ld';",
        '',
        'export async function checkoutMode(user: { key: string }): Promise<string> {',
        "  const v2 = await ldClient.variation('checkout-v2', { kind: 'user', key: user.key }, false);",
        "  return v2 ? 'v2' : 'v1';",
        '}',
        '',
      ].join('\n'),
      'src/web/Banner.tsx': [
        "import { useFeatureFlagEnabled } from 'posthog-js/react';",
        '',
        'export function Banner() {',
        "  return useFeatureFlagEnabled('holiday-banner') ? <p>Sale!</p> : null;",
        '}',
        '',
      ].join('\n'),
    });
    try {
      const result = await cli(['init', '--now', '2026-11-21'], temp.dir);
      expect(result.code).toBe(0);
      const config = JSON.parse(readFileSync(join(temp.dir, 'flagdebt.config.json'), 'utf8'));
      expect(config.accessors).toEqual(
        expect.arrayContaining([
          // The server SDK's variation is a promise: the codemod folds it only where awaited.
          { call: 'variation', keyArg: 0, defaultArg: 2, from: '@launchdarkly/node-server-sdk', returns: 'promise' },
          { call: 'useFeatureFlagEnabled', keyArg: 0, from: 'posthog-js' },
        ]),
      );
      const registry = parse(readFileSync(join(temp.dir, 'flags.yaml'), 'utf8')) as { flags: Record<string, { created: string }> };
      expect(Object.keys(registry.flags).sort()).toEqual(['checkout-v2', 'holiday-banner']);
      expect(registry.flags['checkout-v2'].created).toBe('2026-11-21');

      const again = await cli(['init'], temp.dir);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/already exists/);

      // the placeholders init leaves are what `registry validate` asks a human to fill in,
      // as warnings: they do not block the first scan
      const validate = await cli(['registry', 'validate'], temp.dir);
      expect(validate.code).toBe(0);
      expect(validate.stderr).toMatch(/placeholder TODO-fill-in left by `flagdebt init`/);
    } finally {
      temp.cleanup();
    }
  });

  it('remove: refuses a removal that adds type errors (exit 2, each listed), the dry run says so too; --no-verify writes; a --value of the wrong kind exits 2', async () => {
    const registry = 'flags:\n  beta-send:\n    type: release\n    owner: mail\n    created: 2026-01-01\n    expires: 2026-06-01\n    state: active\n    default: false\n';
    const send = "import { flags } from './flags';\n\nexport const take = (on: boolean) => on;\nexport const sent = take(flags.isEnabled('beta-send', false));\n";
    const { dir, cleanup } = tempProject({
      'flagdebt.config.json': JSON.stringify({ registry: 'flags.yaml', accessors: [{ call: 'flags.isEnabled', keyArg: 0, defaultArg: 1 }] }),
      'flags.yaml': registry,
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "noEmit": true, "types": [] }, "include": ["src"] }',
      'src/flags.ts': 'export const flags = { isEnabled: (key: string, fallback: boolean): boolean => fallback };\n',
      'src/send.ts': send,
    });
    try {
      const wrongKind = await cli(['remove', 'beta-send', '--value', 'flase', '--dir', dir, '--allow-dirty']);
      expect(wrongKind.code).toBe(2);
      expect(wrongKind.stderr).toMatch(/flags\.yaml:2:\d+: error: \[beta-send\] --value "flase" is not a boolean/);
      expect(wrongKind.stderr).toMatch(/fix: pass --value true or --value false/);
      // An unregistered flag has no kind: the string is folded, and only the type-check sees the break.
      writeFileSync(join(dir, 'src/send.ts'), send.replaceAll('beta-send', 'beta-other'));
      const dry = await cli(['remove', 'beta-other', '--value', 'yes', '--dir', dir, '--dry-run']);
      expect(dry.code).toBe(2);
      expect(dry.stdout).toContain("+export const sent = take('yes');");
      expect(dry.stderr).toMatch(/new: src\/send\.ts:2: TS2345/);
      expect(dry.stderr).toMatch(/would be refused/);
      const refused = await cli(['remove', 'beta-other', '--value', 'yes', '--dir', dir, '--allow-dirty']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/src\/send\.ts:2:26: error: the removal would add a type error here, so nothing was written: TS2345/);
      expect(refused.stderr).not.toMatch(STACK_LINE);
      expect(readFileSync(join(dir, 'src/send.ts'), 'utf8')).toContain("isEnabled('beta-other'");
      const forced = await cli(['remove', 'beta-other', '--value', 'yes', '--dir', dir, '--allow-dirty', '--no-verify']);
      expect(forced.code).toBe(0);
      expect(readFileSync(join(dir, 'src/send.ts'), 'utf8')).toContain("take('yes')");
    } finally {
      cleanup();
    }
  });

  it('remove: lists 20 mentions left, code first, counts the rest by kind (--mentions all lists every one), and cuts a long line around the key', async () => {
    const docs = Array.from({ length: 30 }, (_, i) => `- step ${i}: \`beta-send\` is on for cohort ${i}`).join('\n');
    const { dir, cleanup } = tempProject({
      'flagdebt.config.json': JSON.stringify({ registry: 'flags.yaml', accessors: [{ call: 'flags.isEnabled', keyArg: 0, defaultArg: 1 }] }),
      'flags.yaml': 'flags:\n  beta-send:\n    type: release\n    owner: mail\n    created: 2026-01-01\n    expires: 2026-06-01\n    state: complete\n    value: true\n    since: 2026-05-01\n',
      'src/flags.ts': 'export const flags = { isEnabled: (key: string, fallback: boolean): boolean => fallback };\n',
      'src/send.ts': "import { flags } from './flags';\n\nexport const sent = flags.isEnabled('beta-send', false);\nexport const EVENT = 'beta-send-clicked';\n",
      'docs/rollout.md': `${docs}\n`,
      'docs/generated.json': `{"x":"${'a'.repeat(400)} beta-send ${'b'.repeat(400)}"}\n`,
    });
    try {
      const dry = await cli(['remove', 'beta-send', '--dir', dir, '--dry-run']);
      expect(dry.code).toBe(0);
      const listed = dry.stderr.split('\n').filter((l) => /^ {4}\S+:\d+:\d+ {2}/.test(l));
      expect(listed).toHaveLength(20);
      expect(listed[0]).toMatch(/^ {4}src\/send\.ts:\d+:\d+ {2}string {2}export const EVENT/);
      expect(dry.stderr).toMatch(/… and 12 more in 1 file \(12 in other files\); --mentions all lists every one/);
      const all = await cli(['remove', 'beta-send', '--dir', dir, '--dry-run', '--mentions', 'all']);
      const every = all.stderr.split('\n').filter((l) => /^ {4}\S+:\d+:\d+ {2}/.test(l));
      expect(every).toHaveLength(32);
      const long = every.find((l) => l.includes('generated.json'))!;
      expect(long).toMatch(/non-ts {2}…a{59} beta-send b{59}…$/);
      const bad = await cli(['remove', 'beta-send', '--dir', dir, '--dry-run', '--mentions', 'many']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--mentions "many" is not a number or "all"/);
    } finally {
      cleanup();
    }
  });

  it("remove: the dry-run diff is formatted by the project's own Prettier; --no-format leaves the codemod's text", async () => {
    const { dir, cleanup } = tempProject({
      'flagdebt.config.json': JSON.stringify({ registry: 'flags.yaml', accessors: [{ call: 'flags.isEnabled', keyArg: 0, defaultArg: 1 }] }),
      'flags.yaml': 'flags:\n  beta-send:\n    type: release\n    owner: mail\n    created: 2026-01-01\n    expires: 2026-06-01\n    state: complete\n    value: true\n    since: 2026-05-01\n    default: false\n',
      '.prettierrc': '{ "printWidth": 60 }\n',
      'src/flags.ts': 'export const flags = { isEnabled: (key: string, fallback: boolean): boolean => fallback };\n',
      'src/send.ts': "import { flags } from './flags';\n\nexport function canSend(draft: boolean): boolean {\n  const allowed =\n    !draft && flags.isEnabled('beta-send', false);\n  return allowed;\n}\n",
    });
    installFakePrettier(dir);
    try {
      const formatted = await cli(['remove', 'beta-send', '--dir', dir, '--dry-run']);
      expect(formatted.code).toBe(0);
      expect(formatted.stdout).toContain('+  const allowed = !draft;\n');
      expect(formatted.stdout).toContain('+// @formatted-by fake-prettier semi\n');
      const plain = await cli(['remove', 'beta-send', '--dir', dir, '--dry-run', '--no-format']);
      expect(plain.code).toBe(0);
      // The codemod joins `const allowed =\n !draft` itself; only the formatter stamps the file.
      expect(plain.stdout).toContain('+  const allowed = !draft;\n');
      expect(plain.stdout).not.toContain('@formatted-by');
    } finally {
      cleanup();
    }
  });
});
