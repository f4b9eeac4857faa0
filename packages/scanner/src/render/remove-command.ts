import type { FlagReport } from '../types.js';

/**
 * The `flagdebt remove` command a report suggests for a flag, ready to paste into a POSIX
 * shell. A complete flag takes its value from the registry; any other flag needs `--value`
 * and the report cannot know which value the team wants to keep.
 */
export function removeCommand(flag: Pick<FlagReport, 'key' | 'state'>): string {
  const safe = /^[A-Za-z0-9._:/@+-]+$/.test(flag.key);
  const key = safe ? flag.key : `'${flag.key.replace(/'/g, `'\\''`)}'`;
  return flag.state === 'complete' ? `flagdebt remove ${key}` : `flagdebt remove ${key} --value <value>`;
}
