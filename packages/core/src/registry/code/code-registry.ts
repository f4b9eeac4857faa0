/**
 * A Registry built from code (`registry: { code: [...], metadata? }`, docs/registry.md): the keys
 * an export lists, with metadata from, field by field, first that says:
 *   1. the metadata YAML (the file tools write: `flagdebt remove`'s tombstones, overrides that
 *      need no code change);
 *   2. the member's JSDoc tags (and a settings entry's `default` / `description`);
 *   3. git: `created` = the day the key's member was committed;
 *   4. defaults: type `release`, owner `unknown`, state `active`.
 * Keys only the metadata YAML lists are tombstones when archived, and reported otherwise.
 */
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics.js';
import type { CodeRegistryRef, FlagDefinition, FlagdebtConfig, Registry } from '../../types.js';
import { nodeSourceHost, type SourceHost } from '../../matching/source-host.js';
import { validatePartialFlag, type PartialFlag } from '../flag-validator.js';
import { entriesOf, isMapping, parseSource } from '../source-document.js';
import { registryFormat } from '../registry-format.js';
import { CodeModules } from './code-modules.js';
import { KeyReader, type CodeKey } from './code-keys.js';
import { createdDates } from './git-created.js';
import { readKeyMetadata, type KeyMetadata } from './jsdoc-tags.js';

export const CODE_DEFAULT_TYPE = 'release';
export const CODE_DEFAULT_OWNER = 'unknown';

export interface CodeRegistryOptions {
  /** Where module texts come from (a commit's tree in `history`); default: the disk. */
  host?: SourceHost;
  /** Whether keys without `created` get it from git (off for history: a past commit's dates are not asked). */
  git?: boolean;
}

export interface CodeRegistryAnalysis {
  registry: Registry;
  diagnostics: Diagnostic[];
  /** Every module read to find the keys, and the metadata YAML: what a cache must watch. */
  inputs: string[];
}

export function analyseCodeRegistry(config: FlagdebtConfig, options: CodeRegistryOptions = {}): CodeRegistryAnalysis {
  const host = options.host ?? nodeSourceHost;
  const modules = new CodeModules(config.root, host);
  const reader = new KeyReader(modules);
  const diagnostics: Diagnostic[] = [];
  const registry: Registry = { file: config.registryCode[0]?.file ?? config.registry, format: registryFormat(config.registry), source: 'code', flags: new Map() };

  const keys = new Map<string, { key: CodeKey; meta: KeyMetadata }>();
  let located = false;
  for (const ref of config.registryCode) {
    const found = modules.exported(ref.file, ref.exportName);
    if (!found && modules.module(ref.file)?.symbols.exports.has(ref.exportName)) {
      diagnostics.push(refProblem(ref, config, 'registry/no-keys', `\`${ref.exportName}\` in ${path.relative(config.root, ref.file) || ref.file} is not an enum, type or object: it lists no flag keys`,
        `point \`registry.code\` at the export that lists the keys ("${ref.spec}" now), see docs/registry.md`));
      continue;
    }
    if (!found) {
      diagnostics.push(refProblem(ref, config, 'registry/export-not-found', `\`${ref.exportName}\` is not exported by ${path.relative(config.root, ref.file) || ref.file}`,
        `export an enum, union type, interface or object named \`${ref.exportName}\` there, or fix \`registry.code\` ("${ref.spec}")`));
      continue;
    }
    // Reports name the module that declares the first export's keys (not a barrel re-exporting it).
    if (!located) registry.file = found.file;
    located = true;
    const listed = reader.ofFound(found);
    if (listed.length === 0) {
      const decl = found.decls[0];
      const at = found.sf.getLineAndCharacterOfPosition(decl.getStart(found.sf));
      diagnostics.push({
        severity: 'error', code: 'registry/no-keys', file: found.file, line: at.line + 1, column: at.character + 1,
        message: `\`${ref.exportName}\` lists no flag keys: flagdebt reads string enums, unions of string literals, interfaces and object types, and object or array consts`,
        fix: `point \`registry.code\` at the export that lists the keys (see docs/registry.md), or write \`${ref.exportName}\` as one of those shapes`,
      });
      continue;
    }
    const inThisExport = new Map<string, CodeKey>();
    for (const key of listed) {
      const first = inThisExport.get(key.key);
      if (first && first.node !== key.node) {
        const line = first.sf.getLineAndCharacterOfPosition(first.node.getStart(first.sf)).line + 1;
        diagnostics.push({
          ...keyPosition(key), severity: 'warning', code: 'registry/duplicate-key', flag: key.key,
          message: `flag "${key.key}" is listed twice in \`${ref.exportName}\` (first on line ${line})`, fix: 'remove one of them',
        });
        continue;
      }
      inThisExport.set(key.key, key);
      // The same key in several exports (the union, the defaults, the UI interface) is one flag: the first says where.
      if (!keys.has(key.key)) keys.set(key.key, { key, meta: readKeyMetadata(key, diagnostics) });
    }
  }

  const metadata = readMetadata(config.registry, host, diagnostics);
  datesFromGit(keys, metadata, host, options.git ?? true, diagnostics);

  for (const [name, { key, meta }] of keys) {
    const yaml = metadata.get(name);
    registry.flags.set(name, definition(name, key, meta, yaml));
  }
  for (const [name, yaml] of metadata) {
    if (keys.has(name)) continue;
    if (yaml.state === 'archived') {
      // A retired key: code no longer lists it, the tombstone keeps guarding against its re-use.
      registry.flags.set(name, { ...yaml, type: yaml.type ?? CODE_DEFAULT_TYPE, owner: yaml.owner ?? CODE_DEFAULT_OWNER, created: yaml.created ?? '', state: 'archived' });
      continue;
    }
    diagnostics.push({
      severity: 'warning', code: 'registry/metadata-not-in-code', file: config.registry, ...yaml.location, flag: name,
      message: `"${name}" is in the metadata file but no \`registry.code\` export lists it; it is ignored`,
      fix: `add it to ${config.registryCode.map((r) => `\`${r.exportName}\``).join(' or ')}, remove it here, or mark it \`state: archived\` if it was retired`,
    });
  }
  diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { registry, diagnostics, inputs: [...modules.read, config.registry] };
}

