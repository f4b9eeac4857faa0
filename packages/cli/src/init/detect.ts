/**
 * Which SDK accessors a project uses. Every catalog accessor is matched with core's own matcher
 * (the one `scan` uses), so a call counts only when it reaches the SDK through imports; the
 * accessors that match a read outside test files are the ones `init` proposes.
 */
import path from 'node:path';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, DEFAULT_TESTS, FlagProject, isCallAccessor, isDefineAccessor, isMemberAccessor, type Accessor, type CallAccessor, type FlagValue } from '@flagdebt/core';
import ts from '@flagdebt/core/typescript';
import { diskScanHost } from '@flagdebt/scanner';
import { catalogAccessors, catalogDefiners, catalogPackages, flagObjectHooks, SDK_FAMILIES } from './sdk-catalog.js';

export interface DetectedAccessor {
  sdk: string;
  accessor: Accessor;
  /** Direct reads (not through a wrapper) outside test files, dynamic keys included. */
  reads: number;
  /** Reads only in test files: not proposed, but reported. */
  testReads: number;
}

/** A `const { a, b } = useFlags()` read that no accessor can describe: reported, not proposed. */
export interface UncoveredRead {
  file: string;
  line: number;
  what: string;
}

export interface Detection {
  files: string[];
  tests: Set<string>;
  accessors: DetectedAccessor[];
  /** First literal default passed for a key, from direct reads outside tests. */
  defaults: Map<string, FlagValue>;
  uncovered: UncoveredRead[];
}

export async function detectAccessors(dir: string): Promise<Detection> {
  const host = diskScanHost;
  const notIgnoreFile = (file: string) => !file.endsWith('.gitignore');
  const files = (await host.listFiles(dir, { include: [...DEFAULT_INCLUDE], exclude: [...DEFAULT_EXCLUDE] })).filter(notIgnoreFile);
  const tests = new Set((await host.listFiles(dir, { include: [...DEFAULT_TESTS], exclude: [...DEFAULT_EXCLUDE] })).filter(notIgnoreFile));

  const catalog = [...catalogAccessors(), ...catalogDefiners()];
  const sdkOf = new Map<Accessor, string>(catalog.map((c) => [c.accessor, c.sdk]));
  const project = new FlagProject({ root: dir, accessors: catalog.map((c) => c.accessor), host });
  // A file can read a flag only if it names an SDK package or one of the SDK's read names
  // (`gb.isOn` on a client imported from a project module names no package), or calls a flag
  // defined elsewhere (`await showBanner()`: known once its definition was seen).
  const staticWords = [...catalogPackages(), ...new Set(SDK_FAMILIES.flatMap((f) => f.reads.map((r) => r.call)))];
  const definitions = new Set<string>();
  const detected = new Map<string, DetectedAccessor>();
  const defaults = new Map<string, FlagValue>();
  const uncovered: UncoveredRead[] = [];
  const flagObjects = new Map<string, DetectedAccessor>();
  const count = (sdk: string, accessor: Accessor, isTest: boolean) => {
    const id = accessorId(accessor);
    const entry = detected.get(id) ?? { sdk, accessor, reads: 0, testReads: 0 };
    if (isTest) entry.testReads += 1;
    else entry.reads += 1;
    detected.set(id, entry);
  };

  const candidates: string[] = [];
  // Definitions first: the calls of a defined flag spell only its name.
  const ordered = [...files].sort((a, b) => Number(!definesFlags(host.readFile(a))) - Number(!definesFlags(host.readFile(b))));
  for (const file of ordered) {
    const text = host.readFile(file);
    if (text === undefined || !(staticWords.some((w) => text.includes(w)) || [...definitions].some((w) => text.includes(w)))) continue;
    candidates.push(file);
    const isTest = tests.has(file);
    for (const read of project.readsIn(file, text)) {
      if (isDefineAccessor(read.accessor)) {
        // A definition makes its const's name a word to look for; its calls are the reads.
        if (read.data === 'definition') {
          for (const w of project.wrappers()) if (w.accessor === read.accessor) definitions.add(w.name);
        } else if (read.wrapper && read.data === undefined) {
          count(sdkOf.get(read.accessor) ?? 'Vercel flags', read.accessor, isTest);
        }
        continue;
      }
      // Dynamic reads count too: a forwarding wrapper (`useFlagOn(key)`) reads the SDK with a
      // parameter, and the wrapper is only found when its accessor is in the config.
      if (read.wrapper || !isCallAccessor(read.accessor)) continue;
      const sdk = sdkOf.get(read.accessor);
      if (sdk === undefined) continue;
      count(sdk, read.accessor, isTest);
      const literal = read.defaultArg?.literal;
      if (!isTest && read.key !== null && literal !== undefined && !defaults.has(read.key)) defaults.set(read.key, literal);
    }
    for (const found of flagObjectReads(project.sourceFile(file), file)) {
      if (found.kind === 'uncovered') {
        if (!isTest) uncovered.push({ file, line: found.line, what: found.what });
        continue;
      }
      // Tied to the SDK's module: a `flags` elsewhere (a CLI's parsed options) is no container.
      const accessor: Accessor = { member: found.name, from: found.from };
      const id = accessorId(accessor);
      const entry = flagObjects.get(id) ?? { sdk: found.sdk, accessor, reads: 0, testReads: 0 };
      if (isTest) entry.testReads += 1;
      else entry.reads += 1;
      flagObjects.set(id, entry);
    }
  }

  // A forwarding wrapper's own read (`return useFeatureFlagVariantKey(flag)`) is no reference,
  // but its accessor must be in the config for the wrapper's callers to be found.
  for (const wrapper of project.discoverWrappers(candidates)) {
    const sdk = sdkOf.get(wrapper.accessor);
    if (sdk !== undefined && wrapper.keyParam !== undefined) count(sdk, wrapper.accessor, tests.has(wrapper.file));
  }

  const accessors = [...detected.values(), ...flagObjects.values()].sort((a, b) => b.reads - a.reads || accessorId(a.accessor).localeCompare(accessorId(b.accessor)));
  return { files, tests, accessors, defaults, uncovered };
}

