import path from 'node:path';
import ts from '../ts-morph-ts.cjs';
import type { FlagProject } from '@flagdebt/core';
import { PathRules } from '@flagdebt/core/files';
import { accessorName, FlagdebtError, isCallAccessor, isExportAccessor, isPropertyAccessor, type Diagnostic, type FlagdebtConfig, type FlagValue, type Span } from '@flagdebt/core';
import { deleteWhatBecameUnused } from '../cascade/dead-code.js';
import { collectDeclarations } from '../cascade/declarations.js';
import { sweepTestFiles } from '../cascade/dead-test-files.js';
import { EntryPoints } from '../cascade/entry-points.js';
import { deleteFlagTableEntries } from '../cascade/flag-tables.js';
import { deleteFoldedMethodWrappers } from '../cascade/method-wrappers.js';
import { inlineConstantProps } from '../cascade/constant-props.js';
import { inlineForwardingComponents } from '../cascade/forwarding-components.js';
import { deleteKeyDeclarations } from '../cascade/key-declarations.js';
import { retireFromCodeRegistry } from '../cascade/retire-key.js';
import type { TextFormat } from '../edit/text-format.js';
import { OverlappingEditsError } from '../edit/text-edits.js';
import { foldEvaluations, parse } from '../fold/fold-engine.js';
import { exportsPureFunction } from '../fold/fold-context.js';
import { assertionStatement, expressionAt, readShape } from './read-shapes.js';
import { applyEdits, type Edit } from '../edit/text-edits.js';
import { removalRange } from '../edit/layout.js';
import type { FlagRead } from '@flagdebt/core';
import { syntaxErrorsOf } from '../safety/parse-check.js';
import type { ResolvedFlag } from './flag-values.js';
import { SourceSet } from './source-set.js';
import { foldOptionKey, foldStructuralRead, isOptionOfHandlerCall } from './structural-reads.js';
import { UnanalysedFiles } from './unanalysed-files.js';
import { candidateFiles, codemodProject, mentionsAny } from './flag-reads.js';

/** What the run would do to the code, computed in memory (texts normalised to LF, no BOM). */
export interface RemovalPlan {
  sources: SourceSet;
  formats: Map<string, TextFormat>;
  evaluations: Map<string, number>;
  declarationsDeleted: number;
  deletedFiles: string[];
  project: FlagProject;
  /** Files that mention a flag but were skipped (they do not parse, or are too large or deep). */
  warnings: Diagnostic[];
  /** Keys still read in a skipped file: their registry entries must not be archived. */
  keptInRegistry: Set<string>;
  /** Keys whose reads this run removed, and with a code registry every key it retires (their declarations may go). */
  removedKeys: Set<string>;
  /** Texts before the key declarations (union members, listing interfaces, flag tables, code registry) were deleted, to undo that step. */
  keyDeclarationEdits: Map<string, string>;
}

/**
 * `registryKeys`: every key of the registry, whatever its state (a table of flags is recognised by them).
 * `readsFound`: told, as soon as the reads are known, the files the removal will most likely
 * rewrite (those with reads to fold, the code registry's modules): the gate checks them ahead.
 */
