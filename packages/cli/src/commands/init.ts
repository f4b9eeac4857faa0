import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import {
  DEFAULT_EXCLUDE,
  DEFAULT_INCLUDE,
  FlagProject,
  IMPORT_PLACEHOLDER,
  isCallAccessor,
  todayIso,
  type CallAccessor,
  type FlagValue,
} from '@flagdebt/core';
import { diskScanHost } from '@flagdebt/scanner';
import { writeFileAtomic, type CliIO } from '../io.js';
import { parseNow, usageError } from '../values.js';
import { optionReads } from './init-options.js';
import { existingDirectory } from './scan.js';
import { plural } from './registry.js';

/** Call shapes of the common flag SDKs. `keyArg`/`defaultArg` follow each SDK's signature. */
const SDK_CALLS: { sdk: string; method: string; keyArg: number; defaultArg?: number }[] = [
  { sdk: 'LaunchDarkly', method: 'variation', keyArg: 0, defaultArg: 2 },
  { sdk: 'LaunchDarkly', method: 'boolVariation', keyArg: 0, defaultArg: 2 },
  { sdk: 'LaunchDarkly', method: 'stringVariation', keyArg: 0, defaultArg: 2 },
  { sdk: 'OpenFeature', method: 'getBooleanValue', keyArg: 0, defaultArg: 1 },
  { sdk: 'OpenFeature', method: 'getStringValue', keyArg: 0, defaultArg: 1 },
  { sdk: 'OpenFeature', method: 'getNumberValue', keyArg: 0, defaultArg: 1 },
  { sdk: 'Unleash', method: 'isEnabled', keyArg: 0 },
  { sdk: 'Unleash', method: 'useFlag', keyArg: 0 },
  { sdk: 'GrowthBook', method: 'isOn', keyArg: 0 },
  { sdk: 'GrowthBook', method: 'useFeatureIsOn', keyArg: 0 },
  { sdk: 'PostHog', method: 'isFeatureEnabled', keyArg: 0 },
  { sdk: 'PostHog', method: 'useFeatureFlagEnabled', keyArg: 0 },
];

interface Detected {
  accessor: CallAccessor;
  sdk: string;
  reads: number;
}

export async function runInit(dirArg: string, options: { force?: boolean; now?: string }, io: CliIO): Promise<number> {
  const dir = existingDirectory(resolve(io.cwd, dirArg));
  const now = parseNow(options.now) ?? todayIso();
  const configFile = join(dir, 'flagdebt.config.json');
  const registryFile = join(dir, 'flags.yaml');
  for (const file of [configFile, registryFile]) {
    if (existsSync(file) && !options.force) {
      throw usageError('cli/init-exists', `${relative(io.cwd, file) || file} already exists`, 'edit it by hand, or pass --force to replace it');
    }
  }

  const { accessors, keys } = await detect(dir);
  const config = {
    registry: 'flags.yaml',
    accessors: accessors.map((d) => d.accessor),
    naming: { pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
    budget: { stale: 10, unregistered: 0 },
  };
  writeFileAtomic(configFile, `${JSON.stringify(config, null, 2)}\n`);
  writeFileAtomic(registryFile, starterRegistry(keys, now));

  for (const d of accessors) {
    const where = d.accessor.keyProperty ? ` (key in \`${d.accessor.keyProperty}\` of argument ${d.accessor.keyArg})` : '';
    io.stderr(`  ${d.sdk}: ${d.accessor.call}${where} (${plural(d.reads, 'read')})\n`);
  }
  io.stdout(
    `flagdebt init: wrote ${relative(io.cwd, configFile) || configFile} with ${plural(accessors.length, 'accessor')} ` +
      `and ${relative(io.cwd, registryFile) || registryFile} with ${plural(keys.size, 'flag')}.\n` +
      `Fill in each flag's type, owner and expires (marked ${IMPORT_PLACEHOLDER}), then run \`flagdebt registry validate\`.\n`,
  );
  return 0;
}

async function detect(dir: string): Promise<{ accessors: Detected[]; keys: Map<string, FlagValue | undefined> }> {
  const host = diskScanHost;
  const files = (await host.listFiles(dir, { include: [...DEFAULT_INCLUDE], exclude: [...DEFAULT_EXCLUDE] })).filter(
    (file) => !file.endsWith('.gitignore'),
  );
  const methods = SDK_CALLS.map((s) => s.method);
  const project = new FlagProject({
    root: dir,
    accessors: SDK_CALLS.map(({ method, keyArg, defaultArg }) => ({ call: method, keyArg, defaultArg })),
    host,
  });
  const detected = new Map<string, Detected>();
  const keys = new Map<string, FlagValue | undefined>();
  for (const file of files) {
    const text = host.readFile(file);
    if (text === undefined) continue;
    // In-house calls with the key in an options object: proposed as `keyProperty` accessors.
    for (const { accessor, key } of optionReads(project, file, text)) {
      const id = `${accessor.call}\0${accessor.keyArg}\0${accessor.keyProperty}`;
      const entry = detected.get(id) ?? { accessor, sdk: 'options object', reads: 0 };
      entry.reads += 1;
      detected.set(id, entry);
      if (!keys.has(key)) keys.set(key, undefined);
    }
    if (!methods.some((m) => text.includes(m))) continue;
    for (const read of project.readsIn(file, text)) {
      const accessor = read.accessor;
      if (read.wrapper || read.kind !== 'evaluation' || read.key === null || !isCallAccessor(accessor)) continue;
      const shape = SDK_CALLS.find((s) => s.method === accessor.call);
      if (!shape) continue;
      const path = calleePath(text.slice(read.span.start, read.span.end));
      const entry = detected.get(path) ?? {
        accessor: { call: path, keyArg: shape.keyArg, ...(shape.defaultArg !== undefined ? { defaultArg: shape.defaultArg } : {}) },
        sdk: shape.sdk,
        reads: 0,
      };
      entry.reads += 1;
      detected.set(path, entry);
      if (!keys.has(read.key)) keys.set(read.key, read.defaultArg?.literal);
    }
  }
  return { accessors: [...detected.values()].sort((a, b) => b.reads - a.reads), keys };
}

/** `this.ld?.client.variation(` → `client.variation`: the last two segments keep the match precise. */
function calleePath(callText: string): string {
  const callee = callText.slice(0, callText.indexOf('(')).replace(/\?\./g, '.').replace(/\s+/g, '').replace(/\.$/, '');
  const segments = callee.split('.').filter((s) => s !== '' && s !== 'this');
  return segments.slice(-2).join('.');
}

function starterRegistry(keys: Map<string, FlagValue | undefined>, now: string): string {
  const flags: Record<string, Record<string, unknown>> = {};
  for (const [key, fallback] of [...keys].sort(([a], [b]) => a.localeCompare(b))) {
    flags[key] = {
      type: 'release',
      owner: IMPORT_PLACEHOLDER,
      created: now,
      expires: IMPORT_PLACEHOLDER,
      state: 'active',
      default: fallback ?? false,
    };
  }
  const header = '# Starter registry written by `flagdebt init`. Review every flag: type, owner, expires.\n';
  return header + stringify({ flags }, { lineWidth: 0 });
}
