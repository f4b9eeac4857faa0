const enabled = new Set<string>(['new-checkout']);

export const flags = {
  isEnabled(key: string, fallback: boolean): boolean {
    return enabled.has(key) || fallback;
  },
};
