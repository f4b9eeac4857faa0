export interface Feature {
  on: boolean;
  reason: string;
}

export interface Setting<T> {
  value: T;
  source: string;
}

export interface Subscription {
  unsubscribe(): void;
}

export interface Observable<T> {
  subscribe(cb: (value: T) => void): Subscription;
}

const remote = new Map<string, boolean>();

export function useFeature(key: string): Feature {
  return { on: remote.get(key) ?? false, reason: remote.has(key) ? 'remote' : 'default' };
}

export function useSetting(key: string): Setting<boolean> {
  return { value: remote.get(key) ?? false, source: 'remote' };
}

export const exp = {
  inExperiment: async (key: string): Promise<boolean> => remote.get(key) ?? false,
};

export const settings = {
  watch(key: string, cb: (on: boolean) => void): number {
    cb(remote.get(key) ?? false);
    return remote.size + 1;
  },
};

export const flags = {
  observe(key: string): Observable<boolean> {
    return {
      subscribe(cb) {
        cb(remote.get(key) ?? false);
        return { unsubscribe: () => remote.delete(key) };
      },
    };
  },
};

/** The current value of an observable, for a component (re-rendering on change). */
export function useObservable<T>(source: Observable<T>, initial: T): T {
  let current = initial;
  source.subscribe((value) => {
    current = value;
  }).unsubscribe();
  return current;
}
