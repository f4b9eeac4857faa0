/**
 * Which config and registry judge a past commit. A commit's own files win; a commit from before
 * flagdebt was adopted has none, so it is judged with what the user has now (the working tree's
 * files, as `scan` would find them today). Every point says which source it used.
 *
 * The registry is read through a RegistrySource, one per kind of registry: a YAML/JSON file,
 * or a registry that lives in code (`registry: { code }`), read from each commit's tree.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  CONFIG_FILE_NAMES,
  FlagdebtError,
  REGISTRY_FILE_NAMES,
  findConfig,
  isFlagdebtError,
  loadConfig,
  loadConfigRegistry,
  loadConfigText,
  loadRegistry,
  type FlagdebtConfig,
  type Registry,
} from '@flagdebt/core';
import type { CommitSnapshot, ScratchDir } from './commit-snapshot.js';

/** `commit`: the file as committed; `worktree`: the file on disk now; `default`: no config anywhere, the defaults. */
export type ModelSource = 'commit' | 'worktree' | 'default';

/** Loaded configs and registries by file and blob (or disk): most commits share them. */
export interface ModelCache {
  configs: Map<string, FlagdebtConfig>;
  registries: Map<string, Registry>;
}

export interface ProjectAtCommit {
  config: FlagdebtConfig;
  registry: Registry;
  configSource: ModelSource;
  registrySource: Exclude<ModelSource, 'default'>;
}

/** Reads a commit's registry for a config; throws FlagdebtError like `loadRegistry`. */
export interface RegistrySource {
  load(config: FlagdebtConfig, snapshot: CommitSnapshot, cache: ModelCache): { registry: Registry; file: string; source: 'commit' | 'worktree' };
}

/** flags.yaml / flags.yml / flags.json: the commit's file at the config's path, else the one on disk. */
export const fileRegistrySource: RegistrySource = {
  load(config, snapshot, cache) {
    let file = config.registry;
    if (file === path.join(config.root, REGISTRY_FILE_NAMES[0])) {
      // The default registry is the first of flags.yaml, flags.yml, flags.json that exists: in
      // the commit if it has one, else on disk.
      const candidates = REGISTRY_FILE_NAMES.map((name) => path.join(config.root, name));
      file = candidates.find((f) => snapshot.has(f)) ?? candidates.find((f) => existsSync(f)) ?? file;
    }
    const blob = snapshot.blobOf(file);
    if (blob !== undefined) {
      const key = `${file}\0${blob}`;
      let registry = cache.registries.get(key);
      if (!registry) cache.registries.set(key, (registry = loadRegistry(file, snapshot.text(file) ?? '').registry));
      return { registry, file, source: 'commit' };
    }
    if (!existsSync(file)) {
      throw new FlagdebtError({
        severity: 'error',
        code: 'registry/not-found',
        file,
        line: 0,
        column: 0,
        message: `registry not found, neither in this commit nor in the working tree: ${file}`,
        fix: 'create the registry (flagdebt init), or set `registry` in flagdebt.config.json',
      });
    }
    // Read once per run: the working tree does not change under a history.
    const key = `${file}\0disk`;
    let registry = cache.registries.get(key);
    if (!registry) cache.registries.set(key, (registry = loadRegistry(file).registry));
    return { registry, file, source: 'worktree' };
  },
};

/**
 * A registry in code: its modules and metadata YAML as the commit has them (from the working
 * tree when the commit has none of its modules, like a file registry). Cached by the blobs of
 * every file the last read went through, so a commit that touches none of them reuses it.
 */
