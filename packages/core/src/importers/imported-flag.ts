import type { Diagnostic } from '../diagnostics.js';
import type { FlagState, FlagType, FlagValue, IsoDate } from '../types.js';

export const VENDOR_FORMATS = ['launchdarkly', 'unleash', 'flipt', 'flagd', 'openfeature', 'growthbook', 'posthog'] as const;
export type VendorFormat = (typeof VENDOR_FORMATS)[number];

/**
 * One registry entry produced from a vendor export. Same fields as a registry flag (without a
 * location, since the registry file does not exist yet). Fields the export cannot tell hold
 * IMPORT_PLACEHOLDER so that `registry validate` points at them.
 */
export interface ImportedFlag {
  key: string;
  type: FlagType;
  owner: string;
  description?: string;
  created: string;
  expires?: string;
  state: FlagState;
  value?: FlagValue;
  since?: string;
  default?: FlagValue;
  tags?: string[];
}

export interface ImportOptions {
  /** Path of the vendor file, used in diagnostics and in the YAML header. */
  file: string;
  /** Vendor environment to read states from (LaunchDarkly, Unleash). */
  environment?: string;
  /** "Today" for the YAML header; defaults to the current date. */
  now?: IsoDate;
}

export interface ImportResult {
  /** The native registry (`flags:` mapping) as YAML, with a header comment. */
  yaml: string;
  /** In source order. */
  flags: ImportedFlag[];
  /** Non-fatal problems: skipped flags, guesses the user should check. */
  notes: Diagnostic[];
}
