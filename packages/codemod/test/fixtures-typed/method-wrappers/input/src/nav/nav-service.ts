import type { FlagResolver } from '../flag-resolver';
import type { INavService } from './types';

export class NavService implements INavService {
  constructor(private readonly flagResolver: FlagResolver) {}

  /** The rebuilt navigation (WEB-210). */
  isNewNavEnabled(): boolean {
    return this.flagResolver.isEnabled('newNav');
  }

  /** Generic: takes the key, so it is flag infrastructure and stays. */
  isEnabled(key: string): boolean {
    return this.flagResolver.isEnabled(key);
  }

  links(): string[] {
    return ['/home', '/projects', '/settings'];
  }
}
