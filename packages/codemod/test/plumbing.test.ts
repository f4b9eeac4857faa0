import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeFlags } from '../src/index.js';
import { tempProject } from './support/temp-project.js';

/** Removes new-checkout (kept ON) from one file and returns its new text. */
async function removeIn(text: string, others: Record<string, string> = {}): Promise<string> {
  const dir = tempProject({ 'src/page.ts': text, ...others }, 'flagdebt-plumbing-');
  await removeFlags({ dir, flags: [{ key: 'new-checkout', value: true }], allowDirty: true, now: '2026-11-21', verify: false });
  return fs.readFileSync(path.join(dir, 'src/page.ts'), 'utf8');
}

describe('plumbing that only carried the flag', () => {
  it('keeps a call that may have effects when every destructured name went', async () => {
    const text = `import { useFlag } from './flags';
import { useSWR } from './swr';

export function page(): string {
  const { data, error } = useSWR('/api/requests');
  const { total } = useSWR('/api/totals');
  const on = useFlag('new-checkout');
  return on ? 'new' : \`\${data}\${error}\${total}\`;
}
`;
    const out = await removeIn(text);
    // Two names, both unused now: the call stays for its effects. One name of an effectful call: the statement stays.
    expect(out).toContain("  useSWR('/api/requests');\n");
    expect(out).toContain("  const { total } = useSWR('/api/totals');\n");
    expect(out).toContain("  return 'new';\n");
  });

  it('never touches a name that was already unused, nor a pattern with a rest element', async () => {
    const text = `import { useFlag } from './flags';

export function page(props: { a: string; b: string; c: string }): string {
  const { a, unused } = { a: props.a, unused: 1 };
  const { b, ...others } = props;
  if (useFlag('new-checkout')) return 'new';
  return a + b + others.c;
}
`;
    const out = await removeIn(text);
    // \`a\` lost its last use with the unreachable return; \`unused\` never had one.
    expect(out).toContain('  const { unused } = { a: props.a, unused: 1 };\n');
    expect(out).toContain('  const { b, ...others } = props;\n');
  });

  it('keeps a private field that is assigned a computed value, or read elsewhere', async () => {
    const text = `import { flags as sdk } from './flags';

export class Service {
  private flags: typeof sdk;
  private started: number;
  private other: typeof sdk;

  constructor(client: typeof sdk, other: typeof sdk) {
    this.flags = client;
    this.started = Date.now();
    this.other = other;
  }

  label(): string {
    return this.flags.isEnabled('new-checkout', false) ? 'new' : String(this.started);
  }

  uses(): boolean {
    return this.other.isEnabled('search-v2', false);
  }
}
`;
    const main = `import { flags } from './flags';
import { Service } from './page';

export const service = new Service(flags, flags);
`;
    const dir = tempProject({ 'src/page.ts': text, 'src/main.ts': main }, 'flagdebt-plumbing-');
    await removeFlags({ dir, flags: [{ key: 'new-checkout', value: true }], allowDirty: true, now: '2026-11-21', verify: false });
    const out = fs.readFileSync(path.join(dir, 'src/page.ts'), 'utf8');
    expect(out).not.toContain('this.flags');
    expect(out).not.toContain('private flags');
    // The field only carried the parameter: both go, and the argument at the one construction.
    expect(out).toContain('  constructor(other: typeof sdk) {\n');
    expect(fs.readFileSync(path.join(dir, 'src/main.ts'), 'utf8')).toContain('new Service(flags);');
    // started lost its last read, but Date.now() is a call: kept with its assignment.
    expect(out).toContain('  private started: number;\n');
    expect(out).toContain('    this.started = Date.now();\n');
    expect(out).toContain('    this.other = other;\n');
  });

  it('keeps a field that carries a constructor parameter when a construction is out of view', async () => {
    const text = `import { flags as sdk } from './flags';

export class Store {
  private flags: typeof sdk;

  constructor(private readonly db: string[], client: typeof sdk) {
    this.flags = client;
  }

  all(): string[] {
    return this.flags.isEnabled('new-checkout', false) ? this.db : [];
  }
}

export class Extended extends Store {}
`;
    const out = await removeIn(text);
    // `extends Store` builds through super(...), which this run does not edit: the engineer's
    // choice in the replay (a field from a parameter that is still passed stays).
    expect(out).toContain('  private flags: typeof sdk;\n');
    expect(out).toContain('    this.flags = client;\n');
    expect(out).toContain('    return this.db;\n');
  });

  it('edits the super(...) call of a subclass like a construction', async () => {
    const text = `import { flags as sdk } from './flags';

export class Service {
  private flags: typeof sdk;
  private debug: boolean;

  constructor(private readonly name: string, { client, debug }: { client: typeof sdk; debug?: boolean }) {
    this.flags = client;
    this.debug = debug === true;
  }

  label(): string {
    return this.flags.isEnabled('new-checkout', false) ? \`\${this.name}\${this.debug}\` : 'old';
  }
}
`;
    const mock = `import { Service } from './page';

export class ServiceMock extends Service {
  constructor() {
    super('mock', { client: undefined as never, debug: true });
  }
}

export const real = (client: never): Service => new Service('real', { client });
`;
    const dir = tempProject({ 'src/page.ts': text, 'src/mock.ts': mock }, 'flagdebt-plumbing-');
    await removeFlags({ dir, flags: [{ key: 'new-checkout', value: true }], allowDirty: true, now: '2026-11-21', verify: false });
    const out = fs.readFileSync(path.join(dir, 'src/page.ts'), 'utf8');
    expect(out).toContain('  constructor(private readonly name: string, { debug }: { debug?: boolean }) {\n');
    const after = fs.readFileSync(path.join(dir, 'src/mock.ts'), 'utf8');
    expect(after).toContain("    super('mock', { debug: true });\n");
    expect(after).toContain("new Service('real', {});");
  });

  it('removes two neighbouring parameters and their arguments, one after the other', async () => {
    const text = `import { flags as sdk } from './flags';

export class Pair {
  constructor(private readonly flags: typeof sdk, private readonly fallback: string) {}

  label(): string {
    return this.flags.isEnabled('new-checkout', false) ? 'new' : this.fallback;
  }
}
`;
    const main = `import { flags } from './flags';
import { Pair } from './page';

export const pair = new Pair(flags, 'old');
`;
    const dir = tempProject({ 'src/page.ts': text, 'src/main.ts': main }, 'flagdebt-plumbing-');
    await removeFlags({ dir, flags: [{ key: 'new-checkout', value: true }], allowDirty: true, now: '2026-11-21', verify: false });
    expect(fs.readFileSync(path.join(dir, 'src/page.ts'), 'utf8')).toContain('  constructor() {}\n');
    expect(fs.readFileSync(path.join(dir, 'src/main.ts'), 'utf8')).toContain('new Pair();');
  });

  it('keeps a constructor parameter when a construction spreads its arguments or imports the class under another name', async () => {
    const text = `import { flags as sdk } from './flags';

export class Store {
  private flags: typeof sdk;

  constructor(client: typeof sdk) {
    this.flags = client;
  }

  all(): string {
    return this.flags.isEnabled('new-checkout', false) ? 'new' : 'old';
  }
}

export class Other {
  private flags: typeof sdk;

  constructor(client: typeof sdk) {
    this.flags = client;
  }

  all(): string {
    return this.flags.isEnabled('new-checkout', false) ? 'new' : 'old';
  }
}
`;
    const main = `import { flags } from './flags';
import { Store, Other as Renamed } from './page';

const args: [typeof flags] = [flags];
export const store = new Store(...args);
export const other = new Renamed(flags);
`;
    const dir = tempProject({ 'src/page.ts': text, 'src/main.ts': main }, 'flagdebt-plumbing-');
    await removeFlags({ dir, flags: [{ key: 'new-checkout', value: true }], allowDirty: true, now: '2026-11-21', verify: false });
    const out = fs.readFileSync(path.join(dir, 'src/page.ts'), 'utf8');
    expect(out.split('  constructor(client: typeof sdk) {\n    this.flags = client;\n')).toHaveLength(3);
    expect(out.split("    return 'new';\n")).toHaveLength(3);
    expect(fs.readFileSync(path.join(dir, 'src/main.ts'), 'utf8')).toBe(main);
  });

  it('takes unused names out of nested patterns, and keeps an effectful initializer', async () => {
    const text = `import { useFlag } from './flags';
import { loadConfig } from './config';

export function limits(): string {
  const { limits: { seats, readOnly }, version } = loadConfig();
  const {
    ui: { compact },
  } = loadConfig();
  if (!useFlag('new-checkout') && readOnly && compact) return 'read-only';
  return \`\${seats}\${version}\`;
}
`;
    const config = `export function loadConfig(): { limits: { seats: number; readOnly: boolean }; version: string; ui: { compact: boolean } } {
  return { limits: { seats: 1, readOnly: true }, version: '1', ui: { compact: false } };
}
`;
    const out = await removeIn(text, { 'src/config.ts': config });
    expect(out).toContain('  const { limits: { seats }, version } = loadConfig();\n');
    // Its only name went, from a call that may have effects: the statement stays as written.
    expect(out).toContain('  const {\n    ui: { compact },\n  } = loadConfig();\n  return');
  });

  it('drops a call of an imported function only when that function only computes', async () => {
    const ops = `export const oneOf = (list: string[], x: string): boolean => {
  return list.some((value) => value === x);
};

export function seen(x: string): boolean {
  return [x].some((value) => {
    console.log(value);
    return true;
  });
}
`;
    const text = `import { useFlag } from './flags';
import { oneOf, seen } from './ops';

export function caseSensitive(op: string): boolean {
  if (
    oneOf(['eq', 'ne'], op) ||
    (oneOf(['in'], op) && !useFlag('new-checkout'))
  ) {
    return true;
  }
  if (seen(op) && !useFlag('new-checkout')) return true;
  return false;
}
`;
    const out = await removeIn(text, { 'src/ops.ts': ops });
    expect(out).toContain("  if (oneOf(['eq', 'ne'], op)) {\n");
    expect(out).toContain('  seen(op);\n');
  });
});