export async function planRemoval(config: FlagdebtConfig, flags: ResolvedFlag[], registryKeys: ReadonlySet<string> = new Set(), readsFound?: (files: string[]) => void): Promise<RemovalPlan> {
  const sources = new SourceSet();
  const keys = flags.map((f) => f.key);
  const project = codemodProject(config, sources, keys);
  const { files, tooLarge, words } = await candidateFiles(config, project, sources, keys);

  const evaluations = new Map<string, number>(keys.map((k) => [k, 0]));
  const changed: string[] = [];
  const values = new Map(flags.map((f) => [f.key, f.value]));
  const skipped = new UnanalysedFiles(config.root, new Map(flags.map((f) => [f.key, f.state])));
  const skip = (file: string, why: string): void => skipped.add(file, sources.originalText(file) ?? '', why, words);
  for (const file of tooLarge) skip(file, 'it is too large to analyse');
  // All reads are collected on the original texts first: folding one file (a wrapper's own
  // read) must not change what the reads in its callers resolve to.
  const planned: Array<{ file: string; text: string; spans: Array<Span & { key: string; value: FlagValue; text?: string; constant?: boolean; companion?: boolean }> }> = [];
  const definitions: Array<{ file: string; read: FlagRead; name: string | undefined }> = [];
  /**
   * Consts built only to hold a folded read's options (`const cmd = Command.create({ key })`) or
   * the client it was read from (`const gb = useGrowthBook()`, `const client = getClient()`).
   */
  const readOptions: Array<{ file: string; name: string }> = [];
  /** Literal default arguments of the folded reads (`isEnabled('k', false)`), per key. */
  const defaultArgs = new Map<string, FlagValue[]>();
  for (const file of files) {
    let text = sources.text(file);
    if (typeof text !== 'string') continue;
    const all = project.readsIn(file, text).filter((r) => r.kind === 'evaluation' && r.key !== null && values.has(r.key));
    // JSX gates and keys in data are reads, but not expressions with the flag's value; one key of
    // several read at once (`isEnabled([A, B])`) is not this flag's value alone: neither is folded.
    for (const r of all) {
      // A flag's definition goes with the cascade once nothing calls it (checked after it); a
      // defined flag passed on as an object (`precompute([showBanner])`) is left for a human.
      if (r.data === 'definition') definitions.push({ file, read: r, name: definedName(text, file, r.span) });
      else if (r.data === 'flag-object') skipped.unfolded(file, r);
      else if (r.keyInArray && !r.gate && !r.data) skipped.addShared(file, r);
    }
    // JSX gates and keys in data are folded by rewriting what is around them (structural-reads).
    let structural = all.filter(isStructural);
    let reads = all.filter((r) => !r.gate && !r.data && !r.keyInArray);
    // A file that reads other flags only is none of this run's business, even when it cannot be analysed.
    if (all.length === 0 && !mentionsAny(text, words)) continue;
    // No reads may only mean the parser gave up on this file, or misread its broken syntax.
    if (reads.length === 0 && structural.length === 0 && project.problems(file, text).length > 0) {
      skip(file, 'the code is nested too deeply to analyse');
      continue;
    }
    let broken: Diagnostic[];
    // Parsed once: for its syntax errors, then for the reads' shapes (about 0.1 s on a large project).
    let sf: ts.SourceFile;
    try {
      sf = parse(file, text);
      broken = syntaxErrorsOf(sf, path.relative(config.root, file));
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      skip(file, 'the code is nested too deeply to analyse');
      continue;
    }
    if (broken.length > 0) {
      // Edits are only proven safe by re-parsing; a file that does not parse now cannot be checked.
      const b = broken[0];
      skip(file, `line ${b.line}: ${b.message.replace(/^the rewritten file would not parse: /, '')}`);
      continue;
    }
    if (reads.length === 0 && structural.length === 0) continue;
    const spans: Array<Span & { key: string; value: FlagValue; text?: string; constant?: boolean; companion?: boolean }> = [];
    const asserted = dropAssertions(sf, text, reads);
    if (asserted.dropped.length > 0) {
      for (const r of asserted.dropped) {
        evaluations.set(r.key!, (evaluations.get(r.key!) ?? 0) + 1);
        skipped.deletedAssertion(file, r);
      }
      text = asserted.text;
      sf = parse(file, text);
      const again = project.readsIn(file, text).filter((r) => r.kind === 'evaluation' && r.key !== null && values.has(r.key));
      reads = again.filter((r) => !r.gate && !r.data && !r.keyInArray);
      structural = again.filter(isStructural);
    }
    for (const r of structural) {
      const folded = foldStructuralRead(sf, text, r, values.get(r.key!)!);
      if ('keep' in folded) {
        skipped.unfolded(file, r, folded.keep);
        continue;
      }
      evaluations.set(r.key!, (evaluations.get(r.key!) ?? 0) + 1);
      spans.push({ ...folded, key: r.key!, value: values.get(r.key!)! });
    }
    for (const r of reads) {
      const node = expressionAt(sf, r.span);
      if (isOptionOfHandlerCall(sf, r, node)) {
        // A key in the options of a call that wraps a handler: no value to fold, the option goes.
        const option = foldOptionKey(sf, text, r, values.get(r.key!)!);
        if ('keep' in option) {
          skipped.keepRead(file, r, option.keep, 'remove/not-a-value');
          continue;
        }
        evaluations.set(r.key!, (evaluations.get(r.key!) ?? 0) + 1);
        spans.push({ ...option, key: r.key!, value: values.get(r.key!)! });
        continue;
      }
      if (r.defaultArg?.literal !== undefined) defaultArgs.set(r.key!, [...(defaultArgs.get(r.key!) ?? []), r.defaultArg.literal]);
      const shape = node ? readShape(sf, r, node) : { fold: r.span };
      if ('keep' in shape) {
        // Not a value: the read stays, so does the flag's registry entry.
        skipped.keepRead(file, r, shape.keep, shape.code);
        continue;
      }
      evaluations.set(r.key!, (evaluations.get(r.key!) ?? 0) + 1);
      spans.push({ ...shape.fold, key: r.key!, value: values.get(r.key!)! });
      // `const { enabled } = useFlag(K)` becomes `const enabled = true`: the pattern is an edit of its own, no evaluation.
      if (shape.rename) spans.push({ ...shape.rename.span, text: shape.rename.text, key: r.key!, value: values.get(r.key!)!, companion: true });
      const holder = optionsHolder(sf, r);
      if (holder !== undefined) readOptions.push({ file, name: holder });
      const client = node && clientHolder(node);
      if (client !== undefined) readOptions.push({ file, name: client });
    }
    if (spans.length > 0 || asserted.dropped.length > 0) planned.push({ file, text, spans });
  }
  readsFound?.([...planned.map((p) => p.file), ...config.registryCode.map((r) => r.file)]);
  // `oneOf(list, x) && false`: a project function that only computes may be dropped like `x.a`.
  const pureCache = new Map<string, boolean>();
  const pureImports = (file: string) => (specifier: string, exported: string): boolean => {
    const target = project.resolveModule(specifier, file);
    if (!target) return false;
    const key = `${target}\0${exported}`;
    if (!pureCache.has(key)) {
      const original = sources.originalText(target);
      pureCache.set(key, typeof original === 'string' && original.includes(exported) && exportsPureFunction(parse(target, original), original, exported));
    }
    return pureCache.get(key)!;
  };
  for (const { file, text, spans } of planned) {
    let folded: string;
    try {
      folded = foldEvaluations({ fileName: file, text, evaluations: spans, pureImport: pureImports(file) }).text;
    } catch (error) {
      if (error instanceof OverlappingEditsError) throw new FlagdebtError(unsupportedShape(config.root, file, error));
      if (!(error instanceof RangeError)) throw error;
      skip(file, 'the code is nested too deeply to analyse');
      for (const s of spans) if (!s.companion) evaluations.set(s.key, evaluations.get(s.key)! - 1);
      continue;
    }
    if (folded !== sources.text(file)) {
      sources.set(file, folded);
      changed.push(file);
    }
  }
  // Tests of the side that no longer exists go; their now-unused imports go with the cascade.
  // Only for flags whose reads this run folded: while the code still branches, both sides' tests matter.
  const folded = flags.filter((f) => (evaluations.get(f.key) ?? 0) > 0).map((f) => ({ ...f, unset: unsetValue(f, defaultArgs.get(f.key) ?? []) }));
  const tests = sweepTestFiles({ config, sources, flags: folded, words, resolveModule: (spec, from) => project.resolveModule(spec, from) });
  changed.push(...tests.changed);
  skipped.warnings.push(...tests.warnings);

  const entries = new EntryPoints(config.root);
  // Per-flag wrapper methods whose every call was folded (the cascade only sees private members).
  const rules = new PathRules(config.root, config);
  const wrappers = deleteFoldedMethodWrappers({ sources, folded: planned, entries, isTest: (f) => rules.isTest(f), resolveModule: (spec, from) => project.resolveModule(spec, from) });
  changed.push(...wrappers.changed);
  // Components the fold left forwarding their props to one other: their uses take the target.
  changed.push(...inlineForwardingComponents({ sources, folded: planned.map((p) => p.file), resolveModule: (spec, from) => project.resolveModule(spec, from) }));
  // Props the fold made the same constant at every use (`<Summary showFastCheckout />`) leave the component.
  changed.push(...inlineConstantProps({ sources, folded: planned.map((p) => p.file), entries, resolveModule: (spec, from) => project.resolveModule(spec, from) }));
  const cascade = deleteWhatBecameUnused({
    sources,
    entries,
    start: changed,
    resolveModule: (spec, from) => project.resolveModule(spec, from),
    // The SDK: what calls, member reads and gates go through (data forms name no code).
    sdkRoots: new Set(config.accessors.filter((a) => !isPropertyAccessor(a) && !isExportAccessor(a)).map((a) => accessorName(a).split('.')[0])),
    sdkMembers: new Set(config.accessors.filter(isCallAccessor).map((a) => a.call.split('.').pop()!)),
    definitions: namesByFile(definitions),
    readOptions: namesByFile(readOptions),
    isTest: (f) => rules.isTest(f),
  });
  // A set-up the cascade deleted with its test double keeps no key in the registry.
  const keysReadIn = new Map<string, Set<string | null>>();
  skipped.settleMockSetups((file, key) => {
    let keys = keysReadIn.get(file);
    if (!keys) {
      const text = sources.text(file);
      keys = new Set(typeof text === 'string' ? project.readsIn(file, text).map((r) => r.key) : []);
      keysReadIn.set(file, keys);
    }
    return keys.has(key);
  });
  // A definition the cascade did not delete is still used (a call left, an array): reported, and
  // the flag stays in the registry.
  for (const d of definitions) {
    const text = sources.text(d.file);
    const gone = typeof text === 'string' && d.name !== undefined && !collectDeclarations(parse(d.file, text), (n) => n === d.name).some((x) => x.kind === 'variable');
    if (!gone || (evaluations.get(d.read.key!) ?? 0) === 0) skipped.unfolded(d.file, d.read);
  }
  // A key still read in a skipped file keeps its declarations (`KEY = 'new-checkout'`) too.
  const removedKeys = new Set(keys.filter((k) => (evaluations.get(k) ?? 0) > 0 && !skipped.blockedKeys.has(k)));
  const beforeKeys = new Map(sources.files().map((f) => [f, sources.text(f)]));
  // Tables listing flags by key lose the entry first: a union member may go once they no longer spell it.
  let keyDecls = deleteFlagTableEntries(config, sources, removedKeys, registryKeys);
  keyDecls += removedKeys.size > 0 ? deleteKeyDeclarations(project, sources, removedKeys) : 0;
  // A code registry is the authority: its keys retire whether or not this run removed reads,
  // unless a read stays somewhere (a skipped file, a kept read).
  if (config.registryCode.length > 0) {
    const retired = new Set(keys.filter((k) => !skipped.blockedKeys.has(k)));
    keyDecls += retireFromCodeRegistry(config.registryCode, sources, retired, (spec, from) => project.resolveModule(spec, from));
    // A registry module first read by the retirement was not edited before it.
    for (const f of sources.edited()) if (!beforeKeys.has(f)) beforeKeys.set(f, sources.originalText(f));
    for (const k of retired) removedKeys.add(k);
  }
  const keyDeclarationEdits = new Map([...beforeKeys].filter(([f, t]) => sources.text(f) !== t && typeof t === 'string') as Array<[string, string]>);
  return {
    sources,
    formats: sources.formats,
    evaluations,
    declarationsDeleted: cascade.declarationsDeleted + wrappers.deleted + keyDecls,
    deletedFiles: cascade.deletedFiles,
    project,
    warnings: skipped.warnings,
    keptInRegistry: skipped.blockedKeys,
    removedKeys,
    keyDeclarationEdits,
  };
}

