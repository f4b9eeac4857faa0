import { FlagdebtError, parseIsoDate, type FlagValue, type IsoDate } from '@flagdebt/core';

/** `--value true|false|<number>|<string>`: the same literal rules as the registry's `value`. */
export function parseFlagValue(raw: string): FlagValue {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (/^-?(?:0|[1-9]\d*)(?:\.\d+)?$/.test(raw)) return Number(raw);
  return raw;
}

/** `--now 2026-11-21`: a real calendar date, or a usage error (exit 2). */
export function parseNow(raw: string | undefined, option = '--now'): IsoDate | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || parseIsoDate(raw) === null) {
    throw new FlagdebtError({
      severity: 'error',
      code: 'cli/invalid-date',
      file: option,
      line: 0,
      column: 0,
      message: `"${raw}" is not a valid date`,
      fix: `pass a calendar date as YYYY-MM-DD, e.g. ${option} 2026-11-21`,
    });
  }
  return raw;
}

export function usageError(code: string, message: string, fix: string): FlagdebtError {
  return new FlagdebtError({ severity: 'error', code, file: 'flagdebt', line: 0, column: 0, message, fix });
}
