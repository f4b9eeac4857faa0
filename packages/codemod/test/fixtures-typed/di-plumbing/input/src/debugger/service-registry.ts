import { ServiceManager } from '../ioc/container';
import { DebugConfigurationService } from './configuration-service';
import { IDebugConfigurationService } from './types';

export function registerTypes(manager: ServiceManager): void {
  manager.addSingleton(IDebugConfigurationService, DebugConfigurationService);
}
