import fs from 'node:fs';
import path from 'node:path';
import { archiveFlagInText, FlagdebtError, tombstoneInText, loadProjectModel, todayIso, type Diagnostic, type FlagdebtConfig } from '@flagdebt/core';
import { diskScanHost } from '@flagdebt/core/files';
import { tidyBlankLines } from '../edit/blank-lines.js';
import { restore } from '../edit/text-format.js';
import { formatTexts, projectFormatter, type Formatter } from '../output/format.js';
import { mentionsIn } from '../output/mentions.js';
import { linesRemoved, unifiedDiff } from '../output/unified-diff.js';
import { recoverInterruptedWrite, writeAllOrNothing } from '../safety/atomic-write.js';
import { dirtyFiles } from '../safety/git-status.js';
import { syntaxErrors } from '../safety/parse-check.js';
import { affectingNames } from '../safety/affected.js';
import { startTypeGate, type Gate } from '../safety/gate-thread.js';
import { Importers, type GateChange, type GateVerdict } from '../safety/verify.js';
import { traceGate } from '../safety/gate-trace.js';
import { settleKeyedObjects } from './settle.js';
import type { ChangedFile, DeletedFile, RemainingMention, RemovalResult, RemoveOptions, VerifyReport } from '../types.js';
import { resolveFlagValues, type ResolvedFlag } from './flag-values.js';
import { planRemoval, type RemovalPlan } from './plan-removal.js';

/** Files that are not code but often name flags: docs, configs, fixtures. */
const NON_CODE = ['**/*.{md,mdx,txt,json,yaml,yml,html,css,scss,env,toml}'];

/**
 * `flagdebt remove`: folds each flag to its value across the project, deletes what became dead
 * or unused, archives the registry entry, and writes everything atomically (unless dry run).
 */
export async function removeFlags(options: RemoveOptions): Promise<RemovalResult> {
  const gates: Gate[] = [];
  const startGate = (root: string) => {
    gates.push(startTypeGate(root));
    return gates[gates.length - 1];
  };
  try {
    return await remove(options, startGate);
  } finally {
    // The gate's worker thread ends with the removal, whichever way it ends (a refusal is a throw).
    for (const g of gates) void g.close();
  }
}

