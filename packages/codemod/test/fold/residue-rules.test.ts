import { describe, expect, it } from 'vitest';
import type { FlagValue } from '@flagdebt/core';
import { foldEvaluations } from '../../src/index.js';

/** Folds every `FLAG` identifier (stands in for a flag read found by core) to `value`. */
function fold(text: string, value: FlagValue): string {
  const evaluations = [...text.matchAll(/\bFLAG\b/g)].map((m) => ({ start: m.index, end: m.index + 4 }));
  return foldEvaluations({ fileName: 'case.tsx', text, evaluations, value }).text;
}

describe('constant residue', () => {
  it('keeps a receiver that may have an effect when the filter keeps nothing', () => {
    expect(fold('const a = load().filter(() => FLAG);\n', false)).toBe('const a = load().filter(() => false);\n');
    expect(fold('const a = rows.filter(() => FLAG);\n', false)).toBe('const a = [];\n');
    expect(fold('const a = load().filter((r) => FLAG || r.ok).map(f);\n', true)).toBe('const a = load().map(f);\n');
    // The copy may be changed later: it stays a copy.
    expect(fold('const a = rows.filter((r) => FLAG || r.ok);\na.push(x);\n', true)).toBe('const a = [...rows];\na.push(x);\n');
    expect(fold('for (const r of rows.filter(() => FLAG)) use(r);\n', true)).toBe('for (const r of rows) use(r);\n');
  });

  it('leaves filters whose callback still decides something, and optional calls', () => {
    expect(fold('const a = rows.filter((r) => FLAG && r.ok);\n', true)).toBe('const a = rows.filter((r) => r.ok);\n');
    expect(fold('const a = rows?.filter(() => FLAG);\n', true)).toBe('const a = rows?.filter(() => true);\n');
  });

  it('keeps a class-name key that is computed with an effect', () => {
    expect(fold("const c = cn('a', { [next()]: FLAG });\n", true)).toBe("const c = cn('a', { [next()]: true });\n");
    expect(fold("const c = cn('a', { [styles.b]: FLAG, c: on });\n", true)).toBe("const c = cn('a', styles.b, { c: on });\n");
    expect(fold("const c = clsx({ b: FLAG });\n", false)).toBe('const c = clsx();\n');
  });

  it('escapes what a folded string brings into a template', () => {
    const text = "const s = `${FLAG ? 'a`${b}' : 'c'}!`;\n";
    expect(fold(text, true)).toBe('const s = `a\\`\\${b}!`;\n');
  });

  it('only spreads array literals this run produced, in arrays and calls', () => {
    expect(fold('const a = [...(FLAG ? [x, y] : []), z];\nconst b = [...[w]];\n', true)).toBe('const a = [x, y, z];\nconst b = [...[w]];\n');
    expect(fold('f(a, ...(FLAG ? [x] : []));\n', false)).toBe('f(a);\n');
    expect(fold('const o = { ...(FLAG ? [x] : []) };\n', true)).toBe('const o = { ...([x]) };\n');
  });

  it('makes a deferred initializer a const only when nothing else writes the variable', () => {
    expect(fold("let t;\nif (FLAG) t = 'n';\nuse(t);\n", true)).toBe("const t = 'n';\nuse(t);\n");
    expect(fold("let t;\nif (FLAG) t = 'n';\nif (x) t = 'm';\nuse(t);\n", true)).toBe("let t = 'n';\nif (x) t = 'm';\nuse(t);\n");
    expect(fold("let t = init();\nif (FLAG) t = 'n';\nuse(t);\n", true)).toBe("let t = init();\nt = 'n';\nuse(t);\n");
    expect(fold('let t = 1;\nif (FLAG) t = t + 1;\nuse(t);\n', true)).toBe('let t = 1;\nt = t + 1;\nuse(t);\n');
    // An array the fold emptied goes where it is used once, where the use's type applies (TS7034 otherwise).
    expect(fold('function f(): { items: string[] } {\n  const items = FLAG ? load() : [];\n  return { items };\n}\n', false)).toBe('function f(): { items: string[] } {\n  return { items: [] };\n}\n');
    expect(fold('const items = FLAG ? load() : [];\nsend(items);\n', false)).toBe('send([]);\n');
    // Used twice, in a loop or in a function: one shared array, it stays.
    expect(fold('const items = FLAG ? load() : [];\nsend(items);\nlog(items);\n', false)).toBe('const items = [];\nsend(items);\nlog(items);\n');
    expect(fold('const items = FLAG ? load() : [];\nfor (const x of xs) items.push(x);\n', false)).toBe('const items = [];\nfor (const x of xs) items.push(x);\n');
    expect(fold('const items = FLAG ? load() : [];\nexport const add = (x: string) => items.push(x);\n', false)).toBe('const items = [];\nexport const add = (x: string) => items.push(x);\n');
    // A file written without semicolons gets none.
    expect(fold("let t\nif (FLAG) {\n  t = 'n'\n} else {\n  t = 'o'\n}\nuse(t)\n", true)).toBe("const t = 'n'\nuse(t)\n");
  });

  it('never turns `cond && !flag` into a bare call of a function that has effects', () => {
    const pure = 'function stale(o) {\n  return o.archived;\n}\nfunction f(o) {\n  if (stale(o) && !FLAG) return null;\n  return o;\n}\n';
    expect(fold(pure, true)).toBe('function stale(o) {\n  return o.archived;\n}\nfunction f(o) {\n  return o;\n}\n');
    const effect = 'function seen(o) {\n  log(o);\n  return o.archived;\n}\nfunction f(o) {\n  if (seen(o) && !FLAG) return null;\n  return o;\n}\n';
    expect(fold(effect, true)).toContain('  seen(o);\n  return o;\n');
    // A local binding of the same name is not the pure top-level function.
    const shadow = 'function stale(o) {\n  return o.archived;\n}\nfunction f(o, stale) {\n  if (stale(o) && !FLAG) return null;\n  return o;\n}\n';
    expect(fold(shadow, true)).toContain('  stale(o);\n');
  });

  it('unwraps a kept branch unless a binding of the same name is used around it', () => {
    const fine = 'function f(o) {\n  const fmt = (label) => label;\n  if (FLAG) {\n    const label = o.id;\n    return fmt(label) + o.label;\n  }\n  return null;\n}\n';
    expect(fold(fine, true)).toBe('function f(o) {\n  const fmt = (label) => label;\n  const label = o.id;\n  return fmt(label) + o.label;\n}\n');
    const clash = 'function f(o) {\n  const label = o.name;\n  if (FLAG) {\n    const label = o.id;\n    use(label);\n  }\n  return label;\n}\n';
    expect(fold(clash, true)).toBe('function f(o) {\n  const label = o.name;\n  {\n    const label = o.id;\n    use(label);\n  }\n  return label;\n}\n');
  });

  it('replaces a conditional-render element by what it shows', () => {
    const text = 'const a = (\n  <div>\n    <If condition={FLAG} show={null} elseShow={\n      <b>old</b>\n    } />\n  </div>\n);\n';
    expect(fold(text, true)).toBe('const a = (\n  <div>\n  </div>\n);\n');
    expect(fold(text, false)).toBe('const a = (\n  <div>\n    <b>old</b>\n  </div>\n);\n');
    const other = 'const a = <If condition={FLAG} show={<b />} when="x" />;\n';
    expect(fold(other, true)).toBe('const a = <If condition show={<b />} when="x" />;\n');
  });
});

