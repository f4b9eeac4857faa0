import { envFlag } from '../lib/env';

/** Every flag the server knows. */
export type FlagKey =
    | 'newNav'
    | 'darkMode'
    | 'betaSearch';

export type Flags = Partial<Record<FlagKey, boolean>>;

export const defaultFlags: Flags = {
    newNav: envFlag('FLAG_NEW_NAV', false),
    darkMode: envFlag('FLAG_DARK_MODE', false),
    betaSearch: envFlag('FLAG_BETA_SEARCH', false),
};

export interface FlagResolver {
    isEnabled(key: FlagKey): boolean;
}

export function createFlagResolver(overrides: Flags = {}): FlagResolver {
    const flags = { ...defaultFlags, ...overrides };
    return { isEnabled: (key) => flags[key] === true };
}
