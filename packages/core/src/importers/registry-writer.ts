/** Serialises imported flags as a native registry (flags.yaml). */
import { basename } from 'node:path';
import { Document, isMap, isScalar } from 'yaml';
import { IMPORT_PLACEHOLDER, type IsoDate } from '../types.js';
import { placeholderFields } from './flag-fields.js';
import type { ImportedFlag, VendorFormat } from './imported-flag.js';

export const VENDOR_NAMES: Record<VendorFormat, string> = {
  launchdarkly: 'LaunchDarkly',
  unleash: 'Unleash',
  flipt: 'Flipt',
  flagd: 'flagd',
  openfeature: 'OpenFeature manifest',
  growthbook: 'GrowthBook',
  posthog: 'PostHog',
};

export interface RegistryHeader {
  vendor: VendorFormat;
  /** The vendor file; only its base name is written so output does not depend on the machine. */
  file: string;
  environment?: string;
  date: IsoDate;
}

export function registryYaml(flags: ImportedFlag[], header: RegistryHeader): string {
  // A Map, not an object: any key (even `__proto__`) must survive, in order.
  const entries = new Map(flags.map(({ key, ...fields }) => [key, fields]));
  const doc = new Document({ flags: entries });

  const vendor = VENDOR_NAMES[header.vendor];
  const environment = header.environment !== undefined ? ` (environment: ${header.environment})` : '';
  const lines = [` Imported from ${vendor} file ${basename(header.file)}${environment} on ${header.date} by \`flagdebt registry import\`.`];
  const incomplete = flags.filter((flag) => placeholderFields(flag).length > 0);
  if (incomplete.length > 0) {
    lines.push(
      ` ${incomplete.length} flag(s) hold ${IMPORT_PLACEHOLDER} where the export has no value: fill them in;`,
      ' `flagdebt registry validate` lists every one that is left.',
    );
  }
  doc.commentBefore = lines.join('\n');

  const flagsNode = doc.get('flags', true);
  if (isMap(flagsNode)) {
    const byKey = new Map(flags.map((flag) => [flag.key, flag]));
    for (const pair of flagsNode.items) {
      if (!isScalar(pair.key)) continue;
      const flag = byKey.get(String(pair.key.value));
      const missing = flag ? placeholderFields(flag) : [];
      if (missing.length > 0) pair.key.commentBefore = ` ${IMPORT_PLACEHOLDER}: ${missing.join(', ')} (not in the ${vendor} export)`;
    }
  }
  return doc.toString({ lineWidth: 0 });
}
