import { createFlagResolver, type FlagOverrides } from './types/experimental';

// Everything on for local development.
export const devFlags: FlagOverrides = {
    newNav: true,
    darkMode: true,
};

export const devResolver = createFlagResolver(devFlags);
