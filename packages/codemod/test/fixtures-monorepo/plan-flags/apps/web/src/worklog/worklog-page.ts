import { FeatureFlag } from '@tracker/flags';
import { useFlag } from '../flags/use-flag';

export function worklogPage(workspace: string): string {
  if (!useFlag(workspace, FeatureFlag.TIME_TRACKING)) return 'Upgrade to log time';
  return 'Worklogs';
}
