import { IServiceContainer } from '../ioc/container';
import { IWorkspace } from './types';

/** Where a new launch configuration may be saved; built by hand, so it asks the container. */
export class LaunchTargets {
  constructor(private readonly services: IServiceContainer) {}

  public async foldersFor(current: string): Promise<string[]> {
    const workspace = this.services.get<IWorkspace>(IWorkspace);
    return workspace.folders();
  }
}
