import { FlagdebtError, suggestKey, type Diagnostic, type FlagState, type FlagValue, type Registry } from '@flagdebt/core';
import type { FlagToRemove } from '../types.js';

export interface ResolvedFlag {
  key: string;
  value: FlagValue;
  registered: boolean;
  /** The registry state (undefined for an unregistered flag), for messages. */
  state?: FlagState;
}

/**
 * The value each flag is folded to: `--value` when given, else the registry's value of a
 * `complete` flag. Anything else is a user error, reported for all flags at once.
 */
export function resolveFlagValues(flags: FlagToRemove[], registry: Registry): ResolvedFlag[] {
  const errors: Diagnostic[] = [];
  const out: ResolvedFlag[] = [];
  for (const f of flags) {
    const def = registry.flags.get(f.key);
    if (f.value !== undefined) {
      out.push({ key: f.key, value: f.value, registered: def !== undefined, state: def?.state });
      continue;
    }
    if (!def) {
      const suggestion = suggestKey(f.key, registry.flags.keys());
      errors.push({
        severity: 'error',
        code: 'remove/unknown-flag',
        file: registry.file,
        line: 0,
        column: 0,
        flag: f.key,
        message: `flag "${f.key}" is not in the registry${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
        fix: suggestion ? `run \`flagdebt remove ${suggestion}\`, or pass --value to remove an unregistered flag` : 'check the key, or pass --value to remove an unregistered flag',
      });
      continue;
    }
    if (def.state === 'active' || def.value === undefined) {
      errors.push({
        severity: 'error',
        code: 'remove/not-complete',
        file: registry.file,
        line: def.location.line,
        column: def.location.column,
        flag: f.key,
        message:
          def.state === 'active'
            ? `flag "${f.key}" is still active: no single value for everyone has been decided`
            : `flag "${f.key}" is ${def.state} but has no \`value\` to keep`,
        fix: 'set `state: complete` and `value:` in the registry, or pass --value',
      });
      continue;
    }
    out.push({ key: f.key, value: def.value, registered: true, state: def.state });
  }
  if (errors.length > 0) throw new FlagdebtError(errors);
  return out;
}
