import { clearOverrides, setOverride } from '../src/flags';

/** Test helpers: pin a flag for one test, and forget every pinned flag. */
export function mockFlag(key: string, value: boolean): void {
  setOverride(key, value);
}

export function resetFlags(): void {
  clearOverrides();
}