/** A file that may define Vercel-style flags: it imports a package with a definer. */
function definesFlags(text: string | undefined): boolean {
  return text !== undefined && /from\s+['"](@vercel\/)?flags(\/[\w-]+)?['"]/.test(text);
}

export function accessorId(a: Accessor): string {
  if (isCallAccessor(a)) return `${a.call}@${a.from ?? ''}`;
  if (isDefineAccessor(a)) return `define ${a.define}@${a.from ?? ''}`;
  return isMemberAccessor(a) ? `.${a.member}@${a.from ?? ''}` : JSON.stringify(a);
}

type FlagObjectRead = { kind: 'member'; sdk: string; name: string; from: string } | { kind: 'uncovered'; line: number; what: string };

/**
 * `const flags = useFlags()` (LaunchDarkly): later reads are `flags.someFlag`, a member accessor
 * on the variable. A destructured `const { someFlag } = useFlags()` has no object to name, so it
 * is reported instead.
 */
function flagObjectReads(sf: ts.SourceFile, file: string): FlagObjectRead[] {
  const hooks = flagObjectHooks();
  if (!hooks.some((h) => sf.text.includes(h.hook))) return [];
  const imported = new Map<string, { sdk: string; hook: string; from: string }>();
  for (const stmt of sf.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
    const specifier = stmt.moduleSpecifier.text;
    const bindings = stmt.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const name = (element.propertyName ?? element.name).text;
      const hook = hooks.find((h) => h.hook === name && h.packages.some((p) => specifier === p || specifier.startsWith(`${p}/`)));
      if (hook) imported.set(element.name.text, { sdk: hook.sdk, hook: hook.hook, from: specifier });
    }
  }
  if (imported.size === 0) return [];
  const out: FlagObjectRead[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.initializer) {
      const init = node.initializer;
      if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && imported.has(init.expression.text)) {
        const { sdk, hook, from } = imported.get(init.expression.text) as { sdk: string; hook: string; from: string };
        if (ts.isIdentifier(node.name)) out.push({ kind: 'member', sdk, name: node.name.text, from });
        else {
          const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
          out.push({ kind: 'uncovered', line, what: `\`${node.getText(sf).replace(/\s+/g, ' ')}\`: destructured ${hook}() in ${path.basename(file)}` });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The accessor as written to the config: field order of docs/config.md. */
export function configAccessor(a: Accessor): Accessor {
  if (isMemberAccessor(a)) {
    const out: Accessor = a.from === undefined ? { member: a.member } : { member: a.member, from: a.from };
    // What a read evaluates to (a flags service's handle: `flags.x.value`), for the codemod.
    if (a.returns !== undefined) out.returns = a.returns;
    if (a.valueProperty !== undefined) out.valueProperty = a.valueProperty;
    if (a.observableProperty !== undefined) out.observableProperty = a.observableProperty;
    if (a.unwrap !== undefined) out.unwrap = a.unwrap;
    return out;
  }
  if (isDefineAccessor(a)) return a.from === undefined ? { define: a.define, keyProperty: a.keyProperty, keyArg: a.keyArg } : { define: a.define, keyProperty: a.keyProperty, keyArg: a.keyArg, from: a.from };
  if (!isCallAccessor(a)) return a;
  const out: CallAccessor = { call: a.call, keyArg: a.keyArg };
  if (a.defaultArg !== undefined) out.defaultArg = a.defaultArg;
  if (a.keyProperty !== undefined) out.keyProperty = a.keyProperty;
  if (a.from !== undefined) out.from = a.from;
  if (a.returns !== undefined) out.returns = a.returns;
  if (a.valueProperty !== undefined) out.valueProperty = a.valueProperty;
  if (a.observableProperty !== undefined) out.observableProperty = a.observableProperty;
  if (a.unwrap !== undefined) out.unwrap = a.unwrap;
  return out;
}
