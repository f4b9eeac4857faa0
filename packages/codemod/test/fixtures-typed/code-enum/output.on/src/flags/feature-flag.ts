/** The feature flags, as the flag service names them. */
export enum FeatureFlag {
    DarkMode = 'dark-mode',
    BulkExport = 'bulk-export',
}

/** Used when the flag service cannot be reached. */
export const FLAG_DEFAULTS: Record<FeatureFlag, boolean> = {
    [FeatureFlag.DarkMode]: false,
    [FeatureFlag.BulkExport]: false,
};
