import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CandidateFilter, FlagProject, searchCandidates, type Accessor } from '../../src/index.js';
import { accessorShapes } from '../../src/matching/candidate-shapes.js';
import { fixtureDir } from './helpers.js';

/** Unleash's accessors (bench/realworld/unleash) plus an `export` accessor: one of each shaped kind. */
const ACCESSORS: Accessor[] = [
  { call: 'useUiFlag', keyArg: 0 },
  { call: 'flagResolver.isEnabled', keyArg: 0 },
  { member: 'uiConfig.flags' },
  { property: 'flag' },
  { export: 'featureFlag' },
];

function shapedFilter(accessors: Accessor[] = ACCESSORS, words: string[] = []): CandidateFilter {
  const { plain, shapes } = accessorShapes(accessors);
  return new CandidateFilter([...plain, ...words], [], { shapes });
}

describe('pre-filter per accessor kind', () => {
  const filter = shapedFilter();

  it('keeps a file that calls a call accessor, in every form the matcher accepts', () => {
    for (const text of [
      "const on = useUiFlag('newNav');",
      "const on = useUiFlag<boolean>('newNav');",
      "if (this.flagResolver.isEnabled('exportV2')) run();",
      "this.flagResolver?.isEnabled?.('exportV2')",
      "flagResolver.isEnabled!('k')",
      "(flagResolver.isEnabled)('k')",
      "(flagResolver.isEnabled as Check)('k')",
      "flagResolver['isEnabled']('k')",
      'flagResolver[`isEnabled`](`k`)',
      "flagResolver.isEnabled // why\n  /* and how */ ('k')",
      "@useUiFlag('k') class X {}",
    ]) {
      expect(filter.matches(text), text).toBe(true);
    }
  });

  it('keeps a file that reads a member container, directly or through destructuring', () => {
    for (const text of [
      'const on = uiConfig.flags.newNav;',
      "const on = uiConfig?.flags?.['new-nav'];",
      "const on = uiConfig['flags'].newNav;",
      'const { flags } = uiConfig;\nreturn flags.newNav;',
      'const { newNav, banner } = useUiConfig().uiConfig.flags;',
    ]) {
      expect(filter.matches(text), text).toBe(true);
    }
  });

  it('keeps a file with a property or export accessor, also quoted, shorthand or after a comment', () => {
    for (const text of [
      "const routes = [{ path: '/a', flag: Flags.A }];",
      "const routes = [{ 'flag': 'a' }];",
      'const route = { path, flag /* the gate */ : Flags.A };',
      'const route = { path, flag };',
      'const route = {\n  path,\n  // the gate\n  flag,\n};',
      'const route = { /* gate */ flag };',
      "export const featureFlag = Flags.Banner;",
      "export const featureFlag: string = 'banner';",
    ]) {
      expect(filter.matches(text), text).toBe(true);
    }
  });

  it('drops a file that spells the words only in prose or as unrelated identifiers', () => {
    for (const text of [
      '// feature flags are stored per project; a flag is enabled by the resolver',
      'const flags = await db.select("features");\nreturn flags.filter((flag) => flag.project === project);',
      'interface Row {\n  isEnabled: boolean;\n  flag?: string;\n}',
      "import { useUiFlag } from './useUiFlag';\nexport { useUiFlag };",
      "const names = ['isEnabledFor', './useUiFlag'];",
      'const flag = rows[0];\nif (flag) count++;',
      '<li key={flag.name}>{flag.name}</li>',
      'export function featureFlagName(): string { return "x"; }',
      'const label = `${featureFlag}`;',
      "isEnabledFor('x'); const myflag = { flagged: 1 };",
    ]) {
      expect(filter.matches(text), text).toBe(false);
    }
  });

  it('counts a member path only where every segment is spelled', () => {
    expect(filter.matches('return props.flags.newNav;')).toBe(false);
    expect(filter.matches('const uiConfig = load(); // no flags read here: flags are in the store')).toBe(true);
  });

  it('stays conservative where text cannot tell: annotations and ternaries look like properties, declarations like calls', () => {
    expect(filter.matches('function show(flag: string) {}')).toBe(true);
    expect(filter.matches('const x = on ? flag : other;')).toBe(true);
    expect(filter.matches('function useUiFlag(name: string) {}')).toBe(true);
  });

  it('keeps plain words wherever they are spelled: wrapper names and accessors the matcher follows through imports', () => {
    // A wrapper whose name is a shaped accessor word: every file spelling it counts.
    expect(shapedFilter(ACCESSORS, ['isEnabled']).matches("export { isEnabled } from './toggles';")).toBe(true);
    // `from`: the call may be renamed on import, so its word is plain.
    const renamed = shapedFilter([{ call: 'useFlag', keyArg: 0, from: '@acme/flags' }]);
    expect(renamed.matches("import { useFlag as useF } from '@acme/flags';\nuseF('k');")).toBe(true);
    // A one-segment member path has many forms (`const { a } = flags`).
    expect(shapedFilter([{ member: 'flags' }]).matches('const { a } = flags;')).toBe(true);
  });

  it('does not backtrack on runs of slashes or unterminated comments after a word', () => {
    const text = `const on = useUiFlag ${'/'.repeat(20000)}\n${'/* '.repeat(5000)}`;
    expect(filter.matches(text)).toBe(false);
  });
});

