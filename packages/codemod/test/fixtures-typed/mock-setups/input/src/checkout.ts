import type { ExperimentService } from './lib/experiments';

export function checkoutSteps(exp: ExperimentService): number {
  return exp.inExperimentSync('new-checkout') ? 1 : 3;
}
