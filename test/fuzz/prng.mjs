/**
 * A small seeded PRNG (mulberry32) so every generated program is reproducible from one number.
 * Math.random is never used by the fuzzer.
 */
export function createRng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** Integer in [0, n). */
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    /** Picks from `[weight, value]` pairs. */
    weighted(pairs) {
      const total = pairs.reduce((sum, [w]) => sum + w, 0);
      let roll = next() * total;
      for (const [w, value] of pairs) {
        roll -= w;
        if (roll < 0) return value;
      }
      return pairs[pairs.length - 1][1];
    },
  };
}

/** Seed of the i-th program of a run: decorrelated, so neighbouring runs do not share prefixes. */
export function programSeed(runSeed, index) {
  let h = (runSeed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (index + 0x85ebca6b), 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}