describe('candidate search with shaped accessor words', () => {
  const root = fixtureDir('candidate-shapes');
  const files = listFiles(path.join(root, 'src'));
  const rel = (f: string) => path.relative(root, f);
  const search = (project: FlagProject, plain: boolean) =>
    searchCandidates({
      project: plain ? { candidateWords: () => project.candidateWords(), discoverWrappers: (f) => project.discoverWrappers(f) } : project,
      files,
      text: (f) => fs.readFileSync(f, 'utf8'),
    }).map(rel);

  it('chooses every file with a read, the callers of the wrappers found, and not the files that only talk about flags', () => {
    const chosen = search(new FlagProject({ root, accessors: ACCESSORS, tsconfig: false }), false);
    expect(chosen).toEqual([
      // client/index.ts spells `isEnabled` only in a re-export: chosen once the wrapper named so is found.
      'src/client/index.ts',
      'src/client/toggles.ts',
      'src/components/Banner.tsx',
      'src/components/NavBar.tsx',
      'src/hooks/useNewNav.ts',
      'src/hooks/useUiFlag.ts',
      'src/onboarding/index.ts',
      'src/routes.ts',
      'src/server/export-service.ts',
    ]);
    // The whole-word filter also parses the store, the list, the config type and the key object's comment.
    const plain = search(new FlagProject({ root, accessors: ACCESSORS, tsconfig: false }), true);
    expect(plain).toEqual(expect.arrayContaining(chosen));
    expect(plain.filter((f) => !chosen.includes(f))).toEqual(['src/components/FlagList.tsx', 'src/flags.ts', 'src/hooks/ui-config-context.ts', 'src/server/flag-store.ts']);
  });

  it('loses no read: every file in which a full read finds one is chosen', () => {
    const chosen = new Set(search(new FlagProject({ root, accessors: ACCESSORS, tsconfig: false }), false));
    const everything = new FlagProject({ root, accessors: ACCESSORS, tsconfig: false });
    everything.discoverWrappers(files);
    const withReads = files.filter((f) => everything.readsIn(f).length > 0).map(rel);
    expect(withReads).toEqual([
      'src/components/Banner.tsx',
      'src/components/NavBar.tsx',
      'src/hooks/useNewNav.ts',
      'src/onboarding/index.ts',
      'src/routes.ts',
      'src/server/export-service.ts',
    ]);
    for (const f of withReads) expect(chosen.has(f), f).toBe(true);
  });
});

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}
