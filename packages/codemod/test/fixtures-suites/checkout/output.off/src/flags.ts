/**
 * The shop's flag client: an environment override (FLAG_NEW_CHECKOUT=true) wins, then a value set
 * by a test, then the default the caller passes.
 */
const overrides = new Map<string, boolean>();

function envName(key: string): string {
  return `FLAG_${key.toUpperCase().replace(/-/g, '_')}`;
}

export const flags = {
  isEnabled(key: string, fallback: boolean): boolean {
    const env = process.env[envName(key)];
    if (env !== undefined && env !== '') return env === 'true';
    return overrides.get(key) ?? fallback;
  },
};

export function setOverride(key: string, value: boolean): void {
  overrides.set(key, value);
}

export function clearOverrides(): void {
  overrides.clear();
}
