/** A value that changes over time, read now (`value`) or followed (`subscribe`). */
export class LiveData<T> {
  private listeners = new Set<(value: T) => void>();

  constructor(private current: T) {}

  get value(): T {
    return this.current;
  }

  next(value: T): void {
    this.current = value;
    for (const listener of this.listeners) listener(value);
  }

  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A derived value: `get` reads other live data and records them as inputs. */
  static computed<R>(compute: (get: <V>(live: LiveData<V>) => V) => R): LiveData<R> {
    return new LiveData(compute((live) => live.value));
  }
}
