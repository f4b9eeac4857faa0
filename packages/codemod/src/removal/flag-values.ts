import { FlagdebtError, suggestKey, type Diagnostic, type FlagState, type FlagValue, type Registry } from '@flagdebt/core';
import type { FlagToRemove } from '../types.js';

export interface ResolvedFlag {
  key: string;
  value: FlagValue;
  registered: boolean;
  /** The registry state (undefined for an unregistered flag), for messages. */
  state?: FlagState;
  /** The registry's `default`: what the code reads when nothing sets the flag (tests included). */
  default?: FlagValue;
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
      const kind = def ? kindOf(def.default ?? def.value) : undefined;
      const value = kind ? asKind(f.value, kind) : f.value;
      if (value === undefined) {
        const example = def!.default ?? def!.value;
        errors.push({
          severity: 'error',
          code: 'remove/value-kind',
          file: registry.file,
          line: def!.location.line,
          column: def!.location.column,
          flag: f.key,
          message: `--value ${JSON.stringify(f.value)} is not a ${kind}, but flag "${f.key}" is a ${kind} flag (its registry ${def!.default !== undefined ? 'default' : 'value'} is ${JSON.stringify(example)})`,
          fix: kind === 'boolean' ? booleanFix(f.key, String(f.value)) : `pass a ${kind} (e.g. --value ${JSON.stringify(example)})`,
        });
        continue;
      }
      out.push({ key: f.key, value, registered: def !== undefined, state: def?.state, default: def?.default });
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
    out.push({ key: f.key, value: def.value, registered: true, state: def.state, default: def.default });
  }
  if (errors.length > 0) throw new FlagdebtError(errors);
  return out;
}

/**
 * A typo of `true`/`false` gets the two values; any other word may be a variant of an
 * experiment that the registry lists as a boolean (`flagdebt init` writes `default: false`,
 * which is what a PostHog or LaunchDarkly multivariate flag reads when no variant matches).
 */
function booleanFix(key: string, given: string): string {
  const values = `pass --value true or --value false (e.g. \`flagdebt remove ${key} --value true\`)`;
  if (suggestKey(given.toLowerCase(), ['true', 'false']) !== undefined) return values;
  return `${values}; if "${given}" is a variant of an experiment, make the flag's registry \`default\` its control variant (e.g. \`default: control\`), then pass --value ${given}`;
}

type ValueKind = 'boolean' | 'number' | 'string';

function kindOf(v: FlagValue | undefined): ValueKind | undefined {
  return v === undefined ? undefined : (typeof v as ValueKind);
}

/**
 * `--value` as the flag's kind, or undefined when it is not one: `flase` on a boolean flag would
 * fold to a truthy string and keep the ON branch, the opposite of the intent. A string flag takes
 * `--value 42` as "42" (the CLI cannot tell them apart).
 */
function asKind(v: FlagValue, kind: ValueKind): FlagValue | undefined {
  if (typeof v === kind) return v;
  if (kind === 'string' && (typeof v === 'number' || typeof v === 'boolean')) return String(v);
  return undefined;
}
