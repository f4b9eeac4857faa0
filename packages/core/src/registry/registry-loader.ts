/** Loads flags.yaml / flags.yml / flags.json into a Registry, reporting every problem at once. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FlagdebtError } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import type { FlagDefinition, Registry } from '../types.js';
import { suggestKey } from '../policy/suggestions.js';
import { cachedAnalysis, type ModelCodec } from '../cache/model-cache.js';
import { validateFlag } from './flag-validator.js';
import { registryFormat } from './registry-format.js';
import { entriesOf, isMapping, parseSource, positionOf } from './source-document.js';
import type { Entry, SourceDocument } from './source-document.js';
import type { Node, YAMLMap } from 'yaml';

const TOP_LEVEL_KEYS = ['flags'] as const;

export { registryFormat };

/** Reads a file, or returns the "not found" diagnostic for it. */
export function readRegistryText(file: string): string | Diagnostic {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      severity: 'error',
      code: missing ? 'registry/not-found' : 'registry/unreadable',
      file,
      line: 0,
      column: 0,
      message: missing ? `registry not found: ${file}` : `registry could not be read: ${(error as Error).message}`,
      fix: missing ? 'create it or set `registry` in flagdebt.config.json' : 'check the file permissions',
    };
  }
}

interface Analysis {
  diagnostics: Diagnostic[];
  registry: Registry;
}

function analyse(file: string, text: string | undefined): Analysis {
  const absolute = resolve(file);
  const format = registryFormat(file);
  const registry: Registry = { file: absolute, format, source: 'file', flags: new Map<string, FlagDefinition>() };
  const content = text ?? readRegistryText(file);
  if (typeof content !== 'string') return { diagnostics: [content], registry };
  return cachedAnalysis('registry', file, content, ANALYSIS_CODEC, () => analyseText(file, content, registry));
}

/** A registry with warnings only is kept between runs (model-cache.ts); one with errors never. */
const ANALYSIS_CODEC: ModelCodec<Analysis> = {
  storable: (analysis) => analysis.diagnostics.every((d) => d.severity !== 'error'),
  encode: ({ diagnostics, registry }) => ({ diagnostics, registry: { ...registry, flags: [...registry.flags.values()] } }),
  decode: (stored) => {
    const { diagnostics, registry } = stored as { diagnostics: Diagnostic[]; registry: Omit<Registry, 'flags'> & { flags: FlagDefinition[] } };
    return { diagnostics, registry: { ...registry, source: 'file', flags: new Map(registry.flags.map((flag) => [flag.key, flag])) } };
  },
};

function analyseText(file: string, content: string, registry: Registry): Analysis {
  const format = registry.format;

  const source = parseSource(file, content, 'registry/syntax');
  if (source.syntaxErrors.length > 0) return { diagnostics: source.syntaxErrors, registry };
  const diagnostics: Diagnostic[] = [];
  const flagsNode = topLevelFlags(source, format, diagnostics);
  if (flagsNode) {
    const seen = new Map<string, Entry>();
    for (const entry of entriesOf(source, flagsNode)) {
      const first = seen.get(entry.key);
      if (first) {
        diagnostics.push({
          severity: 'error', code: 'registry/duplicate-key', file, ...entry.position, flag: entry.key,
          message: `duplicate flag "${entry.key}" (first defined on line ${first.position.line}); parsers silently keep only one of them`,
          fix: 'merge the two entries or rename one of them',
        });
        continue;
      }
      seen.set(entry.key, entry);
      const flag = validateFlag(source, format, entry, diagnostics);
      if (flag) registry.flags.set(flag.key, flag);
    }
    reportOddKeys(source, flagsNode, diagnostics);
  }
  // File order reads best; the sort is stable, so problems on one node keep their check order.
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { diagnostics, registry };
}

/** The `flags` mapping, or null after reporting why there is none. An empty `flags:` is an empty registry. */
function topLevelFlags(source: SourceDocument, format: 'yaml' | 'json', out: Diagnostic[]): YAMLMap | null {
  const file = source.file;
  const root = source.document.contents;
  const example = format === 'json' ? '`{ "flags": { ... } }`' : 'a top-level `flags:` mapping';
  if (root === null || root === undefined || !isMapping(root)) {
    const empty = root === null || root === undefined;
    out.push({
      severity: 'error', code: empty ? 'registry/missing-flags' : 'registry/not-a-mapping', file,
      ...(empty ? { line: 0, column: 0 } : positionOf(source, root)),
      message: empty ? 'registry is empty' : 'the top level of the registry must be a mapping with a `flags` key',
      fix: `write ${example} with one entry per flag`,
    });
    return null;
  }
  const entries = entriesOf(source, root);
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.key)) {
      out.push({
        severity: 'error', code: 'registry/duplicate-key', file, ...entry.position,
        message: `top-level key \`${entry.key}\` appears twice; parsers silently keep only one`, fix: 'merge the two into one',
      });
    } else if (!(TOP_LEVEL_KEYS as readonly string[]).includes(entry.key)) {
      const suggestion = suggestKey(entry.key, TOP_LEVEL_KEYS);
      out.push({
        severity: suggestion ? 'error' : 'warning', code: 'registry/unknown-field', file, ...entry.position,
        message: `unknown top-level key \`${entry.key}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : '; it is ignored'}`,
        fix: suggestion ? `rename it to \`${suggestion}\`` : 'remove it; flags go under `flags`',
      });
    }
    seen.add(entry.key);
  }
  const flags = entries.find((e) => e.key === 'flags');
  if (!flags) {
    if (!out.some((d) => d.code === 'registry/unknown-field' && d.severity === 'error')) {
      out.push({
        severity: 'error', code: 'registry/missing-flags', file, line: 1, column: 1,
        message: 'the registry has no `flags` mapping', fix: `add ${example} with one entry per flag`,
      });
    }
    return null;
  }
  if (flags.value === null || (flags.value as { value?: unknown }).value === null) return null;
  if (!isMapping(flags.value)) {
    out.push({
      severity: 'error', code: 'registry/not-a-mapping', file, ...positionOf(source, flags.value),
      message: '`flags` must be a mapping from flag key to its fields', fix: `write ${example}, keyed by flag key`,
    });
    return null;
  }
  return flags.value;
}

/** Keys that are not plain scalars (`? [a, b]`) cannot be flag keys. */
function reportOddKeys(source: SourceDocument, flags: YAMLMap, out: Diagnostic[]): void {
  for (const pair of flags.items) {
    const key = pair.key as Node | null;
    if (key && !('value' in key && (typeof key.value === 'string' || typeof key.value === 'number'))) {
      out.push({
        severity: 'error', code: 'registry/invalid-key', file: source.file, ...positionOf(source, key),
        message: 'flag keys must be plain strings', fix: 'write the flag key as a string, e.g. `new-checkout:`',
      });
    }
  }
}

/** Every error and warning in the registry; never throws. */
export function validateRegistry(file: string, text?: string): Diagnostic[] {
  return analyse(file, text).diagnostics;
}

/** The registry and its warnings; throws FlagdebtError carrying every error. */
export function loadRegistry(file: string, text?: string): { registry: Registry; warnings: Diagnostic[] } {
  const { diagnostics, registry } = analyse(file, text);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new FlagdebtError(errors);
  return { registry, warnings: diagnostics };
}
