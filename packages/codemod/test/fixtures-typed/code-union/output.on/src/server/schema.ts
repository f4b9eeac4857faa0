import type { FlagKey } from '../types/flags';
import { z } from '../lib/z';

/** What an admin may post to /api/flags. */
export const flagsPayload = z.object({
    darkMode: z.boolean(),
    betaSearch: z.boolean(),
});

/** Flags shown under "beta" in the admin UI. */
export const BETA_FLAGS: FlagKey[] = ['betaSearch'];

export function flagLabel(key: FlagKey): string {
    switch (key) {
        case 'darkMode':
            return 'Dark mode';
        default:
            return key;
    }
}
