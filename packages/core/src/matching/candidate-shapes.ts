/**
 * Where an accessor's word counts for the file pre-filter. Every read spells its accessor's last
 * segment, but words like `flag` or `flags` are also everyday identifiers: on a feature-flag
 * product most files spell them without reading a flag (Unleash: 872 of 6,014 files). Each kind
 * of accessor can only be read in some forms (accessor-match.ts), so its word chooses a file only
 * where the text spells it in such a form. The tests stay a sound over-approximation of the
 * matcher: comments may sit anywhere between tokens, and a form the matcher follows through an
 * import or an alias keeps the plain word.
 */
import type { Accessor } from '../types.js';
import { accessorName, isCallAccessor, isExportAccessor, isMemberAccessor, isPropertyAccessor } from '../types.js';

/** Accessor words that choose a file only where spelled in one of their accessor's read forms. */
export interface CandidateShapes {
  /**
   * Last segments of call accessors without `from`: followed by what can come between a callee
   * and its arguments (`(`, `?.(`, `<T>(`, `!`, `)` of a parenthesised callee, `as`, `satisfies`),
   * or a whole string (`x['isEnabled'](`).
   */
  calls: string[];
  /** `property` accessors: a property name (`flag:`, `'flag':`) or a shorthand (`{ flag }`). */
  properties: string[];
  /** `export` accessors: a declared name (`featureFlag =`, `featureFlag: T =`). */
  exports: string[];
  /**
   * Member accessors of two or more named segments: a read ends its object with the whole path
   * (`uiConfig.flags.x`, `const { flags } = uiConfig`), so the file spells every segment.
   */
  members: string[][];
}

export interface CandidateForms {
  /** Words that choose a file wherever they are spelled: wrapper names and the other accessors' words. */
  words: readonly string[];
  shapes: CandidateShapes;
}

const IDENTIFIER = /^[\w$]+$/;

/** The accessors' words split into plain words and shaped ones (see `CandidateShapes`). */
export function accessorShapes(accessors: readonly Accessor[]): { plain: string[]; shapes: CandidateShapes } {
  const plain: string[] = [];
  const shapes: CandidateShapes = { calls: [], properties: [], exports: [], members: [] };
  for (const a of accessors) {
    const name = accessorName(a);
    if (isPropertyAccessor(a) || isExportAccessor(a)) {
      (isPropertyAccessor(a) ? shapes.properties : shapes.exports).push(name);
      continue;
    }
    const segs = name.split('.').filter((seg) => seg !== '*');
    const last = segs[segs.length - 1];
    // A call imported `from` a module may be renamed on import (`import { useFlag as f }`).
    if (isCallAccessor(a) && a.from === undefined) shapes.calls.push(last);
    else if (isMemberAccessor(a)) {
      // `this` is spelled by every class; a path of one segment has many forms (`= flags`).
      const named = segs.filter((seg) => seg !== 'this' && seg !== '');
      if (named.length >= 2 && named.every((seg) => IDENTIFIER.test(seg))) shapes.members.push(named);
      else plain.push(last);
    } else plain.push(last);
  }
  return { plain, shapes };
}

/**
 * Whitespace and comments: what may sit between two tokens. Each comment ends at its first `*\/`
 * or at the end of its line, so that a text can be split into trivia in one way only (no
 * backtracking over runs of slashes).
 */
const TRIVIA = String.raw`(?:\s|\/\*(?:[^*]|\*(?!\/))*\*\/|\/\/[^\n]*(?![^\n]))*`;
const BEFORE = String.raw`(?<![\w$])`;
const AFTER = String.raw`(?![\w$])`;
const CALLEE_END = String.raw`(?=${TRIVIA}(?:[(<!)]|\?\.|as${AFTER}|satisfies${AFTER}))`;
/** `flagResolver['isEnabled'](...)`: the word as a whole string. */
const QUOTED = String.raw`(?<=['"\x60])`;
const QUOTE_END = String.raw`(?=['"\x60])`;
/** A property name, quoted or not, then its colon. */
const PROPERTY_NAME = String.raw`(?=['"]?${TRIVIA}:)`;
/** A shorthand property: after `{`, `,`, a comment or at the start of a line; before `,`, `}` or `=`. */
const SHORTHAND_BEFORE = String.raw`(?<=(?:[{,\n]|\*\/)[ \t\r\n]*)`;
const SHORTHAND_AFTER = String.raw`(?=${TRIVIA}[,}=])`;
const DECLARED = String.raw`(?=${TRIVIA}[=:])`;

/**
 * The shaped words' test: find each shaped word with one scan (as fast as the plain words'), then
 * test its form at that offset alone. One alternation of the forms, each led by a lookbehind,
 * made the engine try every form at every offset: about 7 times slower on Unleash's texts.
 */
export class ShapeTest {
  private readonly words: RegExp | null;
  /** Sticky: each tried at a word's offset. */
  private readonly forms: RegExp[] = [];
  private readonly members: RegExp[][];

  constructor(shapes: CandidateShapes, trie: (words: string[]) => string) {
    const usable = (words: string[]) => [...new Set(words)].filter((w) => IDENTIFIER.test(w));
    const calls = usable(shapes.calls);
    const properties = usable(shapes.properties);
    const exports = usable(shapes.exports);
    const all = usable([...calls, ...properties, ...exports]);
    this.words = all.length > 0 ? new RegExp(`${BEFORE}${trie(all)}${AFTER}`, 'g') : null;
    const form = (source: string) => this.forms.push(new RegExp(source, 'y'));
    if (calls.length > 0) {
      form(`${trie(calls)}${AFTER}${CALLEE_END}`);
      form(`${QUOTED}${trie(calls)}${QUOTE_END}`);
    }
    if (properties.length > 0) {
      const words = trie(properties);
      form(`${words}${AFTER}${PROPERTY_NAME}`);
      form(`${SHORTHAND_BEFORE}${words}${AFTER}${SHORTHAND_AFTER}`);
    }
    if (exports.length > 0) form(`${trie(exports)}${AFTER}${DECLARED}`);
    this.members = shapes.members.map((segs) => [...new Set(segs)].map((seg) => new RegExp(`${BEFORE}${seg.replace(/\$/g, '\\$')}${AFTER}`)));
  }

  matches(text: string): boolean {
    if (this.words) {
      const words = this.words;
      words.lastIndex = 0;
      for (let m = words.exec(text); m !== null; m = words.exec(text)) {
        for (const form of this.forms) {
          form.lastIndex = m.index;
          if (form.test(text)) return true;
        }
      }
    }
    // A member read spells every segment of its path (`uiConfig.flags.x`, `const { flags } = uiConfig`).
    return this.members.some((segments) => segments.every((segment) => segment.test(text)));
  }
}
