/** Naming conventions for flag keys, from the config's `naming` section. */
import type { FlagType, NamingConfig } from '../types.js';

const compiled = new Map<string, RegExp | null>();

/** Compiles once per pattern; null for an invalid pattern (the config loader reports those). */
export function compilePattern(pattern: string): RegExp | null {
  if (!compiled.has(pattern)) {
    let regex: RegExp | null;
    try {
      regex = new RegExp(pattern);
    } catch {
      regex = null;
    }
    compiled.set(pattern, regex);
  }
  return compiled.get(pattern) ?? null;
}

/** Why `key` breaks the naming convention, or null when it follows it. */
export function checkNaming(key: string, type: FlagType | undefined, naming: NamingConfig): string | null {
  if (naming.pattern !== undefined) {
    const regex = compilePattern(naming.pattern);
    if (regex && !regex.test(key)) return `key "${key}" does not match the naming pattern /${naming.pattern}/`;
  }
  const typePattern = type !== undefined ? naming.types?.[type] : undefined;
  if (type !== undefined && typePattern !== undefined) {
    const regex = compilePattern(typePattern);
    if (regex && !regex.test(key)) return `${type} flag "${key}" does not match the ${type} naming pattern /${typePattern}/`;
  }
  return null;
}
