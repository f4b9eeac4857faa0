import { DebugConfigurationService } from '../src/debugger/configuration-service';
import { IConfigurationResolver } from '../src/debugger/types';

let service: DebugConfigurationService;

function setup(): void {
  const resolver: IConfigurationResolver = {
    defaults: async () => ({ type: 'python', request: 'launch' }),
    resolve: async (config) => config,
  };
  service = new DebugConfigurationService(resolver);
}

export async function emptyConfigurationGetsTheDefaults(): Promise<boolean> {
  setup();
  const resolved = await service.resolve({});
  return resolved.request === 'launch';
}
