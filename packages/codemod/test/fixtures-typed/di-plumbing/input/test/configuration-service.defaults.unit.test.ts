import { ExperimentService } from '../src/common/experiment-service';
import { CacheDebugConfig, IExperimentService } from '../src/common/experiments';
import { DebugConfigurationService } from '../src/debugger/configuration-service';
import { IConfigurationResolver } from '../src/debugger/types';
import { instance, mock, when } from './doubles';

let experiments: IExperimentService;
let service: DebugConfigurationService;

function setup(): void {
  const resolver: IConfigurationResolver = {
    defaults: async () => ({ type: 'python', request: 'launch' }),
    resolve: async (config) => config,
  };
  experiments = mock(ExperimentService);
  when(experiments.inExperiment(CacheDebugConfig.experiment)).thenResolve(true);
  service = new DebugConfigurationService(resolver, instance(experiments));
}

export async function emptyConfigurationGetsTheDefaults(): Promise<boolean> {
  setup();
  const resolved = await service.resolve({});
  return resolved.request === 'launch';
}
