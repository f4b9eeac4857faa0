import { describe, expect, it } from 'vitest';
import { CandidateFilter, trieSource, wordFilter } from '../../src/matching/candidate-filter.js';

describe('candidate filter', () => {
  it('finds a few words (looked for with indexOf) exactly where the regular expression of many does', () => {
    const text = [
      'import React from "react"; import * as api from "./api";',
      'const flag = api.flag($flag, flag_, flags, _flag, flag$);',
      'React.useState(flag);flag',
    ].join('\n');
    const few = ['flag', 'api', 'React', 'flags'];
    // Nine words: past the indexOf path, the regular expression; the extra words never occur.
    const many = [...few, 'w1', 'w2', 'w3', 'w4', 'w5'];
    const expected = [...text.matchAll(/(?<![\w$])(?:flags?|api|React)(?![\w$])/g)].map((m) => m.index);
    expect(new CandidateFilter(few).offsets(text)).toEqual(expected);
    expect(new CandidateFilter(many).offsets(text)).toEqual(expected);
    expect(new CandidateFilter(['flag']).offsets(text)).toEqual(expected.filter((at) => text.startsWith('flag', at) && !text.startsWith('flags', at)));
    expect(new CandidateFilter(['flag$', 'lag']).offsets(text)).toEqual([text.indexOf('flag$')]);
    expect(new CandidateFilter(['flag$x', 'lag']).matches(text)).toBe(false);
    expect(new CandidateFilter(['$flag']).matches(text)).toBe(true);
    expect(new CandidateFilter(['useState']).offsets(text)).toEqual([text.indexOf('useState')]);
  });

  it('shares one filter between equal word lists', () => {
    expect(wordFilter(['React', 'styled'])).toBe(wordFilter(['React', 'styled']));
    expect(wordFilter(['React', 'styled'])).not.toBe(wordFilter(['React']));
  });

  it('matches accessor and wrapper names as whole identifiers only', () => {
    const filter = new CandidateFilter(['useFlag', 'useFlagValue', 'isEnabled']);
    expect(filter.matches('const on = useFlag("x");')).toBe(true);
    expect(filter.matches('const v = useFlagValue("x");')).toBe(true);
    expect(filter.matches('flags?.isEnabled?.("x")')).toBe(true);
    expect(filter.matches('const store = useFlagStore();')).toBe(false);
    expect(filter.matches('const $useFlag = 1; isEnabledFor(x)')).toBe(false);
  });

  it('matches registered keys anywhere, also as parts of longer strings', () => {
    const filter = new CandidateFilter([], ['new-checkout', 'new-search', 'a.b']);
    expect(filter.matches("export enum Flag { Checkout = 'new-checkout' }")).toBe(true);
    expect(filter.matches('const k = "a.b";')).toBe(true);
    expect(filter.matches('const k = "axb";')).toBe(false);
    expect(filter.matches('new-check')).toBe(false);
  });

  it('with quotedKeys, matches a key only as a whole string literal, as a declaration spells it', () => {
    const filter = new CandidateFilter([], ['demo', 'new-nav', "it's"], { quotedKeys: true });
    expect(filter.matches("export enum Flag { Demo = 'demo' }")).toBe(true);
    expect(filter.matches('type FlagKey = "new-nav" | "other";')).toBe(true);
    expect(filter.matches('const Flags = { NewNav: `new-nav` } as const;')).toBe(true);
    expect(filter.matches("const demoData = loadDemo('demo-project'); // the demo")).toBe(false);
    expect(filter.matches("const k = 'new-nav-v2';")).toBe(false);
    // A key a literal would escape counts anywhere.
    expect(filter.matches("// it's on")).toBe(true);
  });

  it('factors shared prefixes so that a large registry stays one cheap pattern', () => {
    expect(trieSource(['new-checkout', 'new-search', 'useFlag', 'useFlagValue'])).toBe('(?:new-(?:checkout|search)|useFlag(?:Value)?)');
    const keys = Array.from({ length: 2000 }, (_, i) => `team-${i % 7}-flag-${i}`);
    const filter = new CandidateFilter([], keys);
    expect(filter.matches("useFlag('team-3-flag-1999')")).toBe(true);
    // 200 % 7 = 4: "team-4-flag-200" is a key and a prefix of this text
    expect(filter.matches("useFlag('team-4-flag-2000')")).toBe(true);
    expect(filter.matches("useFlag('team-3-flag-2000')")).toBe(false);
    expect(filter.matches("useFlag('team-9-flag-1')")).toBe(false);
  });

  it('matches nothing without words or keys', () => {
    expect(new CandidateFilter([], []).matches('useFlag("x")')).toBe(false);
  });
});
