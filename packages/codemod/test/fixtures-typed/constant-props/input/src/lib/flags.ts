const enabled = new Set<string>();

export function useUiFlag(key: string): boolean {
  return enabled.has(key);
}