function refProblem(ref: CodeRegistryRef, config: FlagdebtConfig, code: string, message: string, fix: string): Diagnostic {
  return { severity: 'error', code, file: config.file ?? ref.file, line: 0, column: 0, message, fix };
}

function keyPosition(key: CodeKey): { file: string; line: number; column: number } {
  const at = key.sf.getLineAndCharacterOfPosition(key.node.getStart(key.sf));
  return { file: key.file, line: at.line + 1, column: at.character + 1 };
}

/** The metadata YAML's entries by key; a file that does not exist is an empty one. */
function readMetadata(file: string, host: SourceHost, out: Diagnostic[]): Map<string, PartialFlag> {
  const entries = new Map<string, PartialFlag>();
  const text = host.readFile(file);
  if (text === undefined || text.trim() === '') return entries;
  const source = parseSource(file, text, 'registry/syntax');
  if (source.syntaxErrors.length > 0) {
    out.push(...source.syntaxErrors);
    return entries;
  }
  const root = source.document.contents;
  const flags = isMapping(root) ? entriesOf(source, root).find((e) => e.key === 'flags') : undefined;
  if (!flags || !isMapping(flags.value)) {
    // `flags:` with nothing under it is an empty metadata file; anything else is a mistake.
    if (!flags || (flags.value !== null && (flags.value as { value?: unknown }).value !== null)) {
      out.push({
        severity: 'error', code: 'registry/missing-flags', file, line: flags?.position.line ?? 1, column: flags?.position.column ?? 1,
        message: 'the metadata file has no `flags` mapping', fix: 'write a top-level `flags:` mapping keyed by flag key, as in flags.yaml (docs/registry.md)',
      });
    }
    return entries;
  }
  const format = registryFormat(file);
  for (const entry of entriesOf(source, flags.value)) {
    if (entries.has(entry.key)) {
      out.push({ severity: 'error', code: 'registry/duplicate-key', file, ...entry.position, flag: entry.key, message: `duplicate flag "${entry.key}" in the metadata file`, fix: 'merge the two entries' });
      continue;
    }
    const flag = validatePartialFlag(source, format, entry, out);
    if (flag) entries.set(entry.key, flag);
  }
  return entries;
}

/** `created` from git for keys neither the YAML nor JSDoc dates: one git call per module. */
function datesFromGit(keys: Map<string, { key: CodeKey; meta: KeyMetadata }>, metadata: Map<string, PartialFlag>, host: SourceHost, git: boolean, out: Diagnostic[]): void {
  if (!git) return;
  const byFile = new Map<string, string[]>();
  for (const [name, { key, meta }] of keys) {
    if (meta.created !== undefined || metadata.get(name)?.created !== undefined) continue;
    const list = byFile.get(key.file) ?? [];
    list.push(name);
    byFile.set(key.file, list);
  }
  for (const [file, names] of byFile) {
    const result = createdDates(file, host.readFile(file) ?? '', names);
    if ('problem' in result) {
      out.push({
        severity: 'warning', code: 'registry/no-created-date', file, line: 0, column: 0,
        message: `${names.length} flag${names.length === 1 ? ' in this module has' : 's in this module have'} no \`created\` date and git cannot tell (${result.problem}): they are never stale by age`,
        fix: 'add `@created YYYY-MM-DD` to their JSDoc or `created:` in the metadata file, or run flagdebt inside the git repository',
      });
      continue;
    }
    for (const name of names) keys.get(name)!.meta.created = result.dates[name];
  }
}

function definition(name: string, key: CodeKey, meta: KeyMetadata, yaml: PartialFlag | undefined): FlagDefinition {
  const at = key.sf.getLineAndCharacterOfPosition(key.node.getStart(key.sf));
  const pick = <K extends keyof KeyMetadata>(field: K): KeyMetadata[K] => (yaml?.[field] as KeyMetadata[K] | undefined) ?? meta[field];
  const flag: FlagDefinition = {
    key: name,
    type: pick('type') ?? CODE_DEFAULT_TYPE,
    owner: pick('owner') ?? CODE_DEFAULT_OWNER,
    created: pick('created') ?? '',
    state: pick('state') ?? 'active',
    location: { line: at.line + 1, column: at.character + 1 },
    declaredIn: key.file,
  };
  for (const field of ['description', 'expires', 'value', 'since', 'default', 'tags'] as const) {
    const value = pick(field);
    if (value !== undefined) (flag as unknown as Record<string, unknown>)[field] = value;
  }
  return flag;
}