describe('initializers left on their own line', () => {
  it('join the `=` line when the folded rest fits in 80 columns', () => {
    const text = 'function f() {\n    const show =\n        isEnterprise() && FLAG;\n    return show;\n}\n';
    expect(fold(text, true)).toBe('function f() {\n    const show = isEnterprise();\n    return show;\n}\n');
    const long = `const show =\n    ${'x'.repeat(70)} && FLAG;\n`;
    expect(fold(long, true)).toBe(`const show =\n    ${'x'.repeat(70)};\n`);
    const untouched = 'const show =\n    isEnterprise();\nconst on = FLAG;\nuse(on);\n';
    expect(fold(untouched, true)).toBe('const show =\n    isEnterprise();\nuse(true);\n');
  });
});

describe('conditions left on their own lines', () => {
  it('join `if (` when the folded condition fits in 80 columns', () => {
    const text = 'function f(op) {\n    if (\n        isString(op) ||\n        (isList(op) && FLAG)\n    ) {\n        show();\n    }\n}\nconst isString = (op) => op.length > 0;\nconst isList = (op) => op.length > 1;\n';
    expect(fold(text, false)).toBe('function f(op) {\n    if (isString(op)) {\n        show();\n    }\n}\nconst isString = (op) => op.length > 0;\nconst isList = (op) => op.length > 1;\n');
    // An imported `isList` is unknown without the project: it stays for its effects.
    const imported = "import { isList } from './ops';\nif (\n    a ||\n    (isList(op) && FLAG)\n) {\n    show();\n}\n";
    expect(fold(imported, false)).toBe("import { isList } from './ops';\nif (\n    a ||\n    (isList(op) && false)\n) {\n    show();\n}\n");
  });
});

describe('a trailing return', () => {
  it('goes when an inlined branch left it last in a function body', () => {
    const text = 'async function f() {\n  if (FLAG) {\n    await a();\n    return;\n  }\n  await b();\n}\nfunction g() {\n  use();\n  return;\n}\n';
    expect(fold(text, true)).toBe('async function f() {\n  await a();\n}\nfunction g() {\n  use();\n  return;\n}\n');
    const loop = 'function f(xs) {\n  for (const x of xs) {\n    if (FLAG) {\n      use(x);\n      return;\n    }\n  }\n}\n';
    expect(fold(loop, true)).toBe('function f(xs) {\n  for (const x of xs) {\n    use(x);\n    return;\n  }\n}\n');
  });
});

describe('a kept branch left as a bare block', () => {
  it('is unwrapped once the code its names clashed with is gone', () => {
    const text = 'async function f() {\n  if (FLAG) {\n    const s = await a();\n    use(s);\n    return;\n  }\n  const s = await b();\n  use(s);\n}\n';
    expect(fold(text, true)).toBe('async function f() {\n  const s = await a();\n  use(s);\n}\n');
  });
});
