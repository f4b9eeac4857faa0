import { FeatureFlag } from '../flags/feature-flag';

/** Flags an admin may switch per tenant. */
export const TENANT_FLAGS = [FeatureFlag.BulkExport];

export function describeFlag(flag: FeatureFlag): string {
    switch (flag) {
        case FeatureFlag.DarkMode:
            return 'Dark colour scheme';
        case FeatureFlag.BulkExport:
            return 'Export many projects at once';
    }
}
