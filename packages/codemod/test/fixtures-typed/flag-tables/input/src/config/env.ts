export type AppEnv = 'local' | 'staging' | 'production';

export const APP_ENV: AppEnv = (globalThis as { APP_ENV?: AppEnv }).APP_ENV ?? 'production';

/** A value set by hand in the browser's storage, for trying a flag locally. */
export function readOverride(key: string): boolean {
  return (globalThis as { overrides?: Record<string, boolean> }).overrides?.[key] ?? false;
}
