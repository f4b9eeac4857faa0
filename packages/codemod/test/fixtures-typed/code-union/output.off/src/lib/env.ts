/** Reads a boolean from the environment the host page injects. */
export function envFlag(name: string, fallback: boolean): boolean {
    const raw = (globalThis as { APP_ENV?: Record<string, string> }).APP_ENV?.[name];
    return raw === undefined ? fallback : raw === 'true';
}