/**
 * What the code read for a flag while nothing set it, as in a test that never mocks it: the
 * registry's `default`, else the default argument every folded read passes, else `false` for a
 * boolean flag (an unset boolean flag reads as off in every SDK). Undefined when unknown.
 */
function unsetValue(flag: ResolvedFlag, defaultArgs: FlagValue[]): FlagValue | undefined {
  if (flag.default !== undefined) return flag.default;
  if (defaultArgs.length > 0) return defaultArgs.every((v) => v === defaultArgs[0]) ? defaultArgs[0] : undefined;
  return typeof flag.value === 'boolean' ? false : undefined;
}

/** The const a flag definition (`const showBanner = flag({ ... })`) is assigned to. */
function definedName(text: string, file: string, span: Span): string | undefined {
  const node = expressionAt(parse(file, text), span);
  const parent = node?.parent;
  return parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) && parent.initializer === node ? parent.name.text : undefined;
}

/**
 * The const of this file whose initializer holds the read's key when the key sits outside the
 * read: the options built first and passed on (`const cmd = GetFlagCommand.create({ ..., key:
 * Flags.X }); await getFlag.execute(cmd)`). Once the read is folded they only served the flag.
 */
function optionsHolder(sf: ts.SourceFile, read: FlagRead): string | undefined {
  const key = read.keySpan;
  if (!key || (key.start >= read.span.start && key.end <= read.span.end)) return undefined;
  let n: ts.Node | undefined = expressionAt(sf, key);
  for (; n && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isVariableDeclaration(n)) break;
    if (ts.isStatement(n) || ts.isFunctionLike(n) || ts.isClassLike(n)) return undefined;
  }
  if (!n || !ts.isVariableDeclaration(n) || !ts.isIdentifier(n.name) || !n.initializer) return undefined;
  const list = n.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0 ? n.name.text : undefined;
}

