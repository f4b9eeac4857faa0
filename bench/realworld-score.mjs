/**
 * Scoring of bench/realworld.mjs, as the dev set defines it: a hand-checked read is found when
 * the scan has an `evaluation` of the same flag in the same file within 3 lines; precision is
 * over the evaluations of the checked flags outside test files; a checked flag must not be
 * listed `unused`.
 */
const NEAR = 3;

const near = (ref, read) => ref.flag === read.flag && ref.file === read.file && Math.abs(ref.line - read.line) <= NEAR;

/** Scores one scan result against the hand-checked reads. */
export function score(result, reads) {
  const checked = new Set(reads.map((r) => r.flag));
  const evaluations = result.references.filter((r) => r.kind === 'evaluation');
  const misses = reads.filter((read) => !evaluations.some((ref) => near(ref, read)));
  const counted = evaluations.filter((ref) => checked.has(ref.flag) && !ref.test);
  const falseHits = counted.filter((ref) => !reads.some((read) => near(ref, read)));
  const unused = result.unused.map((u) => u.flag).filter((flag) => checked.has(flag));
  // What the scan saw around each missed read, as a hint for the cause.
  for (const miss of misses) {
    miss.nearby = result.references
      .filter((ref) => ref.file === miss.file && Math.abs(ref.line - miss.line) <= NEAR)
      .map((ref) => `${ref.kind}${ref.flag === null ? '' : ` ${ref.flag}`} via ${ref.via} @${ref.line}`);
  }
  return {
    reads: reads.length,
    flags: checked.size,
    found: reads.length - misses.length,
    recall: reads.length ? (reads.length - misses.length) / reads.length : null,
    evaluations: counted.length,
    matched: counted.length - falseHits.length,
    precision: counted.length ? (counted.length - falseHits.length) / counted.length : null,
    unused,
    misses,
    falseHits,
  };
}
