import { FeatureFlag, type FlagName } from '@tracker/flags';
import { useFlag } from '../flags/use-flag';

/** Which flag gates each project setting (none: always available). */
const FLAG_BY_SETTING: Record<string, FlagName | undefined> = {
  time_tracking: 'TIME_TRACKING',
  milestones: 'MILESTONES',
};

export interface FeatureStatus {
  enabled: boolean;
  hideWhenOff: boolean;
}

export function featureStatuses(workspace: string): Partial<Record<keyof typeof FeatureFlag, FeatureStatus>> {
  const timeTracking = useFlag(workspace, 'TIME_TRACKING');
  const milestones = useFlag(workspace, FeatureFlag.MILESTONES);
  return {
    TIME_TRACKING: { enabled: timeTracking, hideWhenOff: false },
    MILESTONES: { enabled: milestones, hideWhenOff: true },
  };
}

export function flagForSetting(setting: string): FlagName | undefined {
  return FLAG_BY_SETTING[setting];
}
