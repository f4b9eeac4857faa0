import { inject, injectable } from '../ioc/container';
import { IConfigurationResolver, type DebugConfiguration } from './types';

@injectable()
export class DebugConfigurationService {
  constructor(
    @inject(IConfigurationResolver) private readonly resolver: IConfigurationResolver,
  ) {}

  public async resolve(config: DebugConfiguration): Promise<DebugConfiguration> {
    if (Object.keys(config).length === 0) {
      return this.resolver.defaults();
    }
    return this.resolver.resolve(config);
  }
}
