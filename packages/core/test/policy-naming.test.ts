import { describe, expect, it } from 'vitest';
import { addDays, checkNaming, daysBetween, editDistance, formatIsoDate, isIsoDate, keySuggester, parseIsoDate, suggestKey, todayIso } from '../src/index.js';

const registered = ['new-checkout', 'search-v2', 'checkout-button-color', 'ops-disable-recommendations', 'dark-mode'];

describe('suggestKey', () => {
  it('maps case and separator variants to the registered key first', () => {
    expect(suggestKey('new_checkout', registered)).toBe('new-checkout');
    expect(suggestKey('newCheckout', registered)).toBe('new-checkout');
    expect(suggestKey('NEW-CHECKOUT', registered)).toBe('new-checkout');
    expect(suggestKey('NewCheckout', registered)).toBe('new-checkout');
    expect(suggestKey('searchV2', registered)).toBe('search-v2');
  });

  it('prefers a separator variant over a closer edit-distance match', () => {
    // "dark_mod" is 1 edit from "dark-mod" but its canonical form equals "dark-mod"'s variant "dark_mod".
    expect(suggestKey('dark_mode', ['dark-mode', 'dark_mod'])).toBe('dark-mode');
  });

  it('finds typos within max(2, length/4) edits, transpositions counting once', () => {
    expect(suggestKey('new-chekout', registered)).toBe('new-checkout');
    expect(suggestKey('new-chekcout', registered)).toBe('new-checkout');
    expect(suggestKey('serach-v2', registered)).toBe('search-v2');
    // 27 characters allow 6 edits.
    expect(suggestKey('ops-disable-recomendation', registered)).toBe('ops-disable-recommendations');
    expect(suggestKey('payments-v3', registered)).toBeUndefined();
  });

  it('never suggests the key itself, and breaks ties alphabetically', () => {
    expect(suggestKey('new-checkout', registered)).toBeUndefined();
    expect(suggestKey('flag-c', ['flag-b', 'flag-a'])).toBe('flag-a');
    expect(suggestKey('flag-c', ['flag-a', 'flag-b'])).toBe('flag-a');
  });

  it('does not suggest for very short keys that share nothing', () => {
    expect(suggestKey('ab', ['xy', 'cd'])).toBeUndefined();
  });

  it('measures optimal string alignment distance', () => {
    expect(editDistance('expire', 'expires')).toBe(1);
    expect(editDistance('ca', 'ac')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
  });

  it('keeps three rows of the distance table, as the whole table would give', () => {
    // The textbook table, every row kept: the rolling rows must agree on transpositions too.
    const full = (a: string, b: string) => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
      return d[a.length][b.length];
    };
    let seed = 7;
    const word = () => {
      let out = '';
      for (let n = (seed = (seed * 48271) % 2147483647) % 9; n > 0; n--) out += 'abcab'[(seed = (seed * 48271) % 2147483647) % 5];
      return out;
    };
    for (let i = 0; i < 400; i++) {
      const [a, b] = [word(), word()];
      expect(editDistance(a, b), `${a} / ${b}`).toBe(full(a, b));
    }
  });

  it('answers many keys against one prepared list as one key at a time', () => {
    const registered = ['new-checkout', 'search-v2', 'dark_mode', 'dark-mode', 'ops-disable-recommendations', 'flag-b', 'flag-a'];
    const suggest = keySuggester(registered);
    for (const key of ['new_checkout', 'serach-v2', 'dark-mode', 'DARK_MODE', 'flag-c', 'payments-v3', 'new-checkout', 'ab']) {
      expect(suggest(key), key).toBe(suggestKey(key, registered));
    }
    expect(suggest('dark-mode')).toBe('dark_mode');
    expect(suggest('new-checkout')).toBeUndefined();
  });
});

describe('checkNaming', () => {
  const naming = { pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', types: { ops: '^ops-' } };

  it('accepts keys that follow the global and the per-type pattern', () => {
    expect(checkNaming('new-checkout', 'release', naming)).toBeNull();
    expect(checkNaming('ops-disable-recommendations', 'ops', naming)).toBeNull();
    expect(checkNaming('anything_goes', 'release', {})).toBeNull();
  });

  it('explains which pattern a key breaks', () => {
    expect(checkNaming('newCheckout', 'release', naming)).toBe('key "newCheckout" does not match the naming pattern /^[a-z0-9]+(-[a-z0-9]+)*$/');
    expect(checkNaming('disable-recommendations', 'ops', naming)).toBe('ops flag "disable-recommendations" does not match the ops naming pattern /^ops-/');
  });

  it('checks only the global pattern when the type is unknown', () => {
    expect(checkNaming('disable-recommendations', undefined, naming)).toBeNull();
  });
});

describe('dates', () => {
  it('parses real calendar dates only', () => {
    expect(parseIsoDate('2026-08-01')?.toISOString()).toBe('2026-08-01T00:00:00.000Z');
    expect(parseIsoDate('2028-02-29')).not.toBeNull();
    for (const bad of ['2026-13-45', '2026-02-30', '2027-02-29', '2026-8-1', '2026-08-01T10:00:00Z', 'soon', '']) expect(isIsoDate(bad)).toBe(false);
  });

  it('counts whole days across month, year and DST boundaries', () => {
    expect(daysBetween('2026-08-01', '2026-11-21')).toBe(112);
    expect(daysBetween('2026-11-21', '2026-08-01')).toBe(-112);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(addDays('2026-10-15', 37)).toBe('2026-11-21');
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });

  it('formats today as an ISO date', () => {
    expect(isIsoDate(todayIso())).toBe(true);
    expect(formatIsoDate(new Date(Date.UTC(2026, 0, 5)))).toBe('2026-01-05');
  });
});
