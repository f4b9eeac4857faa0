/**
 * Rewriting a key where it is written. Only a key written at the read itself (a string literal,
 * a template without substitutions, a property name) can be replaced there; a key that comes
 * from a const or an enum is fixed where it is declared, not at every read.
 */
import type { Span } from '@flagdebt/core';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;

/**
 * `key` written the way `original` is written (same quotes), or null when that cannot be done
 * in place. `isPropertyName`: the key is the name in `toggles.searchV2`, not an identifier that
 * refers to a const (`flags.isEnabled(KEY)`), which must not be replaced.
 */
export function rewriteKeyText(original: string, key: string, isPropertyName: boolean): string | null {
  const quote = original[0];
  if (quote === "'" || quote === '"' || quote === '`') {
    if (quote === '`' && original.includes('${')) return null;
    const escaped = key.replace(/\\/g, '\\\\').replaceAll(quote, `\\${quote}`).replace(/\n/g, '\\n');
    return `${quote}${escaped}${quote}`;
  }
  // A property name (`toggles.searchV2`) can only become another identifier.
  return isPropertyName && IDENTIFIER.test(key) ? key : null;
}

export function textAt(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}
