import { EXPERIMENT_IDS } from '../experiments/ids';

/** Experiments whose exposure is logged when the editor opens. */
export const LOGGED_EXPERIMENTS = [EXPERIMENT_IDS.SMART_COMPOSE];

export function toolbarButtons(): string[] {
    const buttons = ['bold', 'italic'];
    return buttons;
}
