import { inject, injectable } from '../ioc/container';
import { IConfigurationResolver, type DebugConfiguration } from './types';

@injectable()
export class DebugConfigurationService {
  private lastConfiguration: DebugConfiguration | undefined;

  constructor(
    @inject(IConfigurationResolver) private readonly resolver: IConfigurationResolver,
  ) {}

  public async resolve(config: DebugConfiguration): Promise<DebugConfiguration> {
    if (Object.keys(config).length === 0) {
      if (this.lastConfiguration) {
        return { ...this.lastConfiguration };
      }
      return this.resolver.defaults();
    }
    this.lastConfiguration = config;
    return this.resolver.resolve(config);
  }
}
