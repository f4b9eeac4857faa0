import { IExperimentService } from '../src/common/experiments';
import { DebugConfigurationService } from '../src/debugger/configuration-service';
import { IConfigurationResolver } from '../src/debugger/types';

/** Exposes nothing new: the tests build the service by hand, with stand-ins for what the container injects. */
class TestDebugConfigurationService extends DebugConfigurationService {}

export async function reusesTheLastConfiguration(): Promise<boolean> {
  const resolver: IConfigurationResolver = {
    defaults: async () => ({ type: 'python', request: 'launch' }),
    resolve: async (config) => ({ ...config, resolved: 'yes' }),
  };
  const experiments: IExperimentService = { inExperiment: async () => true };
  const service = new TestDebugConfigurationService(resolver, experiments);
  await service.resolve({ type: 'python', request: 'attach' });
  const again = await service.resolve({});
  return again.request === 'attach';
}