/**
 * `growthbook?.isOn(K)` where `const growthbook = useGrowthBook()` in an enclosing block, or a
 * member read `featureFlagService.flags.x` where `const featureFlagService =
 * useService(FeatureFlagService)`: the const that holds the client a read was made on, when a call
 * made it. Once the fold took its last use it goes, and its imports with it; a client used for
 * anything else keeps a reference.
 */
function clientHolder(read: ts.Node): string | undefined {
  let e: ts.Expression;
  if (ts.isCallExpression(read)) {
    if (!ts.isPropertyAccessExpression(read.expression)) return undefined;
    e = read.expression;
  } else if (ts.isPropertyAccessExpression(read) || ts.isElementAccessExpression(read)) e = read;
  else return undefined;
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isNonNullExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  if (!ts.isIdentifier(e)) return undefined;
  const name = e.text;
  for (let n: ts.Node | undefined = read.parent; n; n = n.parent) {
    if (!ts.isBlock(n) && !ts.isSourceFile(n)) continue;
    for (const statement of n.statements) {
      if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
      // `const gb = useGrowthBook()`, or `const { featureFlagService } = useServices({ ... })`.
      const d = statement.declarationList.declarations.find((decl) => (ts.isIdentifier(decl.name) ? decl.name.text === name : ts.isObjectBindingPattern(decl.name) && bindsName(decl.name, name)));
      if (!d) continue;
      if (!d.initializer || !ts.isCallExpression(d.initializer)) return undefined;
      // The cascade knows the holder by name; where other declarations have it (`const experiments
      // = this.services.get(IExperiments)` in several methods), by name and initializer.
      if (declarationsNamed(read.getSourceFile(), name) === 1) return name;
      return ts.isIdentifier(d.name) ? holderKey(name, d.initializer.getText(read.getSourceFile())) : undefined;
    }
  }
  return undefined;
}

