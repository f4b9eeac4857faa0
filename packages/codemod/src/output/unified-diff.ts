import { createTwoFilesPatch } from 'diff';

/** One unified diff for the whole run, `a/` and `b/` prefixed like git's. */
export function unifiedDiff(changes: Array<{ relative: string; before: string; after: string | null }>): string {
  return changes
    .map((c) =>
      createTwoFilesPatch(`a/${c.relative}`, c.after === null ? '/dev/null' : `b/${c.relative}`, c.before, c.after ?? '', undefined, undefined, { context: 3 })
        .split('\n')
        .filter((line) => !line.startsWith('====='))
        .join('\n'),
    )
    .join('');
}

export function linesRemoved(before: string, after: string | null): number {
  const count = (s: string) => (s.length === 0 ? 0 : s.split('\n').length);
  return Math.max(0, count(before) - (after === null ? 0 : count(after)));
}
