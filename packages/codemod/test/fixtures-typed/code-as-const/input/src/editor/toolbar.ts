import { EXPERIMENT_IDS } from '../experiments/ids';
import { experiments } from '../experiments/service';

/** Experiments whose exposure is logged when the editor opens. */
export const LOGGED_EXPERIMENTS = [EXPERIMENT_IDS.POWER_STEERING, EXPERIMENT_IDS.SMART_COMPOSE];

export function toolbarButtons(): string[] {
    const buttons = ['bold', 'italic'];
    if (experiments.isIn(EXPERIMENT_IDS.POWER_STEERING)) {
        buttons.push('steer');
    }
    return buttons;
}
