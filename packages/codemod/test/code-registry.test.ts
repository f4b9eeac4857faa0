import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { removeFlags } from '../src/index.js';
import { setUp, typeErrors } from './support/fixture-cases.js';

// Retiring keys from a registry that lives in code (registry.code), beyond the fixture pairs.
const root = fileURLToPath(new URL('./fixtures-typed', import.meta.url));
const unionCase = path.join(root, 'code-union');
const read = (project: string, rel: string) => fs.readFileSync(path.join(project, rel), 'utf8');

describe('retiring a key from a code registry', () => {
  it('retires an unused key (no reads) from the union, the defaults, UiFlags, the schema and the key list', async () => {
    const project = setUp(root, unionCase);
    const before = { routes: read(project, 'src/server/routes.ts'), sidebar: read(project, 'src/components/Sidebar.ts') };
    const result = await removeFlags({ dir: project, flags: [{ key: 'betaSearch', value: false }], allowDirty: true, now: '2026-11-21' });
    expect(result.flags).toEqual([{ key: 'betaSearch', value: false, evaluations: 0 }]);
    expect(result.changed.map((c) => c.relative).sort()).toEqual(['src/server/schema.ts', 'src/types/flags.ts', 'src/ui/uiConfig.ts']);
    for (const c of result.changed) expect(c.after).not.toContain('betaSearch');
    expect(read(project, 'src/server/schema.ts')).toContain("export const BETA_FLAGS: FlagKey[] = ['newNav'];");
    // Nothing else moved, and the project still compiles.
    expect(read(project, 'src/server/routes.ts')).toBe(before.routes);
    expect(read(project, 'src/components/Sidebar.ts')).toBe(before.sidebar);
    expect(typeErrors(project)).toEqual([]);
    // The tombstone: the metadata did not list the key, so an entry is appended.
    expect(read(project, 'flags.yaml')).toMatch(/\n {2}betaSearch:\n {4}state: archived\n {4}since: 2026-11-21\n {4}value: false\n$/);
    const again = await removeFlags({ dir: project, flags: [{ key: 'betaSearch', value: false }], allowDirty: true, now: '2026-11-22' });
    expect({ changed: again.changed.length, registry: again.registry }).toEqual({ changed: 0, registry: null });
  });

  it('finds the export behind a barrel that re-exports it', async () => {
    const project = setUp(root, unionCase);
    fs.writeFileSync(path.join(project, 'src/index.ts'), "export type { FlagKey } from './types/flags';\nexport * from './ui/uiConfig';\n");
    const config = JSON.parse(read(project, 'flagdebt.config.json'));
    config.registry.code = ['src/index.ts#FlagKey', 'src/index.ts#UiFlags'];
    fs.writeFileSync(path.join(project, 'flagdebt.config.json'), JSON.stringify(config));
    await removeFlags({ dir: project, flags: [{ key: 'newNav', value: true }], allowDirty: true, now: '2026-11-21' });
    for (const f of ['src/types/flags.ts', 'src/ui/uiConfig.ts', 'src/server/schema.ts']) expect(read(project, f)).not.toContain('newNav');
    expect(typeErrors(project)).toEqual([]);
  });

  it('leaves a mirror in a JavaScript file (no type-check guards it) while code still reads `.key`', async () => {
    const project = setUp(root, unionCase);
    const legacy = [
      "import { defaultFlags } from '../types/flags';",
      '',
      'export const legacyFlags = { ...defaultFlags, newNav: false, darkMode: true, betaSearch: false };',
      'export const legacyNav = () => (legacyFlags.newNav ? "sidebar" : "topbar");',
      '',
    ].join('\n');
    const config = JSON.parse(read(project, 'flagdebt.config.json'));
    config.include = ['**/*.{ts,tsx,js}'];
    fs.writeFileSync(path.join(project, 'flagdebt.config.json'), JSON.stringify(config));
    fs.mkdirSync(path.join(project, 'src/legacy'));
    fs.writeFileSync(path.join(project, 'src/legacy/flags.js'), legacy);
    await removeFlags({ dir: project, flags: [{ key: 'newNav', value: true }], allowDirty: true, now: '2026-11-21' });
    expect(read(project, 'src/legacy/flags.js')).toBe(legacy);
    expect(read(project, 'src/types/flags.ts')).not.toContain('newNav');
  });

  it('creates the metadata YAML for the tombstone when the project has none', async () => {
    const project = setUp(root, unionCase);
    fs.rmSync(path.join(project, 'flags.yaml'));
    const result = await removeFlags({ dir: project, flags: [{ key: 'newNav', value: true }], allowDirty: true, now: '2026-11-21' });
    expect(result.registry?.relative).toBe('flags.yaml');
    expect(read(project, 'flags.yaml')).toMatch(/^#.*\n(#.*\n)*flags:\n {2}newNav:\n {4}state: archived\n {4}since: 2026-11-21\n {4}value: true\n$/);
    expect(read(project, 'src/types/flags.ts')).not.toContain('newNav');
  });

  it('keeps every declaration of the key when one use of it would no longer type-check (all or nothing)', async () => {
    const project = setUp(root, unionCase);
    // A typed use the codemod does not fold: without the union member this is TS2322.
    fs.writeFileSync(path.join(project, 'src/server/audit.ts'), "import type { FlagKey } from '../types/flags';\n\nexport const AUDITED_FLAG: FlagKey = 'newNav';\n");
    const declarations = ['src/types/flags.ts', 'src/ui/uiConfig.ts', 'src/server/schema.ts', 'src/server-dev.ts'].map((f) => [f, read(project, f)]);
    const result = await removeFlags({ dir: project, flags: [{ key: 'newNav', value: true }], allowDirty: true, now: '2026-11-21' });
    expect(result.verify?.newErrors).toEqual([]);
    for (const [f, text] of declarations) expect(read(project, f)).toBe(text);
    // The reads are still folded.
    expect(read(project, 'src/server/routes.ts')).toContain("const layout = 'sidebar';");
    expect(result.warnings.map((w) => w.code)).toContain('remove/kept-key-declaration');
    expect(typeErrors(project)).toEqual([]);
  });

  it('drops `flag: key` from entries typed by the registry when the flag is kept on, and keeps the key when kept off', async () => {
    const routes = [
      "import type { UiFlags } from './uiConfig';",
      '',
      'interface Route {',
      '    path: string;',
      '    title: string;',
      '    /** Only shown when this flag is on. */',
      '    flag?: keyof UiFlags;',
      '}',
      '',
      'export const routes: Route[] = [',
      "    { path: '/', title: 'Home' },",
      '    {',
      "        path: '/navigation',",
      "        title: 'Navigation',",
      "        flag: 'newNav',",
      '    },',
      '];',
      '',
    ].join('\n');
    const on = setUp(root, unionCase);
    fs.writeFileSync(path.join(on, 'src/ui/routes.ts'), routes);
    await removeFlags({ dir: on, flags: [{ key: 'newNav', value: true }], allowDirty: true, now: '2026-11-21' });
    expect(read(on, 'src/ui/routes.ts')).toBe(routes.replace("        flag: 'newNav',\n", ''));
    expect(read(on, 'src/ui/uiConfig.ts')).not.toContain('newNav');
    expect(typeErrors(on)).toEqual([]);
    // Kept off, the entry itself would have to go: that is left to a person, so the key stays declared.
    const off = setUp(root, unionCase);
    fs.writeFileSync(path.join(off, 'src/ui/routes.ts'), routes);
    const result = await removeFlags({ dir: off, flags: [{ key: 'newNav', value: false }], allowDirty: true, now: '2026-11-21' });
    expect(read(off, 'src/ui/routes.ts')).toBe(routes);
    expect(read(off, 'src/ui/uiConfig.ts')).toContain('newNav?: boolean;');
    expect(result.warnings.map((w) => w.code)).toContain('remove/kept-key-declaration');
    expect(typeErrors(off)).toEqual([]);
  });

  it('deletes only the label of a case that an earlier label falls into, and the body of one that served the key alone', async () => {
    const project = setUp(root, unionCase);
    const schema = path.join(project, 'src/server/schema.ts');
    fs.writeFileSync(
      schema,
      read(project, 'src/server/schema.ts') +
        [
          '',
          'export function flagTeam(key: FlagKey): string {',
          '    switch (key) {',
          "        case 'darkMode':",
          "        case 'newNav':",
          "            return 'design';",
          "        case 'betaSearch':",
          "            return 'search';",
          '    }',
          '}',
          '',
        ].join('\n'),
    );
    await removeFlags({ dir: project, flags: [{ key: 'newNav', value: true }], allowDirty: true, now: '2026-11-21' });
    const after = read(project, 'src/server/schema.ts');
    expect(after).toContain("        case 'darkMode':\n            return 'design';\n        case 'betaSearch':");
    expect(after).toContain("    switch (key) {\n        case 'darkMode':\n            return 'Dark mode';");
    expect(after).not.toContain('newNav');
    expect(typeErrors(project)).toEqual([]);
  });
});
