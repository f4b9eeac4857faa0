/** Entry point: turns a vendor export into native registry flags and YAML. */
import { FlagdebtError, type Diagnostic } from '../diagnostics.js';
import { todayUtc } from './dates.js';
import { importFlagd } from './flagd.js';
import { importFlipt } from './flipt.js';
import { importGrowthBook } from './growthbook.js';
import { VENDOR_FORMATS, type ImportedFlag, type ImportOptions, type ImportResult, type VendorFormat } from './imported-flag.js';
import { ImportSession } from './import-session.js';
import { importLaunchDarkly } from './launchdarkly.js';
import { importOpenFeature } from './openfeature.js';
import { importPostHog } from './posthog.js';
import { registryYaml, VENDOR_NAMES } from './registry-writer.js';
import { parseJsonSource, parseYamlSource } from './vendor-source.js';
import { importUnleash } from './unleash.js';

const JSON_IMPORTERS: Record<Exclude<VendorFormat, 'flipt'>, (session: ImportSession) => ImportedFlag[]> = {
  launchdarkly: importLaunchDarkly,
  unleash: importUnleash,
  flagd: importFlagd,
  openfeature: importOpenFeature,
  growthbook: importGrowthBook,
  posthog: importPostHog,
};

/** Formats whose files hold several environments. */
const ENVIRONMENT_FORMATS: VendorFormat[] = ['launchdarkly', 'unleash', 'growthbook'];

/**
 * Imports one vendor file. Throws FlagdebtError when the file cannot be read as that vendor's
 * format at all (bad syntax, missing top-level keys, unknown environment); everything else
 * (skipped flags, guesses) is returned in `notes`.
 */
export function importRegistry(from: VendorFormat, text: string, opts: ImportOptions): ImportResult {
  if (!(VENDOR_FORMATS as readonly string[]).includes(from)) {
    throw new FlagdebtError({
      severity: 'error',
      code: 'import/unknown-format',
      file: opts.file,
      line: 0,
      column: 0,
      message: `unknown vendor format "${String(from)}"`,
      fix: `use one of: ${VENDOR_FORMATS.join(', ')}`,
    });
  }
  const notes: Diagnostic[] = [];
  if (opts.environment !== undefined && !ENVIRONMENT_FORMATS.includes(from)) {
    notes.push({
      severity: 'warning',
      code: 'import/environment-ignored',
      file: opts.file,
      line: 0,
      column: 0,
      message: `a ${VENDOR_NAMES[from]} file has no environments; --environment ${opts.environment} was ignored`,
      fix: 'leave out --environment (export the file of the environment you want instead)',
    });
  }
  const imported: ImportedFlag[] = [];
  let environment: string | undefined;
  if (from === 'flipt') {
    const documents = parseYamlSource(text, opts.file);
    if (documents.length === 0) {
      throw new FlagdebtError({
        severity: 'error',
        code: 'import/missing-key',
        file: opts.file,
        line: 0,
        column: 0,
        message: 'the Flipt file is empty',
        fix: 'import a features.yml with `version`, `namespace`, `flags` and `segments`',
      });
    }
    for (const document of documents) imported.push(...importFlipt(new ImportSession(document, opts.environment, notes)));
  } else {
    const session = new ImportSession(parseJsonSource(text, opts.file), opts.environment, notes);
    imported.push(...JSON_IMPORTERS[from](session));
    environment = session.environment;
  }
  const flags = withoutDuplicates(imported, notes, opts.file, VENDOR_NAMES[from]);
  const yaml = registryYaml(flags, { vendor: from, file: opts.file, environment, date: opts.now ?? todayUtc() });
  // File-level notes first, then in file order (Array.prototype.sort is stable).
  notes.sort((a, b) => a.line - b.line || a.column - b.column);
  return { yaml, flags, notes };
}

/** A registry key is unique; a second flag with the same key (e.g. from another Flipt namespace) is dropped. */
function withoutDuplicates(flags: ImportedFlag[], notes: Diagnostic[], file: string, vendor: string): ImportedFlag[] {
  const seen = new Set<string>();
  return flags.filter((flag) => {
    if (!seen.has(flag.key)) {
      seen.add(flag.key);
      return true;
    }
    notes.push({
      severity: 'warning',
      code: 'import/duplicate-key',
      file,
      line: 0,
      column: 0,
      flag: flag.key,
      message: `the ${vendor} file defines "${flag.key}" more than once; only the first one was imported`,
      fix: 'rename one of the flags, or import the namespaces into separate registries',
    });
    return false;
  });
}
