/**
 * The config's `registry`: a file path (flags.yaml / flags.json), or a registry that lives in code,
 * `{ "code": "src/flags.ts#FlagKey" | [...], "metadata"?: "flags.yaml" }`. See docs/registry.md.
 */
import { join, resolve } from 'node:path';
import type { Node } from 'yaml';
import type { CodeRegistryRef, FlagdebtConfig } from '../types.js';
import { isMapping, isSequence, scalarValue } from '../registry/source-document.js';
import type { Entry } from '../registry/source-document.js';
import { ModuleResolver } from '../matching/module-resolver.js';
import { nodeSourceHost, type SourceHost } from '../matching/source-host.js';
import type { ConfigReader } from './config-reader.js';
import { REGISTRY_FILE_NAMES } from './defaults.js';

const REGISTRY_OBJECT_KEYS = ['code', 'metadata'] as const;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** What a module path without an extension may stand for, as the TypeScript resolver tries them. */
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const EXAMPLE = '"registry": { "code": ["src/flags.ts#FlagKey"] }';

/** Sets `config.registry` / `config.registryCode` from the `registry` entry; problems go to `reader`. */
export function readRegistryField(reader: ConfigReader, entry: Entry, config: FlagdebtConfig, host: SourceHost = nodeSourceHost): void {
  if (!isMapping(entry.value)) {
    const registry = reader.string(entry, 'registry');
    if (registry !== undefined) config.registry = resolve(config.root, registry);
    return;
  }
  const fields = reader.fields(entry.value, REGISTRY_OBJECT_KEYS, 'registry.');
  const code = fields.get('code');
  if (!code) {
    reader.error('config/invalid-registry', entry.keyNode, '`registry` as an object needs `code`: the exports that list the flag keys',
      `add e.g. ${EXAMPLE}, or write \`registry\` as the path of flags.yaml`);
    return;
  }
  const nodes: Array<Node | null> = isSequence(code.value) ? (code.value.items as Node[]) : [code.value];
  if (nodes.length === 0) {
    reader.error('config/invalid-registry', code.value ?? code.keyNode, '`registry.code` is an empty list', `list at least one export, e.g. ${EXAMPLE}`);
    return;
  }
  const refs = nodes.map((node, index) => readCodeRef(reader, node ?? code.keyNode, isSequence(code.value) ? `registry.code[${index}]` : 'registry.code', config.root, host));
  const metadataEntry = fields.get('metadata');
  const metadata = metadataEntry ? reader.string(metadataEntry, 'registry.metadata') : undefined;
  if (refs.every((r): r is CodeRegistryRef => r !== undefined) && (!metadataEntry || metadata !== undefined)) {
    config.registryCode = refs;
    // The metadata YAML is optional: flags.yaml beside the config, whether or not it exists.
    config.registry = resolve(config.root, metadata ?? REGISTRY_FILE_NAMES[0]);
  }
}

function readCodeRef(reader: ConfigReader, node: Node, where: string, root: string, host: SourceHost): CodeRegistryRef | undefined {
  const spec = scalarValue(node);
  if (typeof spec !== 'string' || spec.trim() === '') {
    reader.error('config/invalid-registry', node, `\`${where}\` must be a string \`module#ExportName\``, `write e.g. ${EXAMPLE}`);
    return undefined;
  }
  const hash = spec.lastIndexOf('#');
  if (hash < 0) {
    reader.error('config/invalid-registry', node, `\`${where}\` "${spec}" does not name the export: missing \`#ExportName\``,
      `write the module, \`#\` and the exported enum, type or object, e.g. "${spec}#FlagKey"`);
    return undefined;
  }
  const module = spec.slice(0, hash).trim();
  const exportName = spec.slice(hash + 1).trim();
  if (exportName === '' || !IDENTIFIER.test(exportName)) {
    reader.error('config/invalid-registry', node,
      exportName === '' ? `\`${where}\` "${spec}" has an empty export name after \`#\`` : `\`${where}\` export name "${exportName}" is not an identifier`,
      `write the exported enum, type or object after \`#\`, e.g. "${module || 'src/flags.ts'}#FlagKey"`);
    return undefined;
  }
  if (module === '') {
    reader.error('config/invalid-registry', node, `\`${where}\` "${spec}" has no module before \`#\``,
      `write the module's path relative to the config, e.g. "src/flags.ts#${exportName}"`);
    return undefined;
  }
  const file = resolveModule(module, root, host);
  if (!file) {
    reader.error('config/invalid-registry', node, `\`${where}\`: module "${module}" not found (looked for ${resolve(root, module)} and as a workspace package)`,
      'write the path of the module relative to the config\'s folder, or the name of a workspace package');
    return undefined;
  }
  return { spec, file, exportName };
}

/** A path relative to the config (with or without extension, or a folder's index), else a workspace package. */
function resolveModule(module: string, root: string, host: SourceHost): string | undefined {
  const isFile = (file: string): boolean => host.fileExists(file);
  const base = resolve(root, module);
  if (isFile(base)) return base;
  for (const ext of SOURCE_EXTENSIONS) if (isFile(base + ext)) return base + ext;
  for (const ext of SOURCE_EXTENSIONS) if (isFile(join(base, `index${ext}`))) return join(base, `index${ext}`);
  if (module.startsWith('.') || module.startsWith('/')) return undefined;
  // `@acme/flags` or `@acme/flags/keys`: the monorepo's own package, resolved as an import is.
  const resolved = new ModuleResolver(root, host, undefined).resolve(module, join(root, 'flagdebt.config.json'));
  return resolved ?? undefined;
}

/** Whether every code module the config names still exists (a cached config is re-checked with it). */
export function codeModulesExist(config: FlagdebtConfig): boolean {
  return config.registryCode.every((ref) => nodeSourceHost.fileExists(ref.file));
}
