/** Experiment ids as the assignment service knows them. */
export const EXPERIMENT_IDS = {
    QUICK_REPLY: 'quickReply',
    SMART_COMPOSE: 'smartCompose',
} as const;

export type ExperimentId = (typeof EXPERIMENT_IDS)[keyof typeof EXPERIMENT_IDS];

/** Share of users in each experiment, in percent. */
export const ROLLOUT: Record<ExperimentId, number> = {
    quickReply: 10,
    smartCompose: 0,
};
