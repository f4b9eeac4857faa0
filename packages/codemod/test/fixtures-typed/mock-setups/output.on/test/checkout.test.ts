import { checkoutSteps } from '../src/checkout';
import { type ExperimentService } from '../src/lib/experiments';
import { expect, Mock, when } from './doubles';

export function stubbedService(): ExperimentService {
  const mock = new Mock<ExperimentService>();
  mock.setup((e) => e.inExperimentSync('new-checkout')).returns(true);
  const exp = mock.object;
  when(exp.inExperiment('new-checkout')).thenResolve(true);
  return exp;
}

export function checkoutTests(): void {
  expect(checkoutSteps(stubbedService())).toBe(1);
}
