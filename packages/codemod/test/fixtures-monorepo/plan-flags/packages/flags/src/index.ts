/** Flags the workspace plan switches on. */
export enum FeatureFlag {
  TIME_TRACKING = 'TIME_TRACKING',
  MILESTONES = 'MILESTONES',
  BULK_EDIT = 'BULK_EDIT',
}

export type FlagName = keyof typeof FeatureFlag;