async function remove(options: RemoveOptions, startGate: (root: string) => Gate): Promise<RemovalResult> {
  traceGate('main: start');
  const root = path.resolve(options.dir);
  // The gate's worker starts first: its preparation, not the planning, is what a check waits
  // for. The project root is the folder asked for unless the config found above it says otherwise.
  const verify = !options.check && options.verify !== false;
  let typeGate = verify ? startGate(root) : null;
  const { config, registry, warnings } = loadProjectModel(root, { config: options.config });
  const writes = !options.dryRun && !options.check;
  // A previous run that was killed while renaming files is finished first (see atomic-write).
  if (writes && recoverInterruptedWrite(config.root)) {
    warnings.push({ severity: 'warning', code: 'remove/recovered', file: config.root, line: 0, column: 0, message: 'finished writing the files of an interrupted earlier run' });
  }
  const codeRegistry = config.registryCode.length > 0;
  // A code registry's tombstones go to the metadata YAML, created when absent.
  if (!codeRegistry && !fs.existsSync(registry.file)) {
    throw new FlagdebtError({
      severity: 'error',
      code: 'remove/no-registry',
      file: registry.file,
      line: 0,
      column: 0,
      message: 'the registry file does not exist, so the flag cannot be archived',
      fix: 'create it (`flagdebt init`) or point `registry` in the config at the right file',
    });
  }
  const flags = resolveFlagValues(options.flags, registry);
  const now = options.now ?? todayIso();
  const display = (file: string) => path.relative(root, file).split(path.sep).join('/');

  if (typeGate && config.root !== root) {
    void typeGate.close();
    typeGate = startGate(config.root);
  }
  traceGate('main: planning');
  // The gate type-checks the files that will most likely change, as they are on disk, while the rest is planned.
  const plan = await planRemoval(config, flags, new Set(registry.flags.keys()), (files) => {
    typeGate?.warmBefore(files);
    traceGate(`main: reads found (${files.length} files)`);
  });
  traceGate('main: planned');
  const parseErrors = collectChanges(plan, display).changed.flatMap((c) => syntaxErrors(c.path, c.relative, c.after));
  if (parseErrors.length > 0) throw new FlagdebtError(parseErrors);
  // The project's formatter runs before the gate and the diff: what is checked and shown is what is written.
  const formatter = options.format === false || plan.sources.edited().length === 0 ? null : await projectFormatter(config.root);
  const formatWarnings: Diagnostic[] = [];
  const formatted = new Map<string, string>();
  const formatEdited = async (): Promise<void> => {
    if (formatter) formatWarnings.push(...(await formatEdits(plan, formatter, formatted, display)));
  };
  await formatEdited();
  const archived = flags.filter((f) => (f.registered || codeRegistry) && !plan.keptInRegistry.has(f.key));
  const archive = () => (codeRegistry ? tombstones(config.registry, archived, now, display) : archiveInRegistry(registry.file, registry.format, archived, now, display));
  let registryChange: ChangedFile | null | undefined;
  // The gate: a removal that makes the type-check worse is not written (the dry run says so too).
  // It may first settle objects keyed by a removed union member (see settle.ts).
  let verdict: GateVerdict | null = null;
  const gateWarnings: Diagnostic[] = [];
  const keys = flags.map((f) => f.key);
  let nonCode: Promise<RemainingMention[]> | null = null;
  const mentions = new Map<string, { text: string; found: RemainingMention[] }>();
  if (typeGate && plan.sources.edited().length > 0) {
    // The worker starts checking the rewritten files now, while this thread looks for their
    // importers (most removals have none that name what changed: then the guess is the check).
    const guess = gateRequest(plan, null);
    typeGate.speculate(guess.files, guess.changes, guess.deep);
    traceGate('main: speculated');
    // The registry's edit does not depend on the type-check: made while the worker checks (reading
    // and rewriting a large YAML registry was most of what followed the verdict).
    registryChange = archive();
    // Files that are not code do not change with the removal: read while the worker checks, and
    // the code's mentions found now (looked for again only in texts the settling changes).
    nonCode = nonCodeMentions(config, keys, display);
    codeMentions(plan, keys, display, mentions);
    const importers = new Importers(() => plan.sources.files(), (f) => plan.sources.originalText(f), (spec, from) => plan.project.resolveModule(spec, from));
    await nonCode;
    traceGate('main: importers and mentions');
    const check = (): GateVerdict | null => {
      const request = gateRequest(plan, importers);
      return typeGate.check(request.files, request.changes, request.deep);
    };
    const settled = settleKeyedObjects(plan, check, display, new Map(flags.map((f) => [f.key, f.value])));
    verdict = settled.verdict;
    traceGate('main: checked');
    gateWarnings.push(...settled.warnings);
    // Settling may have edited more (or put texts back): those are formatted too.
    await formatEdited();
  }
  const { changed, deleted } = collectChanges(plan, display);
  if (registryChange === undefined) registryChange = archive();

  const allChanges = [...changed, ...(registryChange ? [registryChange] : [])];
  const diff = unifiedDiff([...allChanges, ...deleted.map((d) => ({ relative: d.relative, before: d.before, after: null }))]);
  const wouldChange = allChanges.length > 0 || deleted.length > 0;
  const result: RemovalResult = {
    root,
    flags: flags.map((f) => ({ key: f.key, value: f.value, evaluations: plan.evaluations.get(f.key) ?? 0 })),
    changed,
    deleted,
    diff,
    stats: {
      filesChanged: changed.length,
      linesRemoved: changed.reduce((n, c) => n + linesRemoved(c.before, c.after), 0) + deleted.reduce((n, d) => n + linesRemoved(d.before, null), 0),
      declarationsDeleted: plan.declarationsDeleted,
      filesDeleted: deleted.length,
    },
    remaining: [...codeMentions(plan, keys, display, mentions), ...(await (nonCode ?? nonCodeMentions(config, keys, display)))],
    registry: registryChange,
    wouldChange,
    written: false,
    warnings: [...warnings, ...plan.warnings, ...gateWarnings, ...formatWarnings],
  };
  if (verdict) {
    result.verify = verifyReport(verdict, display);
    if (verdict.added.length > 0 && writes) throw new FlagdebtError(refusal(verdict, display));
  }
  traceGate('main: result');
  if (!wouldChange) return result;
  if (!writes) return result;

  const targets = [...allChanges.map((c) => c.path), ...deleted.map((d) => d.path)];
  if (!options.allowDirty) refuseDirty(root, targets, display);
  // The registry goes last: it only says "archived" once all the code says so.
  writeAllOrNothing(
    [
      ...changed.map((c) => ({ path: c.path, text: restore(c.after, plan.formats.get(c.path)!), encoding: plan.formats.get(c.path)!.encoding })),
      ...deleted.map((d) => ({ path: d.path, text: null })),
      ...(registryChange ? [{ path: registryChange.path, text: registryChange.after }] : []),
    ],
    config.root,
  );
  result.written = true;
  return result;
}

