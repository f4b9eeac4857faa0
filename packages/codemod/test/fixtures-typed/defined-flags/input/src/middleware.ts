import { precompute } from 'flags/next';
import { freeShipping, showBanner } from './flags';

export async function routeCode(path: string): Promise<string> {
  const code = await precompute([showBanner, freeShipping]);
  return `/${code}${path}`;
}