describe('options built for the read', () => {
  const config = JSON.stringify({
    registry: 'flags.yaml',
    include: ['**/*.{ts,tsx}'],
    accessors: [{ call: 'getFlag.execute', keyArg: 0, keyProperty: 'key' }],
  });
  const client = `export class Command {
  static create(options: { key: string; orgId: string }): Command {
    return Object.assign(new Command(), options);
  }
}

export const getFlag = { execute: async (command: Command): Promise<boolean> => command instanceof Command };
`;

  it('goes with the folded read when it was built first (`const cmd = Command.create({ key })`), and stays when used again', async () => {
    const text = `import { Command, getFlag } from './flag-client';

export async function checkout(orgId: string): Promise<string> {
  const command = Command.create({
    orgId,
    key: 'new-checkout',
  });
  const enabled = await getFlag.execute(command);
  if (!enabled) {
    return 'legacy';
  }
  return 'fast';
}

export async function audit(orgId: string): Promise<string> {
  const auditCommand = Command.create({ orgId, key: 'new-checkout' });
  const on = await getFlag.execute(auditCommand);
  return on ? \`audited \${auditCommand.key}\` : 'skipped';
}
`;
    const out = await removeIn(text, { 'flagdebt.config.json': config, 'src/flag-client.ts': client });
    expect(out).toBe(`import { Command } from './flag-client';

export async function checkout(orgId: string): Promise<string> {
  return 'fast';
}

export async function audit(orgId: string): Promise<string> {
  const auditCommand = Command.create({ orgId, key: 'new-checkout' });
  return \`audited \${auditCommand.key}\`;
}
`);
  });
});
