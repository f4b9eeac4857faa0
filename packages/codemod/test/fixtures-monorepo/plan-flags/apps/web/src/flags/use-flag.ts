import type { FeatureFlag } from '@tracker/flags';

const enabled = new Map<string, Set<string>>();

/** Whether the workspace's plan includes a flag. */
export function useFlag(workspace: string, flag: FeatureFlag | keyof typeof FeatureFlag, fallback = false): boolean {
  return enabled.get(workspace)?.has(flag) ?? fallback;
}
