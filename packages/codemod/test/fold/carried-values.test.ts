import { describe, expect, it } from 'vitest';
import type { FlagValue } from '@flagdebt/core';
import { foldEvaluations } from '../../src/index.js';

/** Folds every `FLAG` identifier (stands in for a flag read found by core) to `value`. */
function fold(text: string, value: FlagValue): string {
  const evaluations = [...text.matchAll(/\bFLAG\b/g)].map((m) => ({ start: m.index, end: m.index + 4 }));
  return foldEvaluations({ fileName: 'case.tsx', text, evaluations, value }).text;
}

describe('values that only carried a folded read', () => {
  it('inlines React state that is never set, and leaves its dependency arrays', () => {
    const text = [
      'export function Nav({ items }: { items: string[] }) {',
      '  const [showNew, setShowNew] = useState(FLAG);',
      '  const count = useMemo(() => items.length, [items, showNew]);',
      '  return showNew ? <New count={count} /> : <Old count={count} />;',
      '}',
      '',
    ].join('\n');
    expect(fold(text, true)).toBe('export function Nav({ items }: { items: string[] }) {\n  const count = useMemo(() => items.length, [items]);\n  return <New count={count} />;\n}\n');
    expect(fold(text, false)).toBe('export function Nav({ items }: { items: string[] }) {\n  const count = useMemo(() => items.length, [items]);\n  return <Old count={count} />;\n}\n');
  });

  it('keeps state that is set, and React.useState without a setter is still state', () => {
    const text = 'export function Nav() {\n  const [open, setOpen] = useState(FLAG);\n  const [seen] = React.useState(FLAG);\n  return <Menu open={open && seen} onClick={() => setOpen(!open)} />;\n}\n';
    expect(fold(text, true)).toBe('export function Nav() {\n  const [open, setOpen] = useState(true);\n  return <Menu open={open} onClick={() => setOpen(!open)} />;\n}\n');
  });

  it('inlines an options property read only through the object, not one that escapes', () => {
    const text = [
      'export function layout(size: number, send: (o: object) => void): string {',
      '  const opts = { useNewNav: FLAG, size };',
      '  const sent = { useNewNav: FLAG };',
      '  send(sent);',
      "  return (opts.useNewNav ? 'side' : 'top') + opts.size + (sent.useNewNav ? '!' : '');",
      '}',
      '',
    ].join('\n');
    expect(fold(text, false)).toBe(
      "export function layout(size: number, send: (o: object) => void): string {\n  const opts = { size };\n  const sent = { useNewNav: false };\n  send(sent);\n  return 'top' + opts.size + (sent.useNewNav ? '!' : '');\n}\n",
    );
  });
});
