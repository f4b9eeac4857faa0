import type { BannerService } from '../src/server/banner-service';

/** Members the banner tests spy on. */
export const spied: Array<keyof BannerService> = ['newNavBanner'];
