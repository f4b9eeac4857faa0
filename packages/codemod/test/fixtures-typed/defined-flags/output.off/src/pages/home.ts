import { showBanner } from '../flags';

export async function homeBanner(): Promise<string | null> {
  return null;
}

/** Handed to a streaming component that awaits it later: a Promise, not the flag's value. */
export function bannerPromise(): Promise<boolean> {
  return showBanner();
}
