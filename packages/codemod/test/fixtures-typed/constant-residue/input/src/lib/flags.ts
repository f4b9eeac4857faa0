type FlagValues = Record<string, boolean>;

const overrides: FlagValues = {};

export const flags = {
  isEnabled(key: string, fallback: boolean): boolean {
    return overrides[key] ?? fallback;
  },
};

/** Flags for the current user (the hook every component uses). */
export function useFlag(key: string): boolean {
  return flags.isEnabled(key, false);
}

export function overrideFlag(key: string, on: boolean): void {
  overrides[key] = on;
}
