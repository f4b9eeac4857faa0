import { checkoutSteps } from '../src/checkout';
import { Experiments, type ExperimentService } from '../src/lib/experiments';
import { expect, Mock, when } from './doubles';

const cfg = { experiments: ['new-checkout'] };

export function stubbedService(): ExperimentService {
  const mock = new Mock<ExperimentService>();
  mock.setup((e) => e.inExperimentSync('new-checkout')).returns(true);
  const exp = mock.object;
  when(exp.inExperiment('new-checkout')).thenResolve(true);
  return exp;
}

export function checkoutTests(): void {
  expect(Experiments.isEnabled(cfg, 'new-checkout')).toBe(true);
  expect(checkoutSteps(stubbedService())).toBe(1);
}
