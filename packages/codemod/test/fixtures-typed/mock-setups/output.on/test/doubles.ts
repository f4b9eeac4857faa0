// Minimal stand-ins for ts-mockito, typemoq and expect, so the fixture type-checks on its own.
export function when<T>(value: T): { thenResolve(result: Awaited<T>): void; thenReturn(result: T): void } {
  void value;
  return { thenResolve: () => undefined, thenReturn: () => undefined };
}

export class Mock<T> {
  readonly object = {} as T;

  setup<R>(call: (target: T) => R): { returns(result: R): void } {
    void call;
    return { returns: () => undefined };
  }
}

export function expect<T>(actual: T): { toBe(expected: T): void } {
  return {
    toBe(expected) {
      if (actual !== expected) throw new Error(`expected ${String(expected)}, got ${String(actual)}`);
    },
  };
}
