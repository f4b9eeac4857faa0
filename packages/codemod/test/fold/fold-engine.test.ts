import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import type { FlagValue } from '@flagdebt/core';
import { foldEvaluations, foldSourceFile } from '../../src/index.js';

/** Folds every `FLAG` identifier (stands in for a flag read found by core) to `value`. */
function fold(text: string, value: FlagValue): string {
  const evaluations = [...text.matchAll(/\bFLAG\b/g)].map((m) => ({ start: m.index, end: m.index + 4 }));
  return foldEvaluations({ fileName: 'case.tsx', text, evaluations, value }).text;
}

describe('foldEvaluations', () => {
  it('drops a trailing `else if (flag)` clause when the flag is OFF', () => {
    const text = 'if (a) {\n  one();\n} else if (FLAG) {\n  two();\n}\nthree();\n';
    expect(fold(text, false)).toBe('if (a) {\n  one();\n}\nthree();\n');
    expect(fold(text, true)).toBe('if (a) {\n  one();\n} else {\n  two();\n}\nthree();\n');
  });

  it('folds nested reads of the same flag, inner first', () => {
    const text = 'function f() {\n  if (FLAG) {\n    if (!FLAG) {\n      never();\n    }\n    yes();\n  }\n}\n';
    expect(fold(text, true)).toBe('function f() {\n  yes();\n}\n');
    expect(fold(text, false)).toBe('function f() {\n}\n');
  });

  it('keeps comments on kept code and code it did not touch byte for byte', () => {
    const text = '// header\nconst  x=1 ;   // odd spacing stays\nif (FLAG) {\n  // why we call it\n  call(x);\n}\n';
    expect(fold(text, true)).toBe('// header\nconst  x=1 ;   // odd spacing stays\n// why we call it\ncall(x);\n');
  });

  it('rewrites a shorthand property and leaves useMemo dependencies', () => {
    const text = "const on = FLAG;\nconst opts = { on, id };\nconst v = useMemo(() => on && id, [on, id]);\n";
    expect(fold(text, true)).toBe('const opts = { on: true, id };\nconst v = useMemo(() => id, [id]);\n');
  });

  it('does not inline a variable that a nested parameter shadows', () => {
    const text = 'const on = FLAG;\nexport const f = (on: boolean) => on;\nuse(on);\n';
    expect(fold(text, false)).toBe('export const f = (on: boolean) => on;\nuse(false);\n');
  });

  it('compares a string variant with loose and strict equality', () => {
    expect(fold("const a = FLAG === 'green';\nconst b = FLAG != 'blue';\nuse(a, b);\n", 'green')).toBe('use(true, true);\n');
  });

  it('changes nothing without evaluations', () => {
    expect(foldEvaluations({ fileName: 'a.ts', text: 'if (true) x();\n', evaluations: [], value: true })).toEqual({ text: 'if (true) x();\n', changed: false });
  });
});

describe('foldSourceFile', () => {
  it('folds a ts-morph source file in an in-memory project', () => {
    const project = new Project({ useInMemoryFileSystem: true });
    const text = "export const label = () => (useFlag('k') ? 'new' : 'old');\n";
    const sf = project.createSourceFile('/src/label.ts', text);
    const start = text.indexOf("useFlag('k')");
    expect(foldSourceFile(sf, [{ start, end: start + "useFlag('k')".length }], false)).toBe(true);
    expect(sf.getFullText()).toBe("export const label = () => 'old';\n");
  });
});

describe('JSX', () => {
  it('drops a container that folded to null or false and unwraps one that folded to an element', () => {
    const text = 'const a = (\n  <div>\n    {FLAG ? <New /> : null}\n    <Footer />\n  </div>\n);\n';
    expect(fold(text, false)).toBe('const a = (\n  <div>\n    <Footer />\n  </div>\n);\n');
    expect(fold(text, true)).toBe('const a = (\n  <div>\n    <New />\n    <Footer />\n  </div>\n);\n');
  });
});

describe('JSX text', () => {
  it('turns a folded string into text only when it is the sole child (JSX joins lines with spaces)', () => {
    expect(fold("const a = <footer>{FLAG ? 'Pay now' : 'Continue'}</footer>;\n", true)).toBe('const a = <footer>Pay now</footer>;\n');
    const mixed = "const b = (\n  <span>\n    r3\n    {FLAG ? 'r4' : 'r5'}\n  </span>\n);\n";
    expect(fold(mixed, false)).toBe("const b = (\n  <span>\n    r3\n    {'r5'}\n  </span>\n);\n");
  });
});
