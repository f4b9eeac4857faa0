import type { FlagResolver } from '../flag-resolver';

export class SessionRoutes {
  constructor(
    private readonly baseUri: string,
    private readonly flagResolver?: FlagResolver,
  ) {}

  logoutTarget(): string {
    return `${this.baseUri}/`;
  }
}
