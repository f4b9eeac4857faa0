import { showBanner } from '../flags';

export async function homeBanner(): Promise<string | null> {
  const banner = await showBanner();
  if (!banner) {
    return null;
  }
  return 'Holiday deals';
}

/** Handed to a streaming component that awaits it later: a Promise, not the flag's value. */
export function bannerPromise(): Promise<boolean> {
  return showBanner();
}
