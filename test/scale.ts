/**
 * How hard the randomized and stress tests push. `npm test` runs every kind of test at a size
 * that keeps the suite quick; `npm run test:long` (FLAGDEBT_LONG_TESTS=1, run by CI too) runs the
 * same tests at the counts the reliability work asked for. An explicit variable wins over both.
 */
export const LONG_TESTS = process.env.FLAGDEBT_LONG_TESTS === '1';

/** `quick` in `npm test`, `long` in `npm run test:long`; `override` (an env variable's value) wins when set. */
export function testCount(quick: number, long: number, override?: string): number {
  if (override !== undefined && override !== '') return Number(override);
  return LONG_TESTS ? long : quick;
}