/**
 * What the gate type-checks: the rewritten files, their importers and (when key declarations
 * went) every file that names a removed key, before and after (see safety/verify).
 * `importersOf` null: without importers (the speculation made before they are known).
 */
function gateRequest(plan: RemovalPlan, importersOf: Importers | null): { files: string[]; changes: GateChange[]; deep: Set<string> } {
  const edited = plan.sources.edited();
  const original = (f: string) => plan.sources.originalText(f);
  const importers: string[] = [];
  for (const target of edited) {
    if (importersOf === null) break;
    const names = affectingNames(target, original(target) ?? '', plan.sources.text(target) ?? null);
    if (names.size > 0) importers.push(...importersOf.of(target, names));
  }
  const naming = plan.keyDeclarationEdits.size > 0 ? [...plan.removedKeys].flatMap((k) => plan.sources.filesMentioning(k, 'original')) : [];
  // Normalised texts (LF, no BOM): offsets match the plan's, and diagnostics do not depend on line endings.
  const changes = edited.map((f) => ({ path: f, after: plan.sources.text(f) ?? null }));
  return { files: [...edited, ...importers, ...naming], changes, deep: new Set(naming) };
}

/**
 * Runs the project's formatter over the edited files whose text it has not formatted yet
 * (`done` remembers its output). Files that are not UTF-8 are left alone.
 */
async function formatEdits(plan: RemovalPlan, formatter: Formatter, done: Map<string, string>, display: (f: string) => string): Promise<Diagnostic[]> {
  const todo: Array<{ path: string; relative: string; text: string }> = [];
  for (const file of plan.sources.edited()) {
    const text = plan.sources.text(file);
    if (typeof text !== 'string' || done.get(file) === text || plan.formats.get(file)?.encoding !== 'utf8') continue;
    todo.push({ path: file, relative: display(file), text: tidyBlankLines(plan.sources.originalText(file) ?? '', text) });
  }
  const { texts, warnings } = await formatTexts(formatter, todo);
  for (const t of todo) {
    // Texts are kept LF (see source-set); the file's own line endings come back on writing.
    const out = (texts.get(t.path) ?? t.text).replace(/\r\n/g, '\n');
    plan.sources.set(t.path, out);
    done.set(t.path, out);
  }
  return warnings;
}

function verifyReport(verdict: GateVerdict, display: (f: string) => string): VerifyReport {
  return {
    tsconfig: verdict.tsconfigs.map(display).join(', '),
    newErrors: verdict.added.map((d) => `${display(d.file)}:${d.line}: TS${d.code}: ${d.message}`),
    errorsBefore: verdict.before.length,
    errorsAfter: verdict.after.length,
    filesChecked: verdict.checked,
  };
}

/** One error per type diagnostic the removal would add (lines are those of the rewritten file). */
export function refusal(verdict: GateVerdict, display: (f: string) => string): Diagnostic[] {
  return verdict.added.map((d) => ({
    severity: 'error',
    code: 'remove/would-break-types',
    file: display(d.file),
    line: d.line,
    column: d.column,
    message: `the removal would add a type error here, so nothing was written: TS${d.code}: ${d.message.split('\n')[0]}`,
    fix: 'remove this flag by hand (or fix what the error points at first), or pass --no-verify to write the removal anyway',
  }));
}

