import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverInterruptedWrite, writeAllOrNothing } from '../src/safety/atomic-write.js';
import { syntaxErrors } from '../src/safety/parse-check.js';
import { added } from '../src/safety/verify.js';
import { onCi } from '../src/safety/gate-snapshot.js';
import { normalize, restore } from '../src/edit/text-format.js';

describe('writeAllOrNothing', () => {
  it('writes every file or, when one fails, none', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-write-'));
    const a = path.join(dir, 'a.ts');
    fs.writeFileSync(a, 'old a');
    const missingDir = path.join(dir, 'missing', 'b.ts');
    expect(() => writeAllOrNothing([{ path: a, text: 'new a' }, { path: missingDir, text: 'new b' }], dir)).toThrow();
    expect(fs.readFileSync(a, 'utf8')).toBe('old a');
    expect(fs.readdirSync(dir)).toEqual(['a.ts']);

    const c = path.join(dir, 'c.ts');
    fs.writeFileSync(c, 'gone soon');
    writeAllOrNothing([{ path: a, text: 'new a' }, { path: c, text: null }], dir);
    expect(fs.readFileSync(a, 'utf8')).toBe('new a');
    expect(fs.existsSync(c)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['a.ts']);
  });

  it('rolls a journaled write forward after a crash in the rename phase', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-journal-'));
    for (const f of ['a.ts', 'b.ts', 'gone.ts']) fs.writeFileSync(path.join(dir, f), `old ${f}`);
    // What a run killed after renaming a.ts leaves behind: b's temp file and the journal.
    fs.writeFileSync(path.join(dir, 'a.ts'), 'new a.ts');
    fs.writeFileSync(path.join(dir, '.b.ts.flagdebt-1.tmp'), 'new b.ts');
    const steps = [
      { temp: path.join(dir, '.a.ts.flagdebt-1.tmp'), target: path.join(dir, 'a.ts') },
      { temp: path.join(dir, '.b.ts.flagdebt-1.tmp'), target: path.join(dir, 'b.ts') },
      { delete: path.join(dir, 'gone.ts') },
    ];
    fs.writeFileSync(path.join(dir, '.remove-journal.flagdebt-1.tmp'), JSON.stringify({ version: 1, steps }));
    expect(recoverInterruptedWrite(dir)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.ts', 'b.ts']);
    expect(fs.readFileSync(path.join(dir, 'b.ts'), 'utf8')).toBe('new b.ts');
    expect(recoverInterruptedWrite(dir)).toBe(false);
  });
});

describe('syntaxErrors', () => {
  it('names the file and position of a result that would not parse', () => {
    expect(syntaxErrors('/p/a.tsx', 'src/a.tsx', 'const a = ;\n')).toMatchObject([{ code: 'remove/unparsable-result', file: 'src/a.tsx', line: 1, column: 11 }]);
    expect(syntaxErrors('/p/a.tsx', 'src/a.tsx', 'const a = <div />;\n')).toEqual([]);
  });
});

describe('text format', () => {
  it('round-trips BOM and CRLF', () => {
    const raw = '\ufeffa\r\nb\r\n';
    const { text, format } = normalize(raw);
    expect(text).toBe('a\nb\n');
    expect(restore(text, format)).toBe(raw);
    expect(restore('a\n', normalize('a').format)).toBe('a');
  });
});

describe('added (the gate compares diagnostics)', () => {
  const d = (file: string, line: number, code: number, message: string) => ({ file, line, column: 1, code, message });
  it('ignores errors that existed before, counting duplicates, and lines that only moved', () => {
    expect(added([d('a', 3, 1, 'x')], [d('a', 1, 1, 'x'), d('a', 9, 1, 'x'), d('b', 1, 2, 'y')])).toEqual([d('a', 9, 1, 'x'), d('b', 1, 2, 'y')]);
    expect(added([d('a', 3, 1, 'x')], [d('a', 3, 1, 'other message')])).toEqual([d('a', 3, 1, 'other message')]);
  });

  it('takes an error at the same offset whose types print otherwise as the same error, and nothing looser', () => {
    const at = (file: string, start: number, code: number, message: string) => ({ ...d(file, 1, code, message), start });
    const before = [at('a', 120, 2322, `Type '{ section: "home" | "metrics"; }' is not assignable to type 'CardProps'.`)];
    // The union's members in another order: the same error.
    expect(added(before, [at('a', 120, 2322, `Type '{ section: "metrics" | "home"; }' is not assignable to type 'CardProps'.`)])).toEqual([]);
    // Another offset, another code, another wording, another file: new.
    const moved = at('a', 300, 2322, `Type '{ section: "metrics" | "home"; }' is not assignable to type 'CardProps'.`);
    const otherCode = at('a', 120, 2345, `Argument of type '{ section: "metrics"; }' is not assignable to parameter of type 'CardProps'.`);
    const otherFile = at('b', 120, 2322, `Type '{ section: "metrics" | "home"; }' is not assignable to type 'CardProps'.`);
    expect(added(before, [moved])).toEqual([moved]);
    expect(added(before, [otherCode])).toEqual([otherCode]);
    expect(added(before, [otherFile])).toEqual([otherFile]);
    // One error before pairs with one after.
    const twice = at('a', 120, 2322, `Type '{ section: "home"; }' is not assignable to type 'CardProps'.`);
    expect(added(before, [twice, twice])).toEqual([twice]);
  });
});

describe('onCi (no snapshot blob is built in the background of a CI job)', () => {
  it('reads CI as hosted services set it', () => {
    for (const value of ['true', '1', 'TRUE', 'woodpecker']) expect(onCi({ CI: value })).toBe(true);
    for (const value of [undefined, '', '0', 'false', 'False']) expect(onCi({ CI: value })).toBe(false);
  });
});
