/**
 * "Did you mean" for flag keys, field names and enum values. Separator and case variants
 * (`new_checkout`, `newCheckout`, `NEW-CHECKOUT`) are the commonest slips, so they win over
 * any edit-distance match.
 */

/** Words of an identifier, lower-cased: `newCheckout`, `new_checkout`, `NEW-CHECKOUT` -> new, checkout. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s\-_.:/]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

function canonical(key: string): string {
  return keyWords(key).join('-');
}

/** Optimal-string-alignment distance: Levenshtein plus adjacent transpositions (`chekcout`). */
export function editDistance(a: string, b: string): number {
  // Three rows of the table are enough (a transposition looks two rows back).
  const cols = b.length + 1;
  let before = new Uint32Array(cols);
  let previous = new Uint32Array(cols);
  let current = new Uint32Array(cols);
  for (let j = 0; j < cols; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[cols - 1];
}

/**
 * The known key the user most likely meant, or undefined. Never the key itself.
 * Ties (same kind of match, same distance) go to the alphabetically first candidate so the
 * answer does not depend on registry order.
 */
export function suggestKey(key: string, known: Iterable<string>): string | undefined {
  return keySuggester(known)(key);
}

/**
 * `suggestKey` against one list of known keys, asked for many keys: the list is sorted, and
 * each known key's words and lower case computed, once (a scan asks for every unregistered key).
 */
export function keySuggester(known: Iterable<string>): (key: string) => string | undefined {
  const candidates = [...new Set(known)].sort().map((k) => ({ key: k, lower: k.toLowerCase(), canonical: '' }));
  let canonicals = false;
  return (key) => {
    const wanted = canonical(key);
    if (wanted.length > 0) {
      if (!canonicals) {
        for (const c of candidates) c.canonical = canonical(c.key);
        canonicals = true;
      }
      const variant = candidates.find((c) => c.key !== key && c.canonical === wanted);
      if (variant !== undefined) return variant.key;
    }
    const lower = key.toLowerCase();
    const limit = Math.max(2, Math.floor(key.length / 4));
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const { key: candidate, lower: other } of candidates) {
      if (candidate === key) continue;
      // The distance is at least the difference in length: most keys are ruled out without a table.
      if (Math.abs(other.length - lower.length) > Math.min(limit, bestDistance)) continue;
      const distance = editDistance(lower, other);
      // A distance as long as the shorter word means nothing was shared: no suggestion.
      if (distance > limit || distance >= Math.min(key.length, candidate.length)) continue;
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  };
}

/** ` (did you mean "x"?)` or an empty string, for messages. */
export function didYouMean(word: string, known: Iterable<string>): string {
  const suggestion = suggestKey(word, known);
  return suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
}
