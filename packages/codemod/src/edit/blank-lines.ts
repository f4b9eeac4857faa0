/**
 * Removing statements one by one can leave two blank lines in a row, or a blank line right
 * before a closing brace. Tidied only when the original file had no such spot itself, so an
 * author's own layout is never rewritten.
 */
export function tidyBlankLines(original: string, text: string): string {
  let out = text;
  const doubleBlank = /\n[ \t]*\n([ \t]*\n)+/g;
  if (!doubleBlank.test(original)) out = out.replace(doubleBlank, '\n\n');
  const blankBeforeClose = /\n[ \t]*\n([ \t]*[}\]])/g;
  if (!blankBeforeClose.test(original)) out = out.replace(blankBeforeClose, '\n$1');
  const blankAfterOpen = /([{[][ \t]*\n)[ \t]*\n/g;
  if (!blankAfterOpen.test(original)) out = out.replace(blankAfterOpen, '$1');
  if (!/^\s*\n/.test(original)) out = out.replace(/^[ \t]*\n+/, '');
  return out;
}
