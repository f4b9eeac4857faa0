export type FlagKey =
    | 'bulkExport'
    | 'darkMode';

export type FlagOverrides = Partial<{ [key in FlagKey]: boolean }>;

function parseEnvBoolean(value: string | undefined, fallback: boolean): boolean {
    return value === undefined ? fallback : value === 'true';
}

const env: Record<string, string | undefined> = {};

export const defaultFlags: FlagOverrides = {
    bulkExport: parseEnvBoolean(env.UNLEASH_BULK_EXPORT, false),
    darkMode: false,
};

export interface FlagResolver {
    isEnabled(key: FlagKey): boolean;
}

export function createFlagResolver(flags: FlagOverrides): FlagResolver {
    return { isEnabled: (key) => flags[key] ?? false };
}