export const codeRegistrySource: RegistrySource = {
  load(config, snapshot, cache) {
    const inCommit = config.registryCode.some((ref) => snapshot.has(ref.file));
    const base = `code\0${inCommit ? 'commit' : 'disk'}\0${config.registry}\0${config.registryCode.map((ref) => `${ref.file}#${ref.exportName}`).join('\0')}`;
    const inputs = codeInputs.get(cache)?.get(base) ?? [config.registry, ...config.registryCode.map((ref) => ref.file)];
    const key = (files: readonly string[]) => `${base}\0${inCommit ? files.map((f) => snapshot.blobOf(f) ?? '-').join(',') : ''}`;
    let registry = cache.registries.get(key(inputs));
    if (!registry) {
      // Dates come from git for the keys no JSDoc or metadata dates (one log per module, cached).
      const loaded = loadConfigRegistry(config, inCommit ? { host: snapshot.host } : {});
      registry = loaded.registry;
      let known = codeInputs.get(cache);
      if (!known) codeInputs.set(cache, (known = new Map()));
      known.set(base, loaded.inputs);
      cache.registries.set(key(loaded.inputs), registry);
    }
    return { registry, file: config.registry, source: inCommit ? 'commit' : 'worktree' };
  },
};

/** Per model cache: the files a code registry's last read went through. */
const codeInputs = new WeakMap<ModelCache, Map<string, string[]>>();

/**
 * The config for `dir` at this commit: `explicitConfig` (the commit's version of it, else the
 * file on disk), or the nearest one walking up from `dir` in the commit, else the one `scan`
 * finds on disk now, else the defaults. Then the registry it names, through `registries`.
 */
export function projectAtCommit(
  snapshot: CommitSnapshot,
  dir: string,
  scratch: ScratchDir,
  cache: ModelCache,
  explicitConfig?: string,
  registries: RegistrySource = fileRegistrySource,
): ProjectAtCommit {
  let configFile: string | null;
  let configSource: ModelSource;
  if (explicitConfig !== undefined) {
    configFile = explicitConfig;
    configSource = snapshot.has(explicitConfig) ? 'commit' : 'worktree';
  } else {
    const committed = snapshot
      .foldersUp(dir)
      .flatMap((folder) => CONFIG_FILE_NAMES.map((name) => path.join(folder, name)))
      .find((file) => snapshot.has(file));
    configFile = committed ?? findConfig(dir);
    configSource = committed ? 'commit' : configFile ? 'worktree' : 'default';
  }
  const configKey = configFile === null ? `\0${dir}` : `${configFile}\0${snapshot.blobOf(configFile) ?? 'disk'}`;
  let config = cache.configs.get(configKey);
  if (!config) {
    if (configFile === null) config = loadConfig(null, dir);
    else if (configSource === 'commit') config = configFrom(snapshot, configFile, scratch);
    else config = loadConfig(configFile);
    cache.configs.set(configKey, config);
  }
  const { registry, file, source } = (config.registryCode.length > 0 ? codeRegistrySource : registries).load(config, snapshot, cache);
  return { config: config.registry === file ? config : { ...config, registry: file }, registry, configSource, registrySource: source };
}

/** core's loadConfig reads from disk, so the committed text goes through a scratch file. */
function configFrom(snapshot: CommitSnapshot, file: string, scratch: ScratchDir): FlagdebtConfig {
  const text = snapshot.text(file) ?? '';
  // A code registry's modules are looked up in the commit's tree, at their real paths.
  if (/"?\bcode"?\s*:/.test(text)) {
    const config = loadConfigText(file, text, snapshot.host);
    if (config.registryCode.length > 0) return config;
  }
  const copy = scratch.write(path.basename(file), snapshot.text(file) ?? '');
  const moved = (p: string) => path.resolve(path.dirname(file), path.relative(path.dirname(copy), p));
  let config: FlagdebtConfig;
  try {
    config = loadConfig(copy);
  } catch (error) {
    if (!isFlagdebtError(error)) throw error;
    throw new FlagdebtError(error.diagnostics.map((d) => (d.file === copy ? { ...d, file } : d)));
  }
  return { ...config, file, root: path.dirname(file), registry: moved(config.registry) };
}
