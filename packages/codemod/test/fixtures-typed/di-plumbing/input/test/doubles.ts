/** A tiny stand-in for ts-mockito: `mock(Class)` records calls, `instance(m)` is what code receives. */
export function mock<T>(cls: abstract new (...args: never[]) => T): T {
  return Object.create(cls.prototype) as T;
}

export function instance<T>(double: T): T {
  return double;
}

/** `when(m.method(args)).thenResolve(value)`: what the double answers. */
export function when<T>(call: Promise<T> | T): { thenResolve(value: T): void; thenReturn(value: T): void } {
  void call;
  return { thenResolve: () => undefined, thenReturn: () => undefined };
}
