import { describe, expect, it } from 'vitest';
import { applyEdits, OverlappingEditsError, replaceWith, withoutNested } from '../../src/edit/text-edits.js';

const NO_MARKS = { constants: [], touched: [] };

describe('withoutNested', () => {
  // `if (v) {\n  v = true;\n}\n` removed whole, plus the read of `v` in its test.
  const text = 'let v = true;\nif (v) {\n  v = true;\n}\nuse(v);\n';
  const removeIf = replaceWith(14, 37, '');
  const readInTest = replaceWith(18, 19, 'true', true);
  const readAfter = replaceWith(41, 42, 'true', true);

  it('keeps the outer edit and drops the ones inside it', () => {
    const kept = withoutNested([readInTest, removeIf, readAfter]);
    expect(kept).toEqual([removeIf, readAfter]);
    expect(applyEdits(text, kept!, NO_MARKS).text).toBe('let v = true;\nuse(true);\n');
  });

  it('keeps an insertion at the start of a replaced range (the shorthand `name: ` prefix)', () => {
    const insert = replaceWith(41, 41, 'v: ');
    expect(withoutNested([insert, readAfter])).toEqual([insert, readAfter]);
  });

  it('refuses edits that only partly overlap', () => {
    expect(withoutNested([replaceWith(0, 10, ''), replaceWith(5, 20, '')])).toBeNull();
  });
});

describe('applyEdits', () => {
  it('throws an OverlappingEditsError that carries the position, not a plain Error', () => {
    let caught: unknown;
    try {
      applyEdits('abcdef', [replaceWith(0, 4, 'x'), replaceWith(2, 5, 'y')], NO_MARKS);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(OverlappingEditsError);
    expect((caught as OverlappingEditsError).at).toBe(2);
  });
});
