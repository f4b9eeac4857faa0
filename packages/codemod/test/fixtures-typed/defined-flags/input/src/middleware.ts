import { precompute } from 'flags/next';
import { showBanner } from './flags';

export async function routeCode(path: string): Promise<string> {
  const code = await precompute([showBanner]);
  return `/${code}${path}`;
}
