import { createFlagResolver, type FlagOverrides } from './types/experimental';

// Everything on for local development.
export const devFlags: FlagOverrides = {
    darkMode: true,
};

export const devResolver = createFlagResolver(devFlags);
