import { LOCAL_FLAGS } from './local-flags';

const served = new Map<string, boolean>();

export const flags = {
  isEnabled(key: string, fallback = false): boolean {
    return served.get(key) ?? LOCAL_FLAGS[key] ?? fallback;
  },
  update(values: Record<string, boolean>): void {
    for (const [key, value] of Object.entries(values)) served.set(key, value);
  },
};
