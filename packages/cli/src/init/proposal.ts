/**
 * What `flagdebt init` writes: the config with the detected accessors, and a starter registry
 * of the keys that `scan` finds through them outside test files. The keys come from a real
 * scan with the proposed config, so the registry and the next `flagdebt scan` agree.
 */
import path from 'node:path';
import { stringify } from 'yaml';
import { defaultConfig, findRegistryCandidates, IMPORT_PLACEHOLDER, suggestKey, type Accessor, type FlagValue, type IsoDate, type Registry, type RegistryCandidate } from '@flagdebt/core';
import { scan, type ScanResult } from '@flagdebt/scanner';
import { configAccessor, type Detection } from './detect.js';
import type ts from '@flagdebt/core/typescript';
import { comparedVariants, controlVariant, type ReadSite } from './variants.js';

export const INIT_HEADER = '# Starter registry written by `flagdebt init`.';

export interface InitKey {
  key: string;
  /** Evaluations outside test files (wrapper calls included). */
  reads: number;
  default?: FlagValue;
  /** The string variants its reads are compared with: an experiment (see variants.ts). */
  variants?: string[];
}

export interface NearMiss {
  key: string;
  /** The key it most likely misspells. */
  like: string;
  file: string;
  line: number;
}

export interface Proposal {
  accessors: Accessor[];
  keys: InitKey[];
  nearMisses: NearMiss[];
  /** Keys read only in test files (SDK test keys, fixtures): not registered. */
  testOnly: string[];
  dynamic: number;
  /**
   * Reads outside test files `scan` will report as unregistered once the registry is written
   * (near misses): the starter budget, so the first scan passes and a new one fails.
   */
  unregistered: number;
  scan: ScanResult;
}

/** `parse`: init's parser, for following read values to string comparisons (variants.ts). */
export async function propose(dir: string, detection: Detection, now: IsoDate, parse: (file: string) => ts.SourceFile): Promise<Proposal> {
  const accessors = detection.accessors.filter((d) => d.reads > 0).map((d) => configAccessor(d.accessor));
  const config = { ...defaultConfig(dir), accessors };
  const registry: Registry = { file: path.join(dir, 'flags.yaml'), format: 'yaml', source: 'file', flags: new Map() };
  const result = await scan({ dir, now, config, registry });

  const reads = new Map<string, number>();
  const firstRead = new Map<string, { file: string; line: number }>();
  const sites = new Map<string, ReadSite[]>();
  const inTests = new Set<string>();
  let dynamic = 0;
  for (const ref of result.references) {
    if (ref.kind === 'dynamic') dynamic += ref.test ? 0 : 1;
    if (ref.kind !== 'evaluation' || ref.flag === null) continue;
    if (ref.test) {
      inTests.add(ref.flag);
      continue;
    }
    reads.set(ref.flag, (reads.get(ref.flag) ?? 0) + 1);
    sites.set(ref.flag, [...(sites.get(ref.flag) ?? []), { file: path.resolve(dir, ref.file), line: ref.line, column: ref.column }]);
    if (!firstRead.has(ref.flag)) firstRead.set(ref.flag, { file: ref.file, line: ref.line });
  }

  // A key read once that looks like a key read more often is a typo (`new-chekout`), not a flag.
  const nearMisses: NearMiss[] = [];
  for (const [key, count] of reads) {
    if (count !== 1) continue;
    const like = suggestKey(key, [...reads].filter(([other, n]) => other !== key && n > count).map(([other]) => other));
    if (like !== undefined) nearMisses.push({ key, like, ...(firstRead.get(key) as { file: string; line: number }) });
  }
  const typos = new Set(nearMisses.map((m) => m.key));
  const variants = comparedVariants(sites, parse);
  const keys = [...reads]
    .filter(([key]) => !typos.has(key))
    .map(([key, count]): InitKey => {
      const fallback = detection.defaults.get(key);
      const compared = variants.get(key);
      // An experiment's default is a variant: a literal default argument when it is a string, else its control.
      if (compared) return { key, reads: count, default: typeof fallback === 'string' ? fallback : controlVariant(compared), variants: compared };
      return fallback === undefined ? { key, reads: count } : { key, reads: count, default: fallback };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
  const testOnly = [...inTests].filter((key) => !reads.has(key)).sort();
  const registered = new Set(keys.map((k) => k.key));
  const unregistered = unregisteredReads(result, registered);
  return { accessors, keys, nearMisses, testOnly, dynamic, unregistered, scan: result };
}

/**
 * What scan's `unregistered` budget will count against `registered`: reads outside test files
 * (a test's made-up key is listed apart and never counted, reconcile.ts).
 */
function unregisteredReads(result: ScanResult, registered: ReadonlySet<string>): number {
  return result.references.filter((r) => r.kind === 'evaluation' && r.flag !== null && !r.test && !registered.has(r.flag)).length;
}

/**
 * The project's own exports that list the keys it reads (code/registry-candidates.ts), when
 * together they list at least half of them: the config then points at them, and init writes no
 * flags.yaml. `unregistered` is what scan will report against them.
 */
export function proposeCodeRegistry(dir: string, files: readonly string[], proposal: Proposal): { candidates: RegistryCandidate[]; unregistered: number } | undefined {
  const read = new Set(proposal.keys.map((k) => k.key));
  if (read.size < 2) return undefined;
  const candidates = findRegistryCandidates(dir, files, read);
  const listed = new Set(candidates.flatMap((c) => c.keys));
  if ([...read].filter((k) => listed.has(k)).length < read.size / 2) return undefined;
  return { candidates, unregistered: unregisteredReads(proposal.scan, listed) };
}

export function configText(proposal: Proposal, code?: { candidates: RegistryCandidate[]; unregistered: number }): string {
  // A naming rule the project's existing keys already break (camelCase LaunchDarkly keys) would
  // only bury the first scan in findings: propose kebab-case only when every key follows it.
  const kebab = '^[a-z0-9]+(-[a-z0-9]+)*$';
  const naming = proposal.keys.every((k) => new RegExp(kebab).test(k.key)) ? { naming: { pattern: kebab } } : {};
  const registry = code ? { code: code.candidates.map((c) => c.spec) } : 'flags.yaml';
  const config = { registry, accessors: proposal.accessors, ...naming, budget: { stale: 10, unregistered: code ? code.unregistered : proposal.unregistered } };
  return `${JSON.stringify(config, null, 2)}\n`;
}

export function registryText(keys: InitKey[], now: IsoDate): string {
  const flags: Record<string, Record<string, unknown>> = {};
  for (const { key, default: fallback, variants } of keys) {
    flags[key] = {
      type: variants ? 'experiment' : 'release',
      owner: IMPORT_PLACEHOLDER,
      created: now,
      expires: IMPORT_PLACEHOLDER,
      state: 'active',
      default: fallback ?? false,
    };
  }
  const header = `${INIT_HEADER} Review every flag: type, owner, expires (\`${IMPORT_PLACEHOLDER}\`).\n`;
  if (keys.length === 0) return `${header}flags: {}\n`;
  return header + stringify({ flags }, { lineWidth: 0 });
}
