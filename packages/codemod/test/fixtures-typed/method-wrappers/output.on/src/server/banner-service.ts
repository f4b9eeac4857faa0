import type { FlagResolver } from '../flag-resolver';

export class BannerService {
  constructor(private readonly flagResolver: FlagResolver) {}

  /** Named in a test by string (a spy): it stays, for a human to look at. */
  newNavBanner(): boolean {
    return true;
  }
}

export function bannerText(service: BannerService): string {
  return 'Try the new navigation';
}
