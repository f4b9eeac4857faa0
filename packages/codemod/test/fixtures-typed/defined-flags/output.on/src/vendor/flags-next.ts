// The part of the `flags/next` API this app uses, typed for the type-check (the package is not installed here).
export interface FlagDefinition<T> {
  key: string;
  description?: string;
  defaultValue?: T;
  options?: readonly T[];
  decide: () => T | Promise<T>;
}

export type Flag<T> = ((code?: string, group?: readonly Flag<unknown>[]) => Promise<T>) & { key: string };

export function flag<T = boolean>(definition: FlagDefinition<T>): Flag<T> {
  const run = async (): Promise<T> => (await definition.decide()) ?? (definition.defaultValue as T);
  return Object.assign(run, { key: definition.key });
}

export async function precompute(group: readonly Flag<unknown>[]): Promise<string> {
  const values = await Promise.all(group.map((f) => f()));
  return values.map((v) => JSON.stringify(v)).join('.');
}
