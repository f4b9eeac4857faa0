import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { FlagdebtError, FlagProject, IMPORT_PLACEHOLDER, isCallAccessor, isDefineAccessor, isMemberAccessor, todayIso, type Accessor } from '@flagdebt/core';
import { writeFileAtomic, type CliIO } from '../io.js';
import { parseNow, usageError } from '../values.js';
import { detectAccessors, type DetectedAccessor } from '../init/detect.js';
import { configText, propose, proposeCodeRegistry, registryText } from '../init/proposal.js';
import { SDK_FAMILIES } from '../init/sdk-catalog.js';
import { optionReads } from './init-options.js';
import { existingDirectory } from './scan.js';
import { plural } from './registry.js';
import { proposeShapes } from './init-shapes.js';
import { homeGrownAccessors } from '../init/home-grown.js';

interface InitOptions {
  force?: boolean;
  now?: string;
  dryRun?: boolean;
}

export async function runInit(dirArg: string, options: InitOptions, io: CliIO): Promise<number> {
  const dir = existingDirectory(resolve(io.cwd, dirArg));
  const now = parseNow(options.now) ?? todayIso();
  const show = (file: string) => relative(io.cwd, file) || file;
  const configFile = join(dir, 'flagdebt.config.json');
  const registryFile = join(dir, 'flags.yaml');
  // Checked before any work, and before writing either file: never half an init.
  const refuseExisting = (files: string[]): void => {
    if (options.dryRun || options.force) return;
    for (const file of files) {
      if (existsSync(file)) throw usageError('cli/init-exists', `${show(file)} already exists`, 'edit it by hand, or pass --force to replace it (--dry-run shows what init would write)');
    }
  };
  refuseExisting([configFile]);

  const detection = await detectAccessors(dir);
  const own = detection.files.filter((f) => !detection.tests.has(f));
  // One parser for init's own looks at the code (options calls, in-house forms, variants): a
  // file more than one of them reads is parsed once.
  const parser = new FlagProject({ root: dir, accessors: [] });
  const parse = (file: string, text?: string) => parser.sourceFile(file, text);
  // Each pass below reads the project's files: from disk once.
  const texts = new Map<string, string>();
  const textOf = (file: string): string => {
    let text = texts.get(file);
    if (text === undefined) texts.set(file, (text = readText(file)));
    return text;
  };
  // In-house calls that pass the key in an options object: proposed as `keyProperty` accessors.
  // A flag definition (`flag({ key })` of Vercel flags) is no in-house options call.
  const definers = new Set(detection.accessors.flatMap((d) => (d.reads > 0 && isDefineAccessor(d.accessor) ? [d.accessor.define] : [])));
  detection.accessors.push(...optionAccessors(parser, own, textOf).filter((d) => !(isCallAccessor(d.accessor) && definers.has(d.accessor.call))));
  // No SDK: the project's own flag functions (known by the type of their key parameter) flags objects or a flags service.
  if (!detection.accessors.some((d) => d.reads > 0)) detection.accessors.push(...homeGrownAccessors(own, textOf, parse));
  if (!detection.accessors.some((d) => d.reads > 0)) throw noSdkFound(dir, detection.files.length, show(dir));
  const sdkProposal = await propose(dir, detection, now, parse);
  // Where the keys found also sit in data or in a JSX gate's attribute: those forms too, for review.
  const shapes = proposeShapes(detection.files.map(textOf), new Set(sdkProposal.keys.map((k) => k.key)));
  const proposal = { ...sdkProposal, accessors: [...sdkProposal.accessors, ...shapes.map((s) => s.accessor)] };
  // The keys may already be listed in code (an enum, a union, a settings map): point at it.
  const code = proposeCodeRegistry(dir, detection.files.filter((f) => !detection.tests.has(f)), proposal);
  const config = configText(proposal, code);
  const registry = registryText(proposal.keys, now);
  if (!code) refuseExisting([registryFile]);

  for (const d of detection.accessors.filter((a) => a.reads > 0)) {
    io.stderr(`  ${d.sdk}: ${describe(d.accessor)} (${plural(d.reads, 'read')})\n`);
  }
  for (const d of detection.accessors.filter((a) => a.reads === 0)) {
    io.stderr(`  skipped ${d.sdk} ${describe(d.accessor)}: read only in test files (${plural(d.testReads, 'read')})\n`);
  }
  for (const s of shapes) io.stderr(`  keys in code: ${JSON.stringify(s.accessor)} (${plural(s.reads, 'place')}, review it)\n`);
  for (const m of proposal.nearMisses) {
    io.stderr(`warning: ${m.file}:${m.line}: "${m.key}" is read once and looks like "${m.like}"; not registered (a typo?). Fix the key, or add it to the registry by hand.\n`);
  }
  for (const u of detection.uncovered) {
    io.stderr(`warning: ${show(u.file)}:${u.line}: ${u.what} cannot be described by an accessor; assign the result to a variable (\`const flags = useFlags()\`) so flagdebt sees the reads.\n`);
  }
  for (const k of proposal.keys.filter((key) => key.variants)) {
    const compared = (k.variants ?? []).map((v) => JSON.stringify(v)).join(', ');
    io.stderr(`  experiment: ${k.key} (compared with ${compared}): default ${JSON.stringify(k.default)}; make it the variant users get outside the experiment\n`);
  }
  if (proposal.testOnly.length > 0) {
    io.stderr(`  not registered: ${plural(proposal.testOnly.length, 'key')} read only in test files (${proposal.testOnly.slice(0, 5).join(', ')}${proposal.testOnly.length > 5 ? ', ...' : ''})\n`);
  }
  if (proposal.unregistered > 0) {
    io.stderr(`  budget.unregistered is ${proposal.unregistered}: the reads above that are not registered; lower it as you fix them\n`);
  }
  if (proposal.dynamic > 0) io.stderr(`  ${plural(proposal.dynamic, 'read')} with a key flagdebt cannot resolve statically (run \`flagdebt scan\` to see them)\n`);

  if (code) {
    for (const c of code.candidates) io.stderr(`  registry in code: ${c.spec} (${plural(c.keys.length, 'key')}, ${c.read} read)\n`);
    if (options.dryRun) {
      io.stdout(`--- ${show(configFile)} (dry run: not written)\n${config}`);
      return 0;
    }
    writeFileAtomic(configFile, config);
    io.stdout(
      `flagdebt init: wrote ${show(configFile)} with ${plural(proposal.accessors.length, 'accessor')}; the registry is the code that lists the keys ` +
        `(${code.candidates.map((c) => c.spec).join(', ')}), so no flags.yaml.\n` +
        'Add owners and dates as JSDoc tags (@owner, @type, @expires) or in a metadata flags.yaml (docs/registry.md), then run `flagdebt registry validate`.\n',
    );
    return 0;
  }
  if (options.dryRun) {
    io.stdout(`--- ${show(configFile)} (dry run: not written)\n${config}--- ${show(registryFile)} (dry run: not written)\n${registry}`);
    return 0;
  }
  writeFileAtomic(configFile, config);
  writeFileAtomic(registryFile, registry);
  io.stdout(
    `flagdebt init: wrote ${show(configFile)} with ${plural(proposal.accessors.length, 'accessor')} ` +
      `and ${show(registryFile)} with ${plural(proposal.keys.length, 'flag')}.\n` +
      `Fill in each flag's type, owner and expires (marked ${IMPORT_PLACEHOLDER}), then run \`flagdebt registry validate\`.\n`,
  );
  return 0;
}

