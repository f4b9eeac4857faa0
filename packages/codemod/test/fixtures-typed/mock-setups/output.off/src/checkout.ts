import type { ExperimentService } from './lib/experiments';

export function checkoutSteps(exp: ExperimentService): number {
  return 3;
}