/** A client holder known by its name and its initializer's text (which the fold does not change). */
export function holderKey(name: string, initializer: string): string {
  return `${name}\0${initializer}`;
}

/** `{ a, b: { c }, d: e }` binds a, c and e (a rest element binds nothing we follow). */
function bindsName(pattern: ts.ObjectBindingPattern, name: string): boolean {
  return pattern.elements.some((el) => !el.dotDotDotToken && (ts.isIdentifier(el.name) ? el.name.text === name : ts.isObjectBindingPattern(el.name) && bindsName(el.name, name)));
}

/** How many variable declarations in the file bind `name` (as a name or inside an object pattern). */
function declarationsNamed(sf: ts.SourceFile, name: string): number {
  if (!sf.text.includes(name)) return 0;
  let count = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && (ts.isIdentifier(node.name) ? node.name.text === name : ts.isObjectBindingPattern(node.name) && bindsName(node.name, name))) count += 1;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return count;
}

function namesByFile(named: Array<{ file: string; name: string | undefined }>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { file, name } of named) if (name !== undefined) out.set(file, new Set([...(out.get(file) ?? []), name]));
  return out;
}

/** Deletes the statements that only assert on a read's value (see assertionStatement). */
function dropAssertions(sf: ts.SourceFile, text: string, reads: FlagRead[]): { text: string; dropped: FlagRead[] } {
  const edits: Edit[] = [];
  const dropped: FlagRead[] = [];
  const seen = new Set<ts.Node>();
  for (const r of reads) {
    const node = expressionAt(sf, r.span);
    const statement = node && assertionStatement(node);
    if (!statement) continue;
    dropped.push(r);
    if (seen.has(statement)) continue;
    seen.add(statement);
    const range = removalRange(text, statement);
    edits.push({ start: range.start, end: range.end, parts: [''] });
  }
  return edits.length === 0 ? { text, dropped } : { text: applyEdits(text, edits, { constants: [], touched: [] }).text, dropped };
}

/** A shape the folder got wrong (two rewrites of the same code): refused as a user-facing error. */
function unsupportedShape(root: string, file: string, error: OverlappingEditsError): Diagnostic {
  const before = error.text.slice(0, error.at);
  const line = before.split('\n').length;
  return {
    severity: 'error',
    code: 'remove/unsupported-shape',
    file: path.relative(root, file).split(path.sep).join('/'),
    line,
    column: error.at - before.lastIndexOf('\n'),
    message: 'the codemod cannot fold this shape of code (two rewrites of the same code overlap); nothing was written',
    fix: 'fold this read by hand or report it',
  };
}

/** A JSX gate or a key in data: folded by rewriting what is around it (structural-reads). */
function isStructural(r: FlagRead): boolean {
  return r.gate !== undefined || r.data === 'property' || r.data === 'export';
}
