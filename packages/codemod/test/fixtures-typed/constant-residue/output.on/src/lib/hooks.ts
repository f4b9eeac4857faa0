/** A tiny stand-in for React's hooks: the dependency array is the last argument. */
export function useEffect(effect: () => void, deps: unknown[]): void {
  if (deps.length >= 0) effect();
}

export function useMemo<T>(make: () => T, deps: unknown[]): T {
  return deps.length >= 0 ? make() : make();
}

export function classNames(...args: Array<string | Record<string, boolean>>): string {
  return args
    .flatMap((a) => (typeof a === 'string' ? [a] : Object.keys(a).filter((k) => a[k])))
    .join(' ');
}