function collectChanges(plan: RemovalPlan, display: (f: string) => string): { changed: ChangedFile[]; deleted: DeletedFile[] } {
  const changed: ChangedFile[] = [];
  const deleted: DeletedFile[] = [];
  for (const file of plan.sources.edited().sort()) {
    const before = plan.sources.originalText(file) ?? '';
    const after = plan.sources.text(file);
    if (after === null) deleted.push({ path: file, relative: display(file), before });
    else if (typeof after === 'string') changed.push({ path: file, relative: display(file), before, after: tidyBlankLines(before, after) });
  }
  return { changed, deleted };
}

function archiveInRegistry(file: string, format: 'yaml' | 'json', flags: ResolvedFlag[], now: string, display: (f: string) => string): ChangedFile | null {
  if (flags.length === 0) return null;
  const before = fs.readFileSync(file, 'utf8');
  let after = before;
  // The archived entry records the value the code kept.
  for (const f of flags) after = archiveFlagInText(after, format, f.key, now, display(file), f.value);
  return after === before ? null : { path: file, relative: display(file), before, after };
}

/** The code registry's tombstones: each retired key archived in the metadata YAML. */
function tombstones(file: string, flags: ResolvedFlag[], now: string, display: (f: string) => string): ChangedFile | null {
  if (flags.length === 0) return null;
  const exists = fs.existsSync(file);
  const before = exists ? fs.readFileSync(file, 'utf8') : undefined;
  const format = /\.json$/i.test(file) ? 'json' : 'yaml';
  let after = before;
  for (const f of flags) after = tombstoneInText(after, format, f.key, now, display(file), f.value);
  if (after === undefined || after === before) return null;
  // A created file shows in the diff as added to an empty one.
  return { path: file, relative: display(file), before: before ?? '', after };
}

function refuseDirty(root: string, targets: string[], display: (f: string) => string): void {
  const dirty = dirtyFiles(root, targets);
  if (dirty.length === 0) return;
  const diagnostics: Diagnostic[] = dirty.map((f) => ({
    severity: 'error',
    code: 'remove/dirty-worktree',
    file: display(f),
    line: 0,
    column: 0,
    message: 'has uncommitted changes and would be rewritten',
    fix: 'commit or stash your changes first (so the removal is one reviewable diff), or pass --allow-dirty',
  }));
  throw new FlagdebtError(diagnostics);
}

/** Mentions of the keys left in the code after the removal; `known`: each file's, by the text they were found in. */
function codeMentions(plan: RemovalPlan, keys: string[], display: (f: string) => string, known: Map<string, { text: string; found: RemainingMention[] }>): RemainingMention[] {
  const out: RemainingMention[] = [];
  for (const file of plan.sources.files().sort()) {
    const text = plan.sources.text(file);
    if (typeof text !== 'string') continue;
    let hit = known.get(file);
    if (hit?.text !== text) {
      hit = { text, found: keys.flatMap((key) => mentionsIn(file, display(file), text, key)) };
      known.set(file, hit);
    }
    out.push(...hit.found);
  }
  return out;
}

/** Mentions of the keys in files that are not code (the removal does not change them; the registry is not one). */
async function nonCodeMentions(config: FlagdebtConfig, keys: string[], display: (f: string) => string): Promise<RemainingMention[]> {
  const out: RemainingMention[] = [];
  const others = await diskScanHost.listFiles(config.root, { include: NON_CODE, exclude: config.exclude });
  for (const file of others.map((f) => path.resolve(f)).sort()) {
    if (file === config.registry || /[\\/](node_modules|\.git)[\\/]/.test(file) || path.basename(file) === '.gitignore') continue;
    if (path.basename(file) === 'package.json' || path.basename(file) === 'package-lock.json') continue;
    const text = diskScanHost.readFile(file);
    if (text === undefined) continue;
    for (const key of keys) out.push(...mentionsIn(file, display(file), text, key));
  }
  return out;
}