function optionAccessors(project: FlagProject, files: string[], textOf: (file: string) => string): DetectedAccessor[] {
  const found = new Map<string, DetectedAccessor>();
  for (const file of files) {
    for (const { accessor } of optionReads(project, file, textOf(file))) {
      const id = `${accessor.call}\0${accessor.keyArg}\0${accessor.keyProperty}`;
      const entry = found.get(id) ?? { accessor, sdk: 'options object', reads: 0, testReads: 0 };
      entry.reads += 1;
      found.set(id, entry);
    }
  }
  return [...found.values()];
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function describe(a: Accessor): string {
  if (isCallAccessor(a) && a.keyProperty !== undefined) return `${a.call} (key in \`${a.keyProperty}\` of argument ${a.keyArg})`;
  if (isCallAccessor(a)) return `${a.call}() from ${a.from ?? 'any module'}`;
  if (isDefineAccessor(a)) return `${a.define}({ ${a.keyProperty} }) from ${a.from ?? 'any module'}: flags defined once, read by calling them`;
  return isMemberAccessor(a) ? `${a.member}.<flag> (member${a.from === undefined ? '' : ` of ${a.from}`})` : JSON.stringify(a);
}

function noSdkFound(dir: string, files: number, shown: string): FlagdebtError {
  const sdks = [...new Set(SDK_FAMILIES.map((f) => f.sdk))].join(', ');
  return new FlagdebtError({
    severity: 'error',
    code: 'cli/init-no-sdk',
    file: dir,
    line: 0,
    column: 0,
    message: `no flag SDK reads found in ${shown} (${plural(files, 'file')} searched for ${sdks}, and for in-house flag functions with a typed key, a flags object or a flags service); nothing was written`,
    fix: 'write flagdebt.config.json by hand with the functions your code reads flags through, e.g. { "accessors": [{ "call": "flags.isEnabled", "keyArg": 0 }] } (see docs/config.md#accessors)',
  });
}
