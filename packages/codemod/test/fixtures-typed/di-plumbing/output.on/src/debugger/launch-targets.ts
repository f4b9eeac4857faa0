import { IServiceContainer } from '../ioc/container';

/** Where a new launch configuration may be saved; built by hand, so it asks the container. */
export class LaunchTargets {
  constructor(private readonly services: IServiceContainer) {}

  public async foldersFor(current: string): Promise<string[]> {
    return [current];
  }
}
