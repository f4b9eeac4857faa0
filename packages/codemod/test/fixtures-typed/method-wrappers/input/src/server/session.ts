import type { FlagResolver } from '../flag-resolver';

export class SessionRoutes {
  constructor(
    private readonly baseUri: string,
    private readonly flagResolver?: FlagResolver,
  ) {}

  /** Guarded: no resolver in the CLI build. */
  signOutPageOn = (): boolean => (this.flagResolver ? this.flagResolver.isEnabled('newNav') : false);

  logoutTarget(): string {
    return this.signOutPageOn() ? `${this.baseUri}/login?signed-out` : `${this.baseUri}/`;
  }
}
