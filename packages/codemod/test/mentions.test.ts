import { describe, expect, it } from 'vitest';
import { excerpt, mentionsIn } from '../src/output/mentions.js';

describe('where a key is still mentioned after a removal', () => {
  it('tells strings, comments and code apart, also after a template substitution and in generics', () => {
    const text = [
      "const key = `WORKFLOWS_${projectId}_${slug}`;",
      'type Map = Array<Record<string, number>>;',
      '// WORKFLOWS are listed on the settings page',
      "const label = 'WORKFLOWS';",
      'export const count = flags.WORKFLOWS;',
      '/* WORKFLOWS */ const done = `done ${`WORKFLOWS`}`;',
    ].join('\n');
    const kinds = mentionsIn('/p/src/workflow.ts', 'src/workflow.ts', text, 'WORKFLOWS').map((m) => `${m.line}:${m.kind}`);
    expect(kinds).toEqual(['1:string', '3:comment', '4:string', '5:code', '6:comment', '6:string']);
  });

  it('counts files that are not code as other files', () => {
    expect(mentionsIn('/p/docs/flags.md', 'docs/flags.md', 'See `WORKFLOWS`.', 'WORKFLOWS')).toEqual([
      { key: 'WORKFLOWS', file: 'docs/flags.md', line: 1, column: 6, kind: 'non-ts', text: 'See `WORKFLOWS`.' },
    ]);
  });

  it('cuts a long line to the key and 60 characters either side', () => {
    const line = `${'x'.repeat(300)}new-nav${'y'.repeat(300)}`;
    expect(excerpt(line, 300, 7)).toBe(`…${'x'.repeat(60)}new-nav${'y'.repeat(60)}…`);
    expect(excerpt('  short line with new-nav  ', 19, 7)).toBe('short line with new-nav');
  });
});
