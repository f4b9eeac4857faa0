/** The project's tiny test runner (no framework installed in the fixture). */
const cases: Array<{ title: string; run: () => void }> = [];

export function describe(title: string, body: () => void): void {
  body();
  cases.push({ title, run: () => undefined });
}

export function it(title: string, run: () => void): void {
  cases.push({ title, run });
}

export function expect(actual: unknown) {
  return {
    toBe(expected: unknown): void {
      if (actual !== expected) throw new Error(`expected ${String(expected)}, got ${String(actual)}`);
    },
  };
}
